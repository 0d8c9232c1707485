#include "http/replyerror.h"

#include "util/units.h"

#include <QNetworkReply>

namespace Quiver {

// Server-supplied text shown to a person: printable characters only (no escapes, controls or bidi
// overrides), bounded.
QString cleanForDisplay(const QString &text)
{
    QString result;
    for (QChar c : text.left(200)) {
        if (c.isPrint())
            result.append(c);
    }
    return result;
}

TransferError ReplyError::describe(const QNetworkReply &reply, const Context &context)
{
    TransferError error;
    error.kind = ErrorKind::Network;
    const QString &host = context.host;
    const QString received = Units::bytes(context.bytesReceived);
    switch (reply.error()) {
    case QNetworkReply::ConnectionRefusedError:
        error.message = tr("%1 refused the connection. The server may be down.").arg(host);
        break;
    case QNetworkReply::RemoteHostClosedError:
        error.message = tr("The server closed the connection after %1.").arg(received);
        break;
    case QNetworkReply::HostNotFoundError:
        error.message = tr("Could not find the server %1. Check the link and your connection.").arg(host);
        break;
    case QNetworkReply::TimeoutError:
        error.kind = ErrorKind::Timeout;
        error.message = tr("The connection to %1 timed out.").arg(host);
        break;
    case QNetworkReply::TooManyRedirectsError:
        error.kind = ErrorKind::Redirect;
        error.message = tr("The link redirects too many times (more than %1); it probably loops. Check the link.")
                            .arg(context.maxRedirects);
        break;
    case QNetworkReply::InsecureRedirectError:
        error.kind = ErrorKind::Redirect;
        error.message = tr("The secure link redirects to an insecure address. Quiver does not follow https links to http.");
        break;
    case QNetworkReply::ProtocolUnknownError:
        error.kind = ErrorKind::Redirect;
        error.message = tr("The link leads to an address Quiver cannot download from: only http and https work.");
        break;
    case QNetworkReply::SslHandshakeFailedError:
        error.kind = ErrorKind::Tls;
        error.message = tr("The secure connection to %1 failed: %2. Quiver does not download from a server it "
                           "cannot verify.")
                            .arg(host, cleanForDisplay(context.sslErrors.isEmpty() ? reply.errorString()
                                                                                 : context.sslErrors.join(QLatin1String("; "))));
        break;
    default: {
        const int status = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status >= 400) {
            error.kind = ErrorKind::HttpStatus;
            error.httpStatus = status;
            error.message = httpStatusMessage(status, reply.attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray());
        } else {
            error.message = tr("The download from %1 was interrupted: %2.")
                                .arg(host, cleanForDisplay(reply.errorString()));
        }
        break;
    }
    }
    return error;
}

} // namespace Quiver
