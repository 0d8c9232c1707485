#include "queue/transfererror.h"

#include <QCoreApplication>

namespace Quiver {

bool isRetryableHttpStatus(int status)
{
    return status == 408 || status == 425 || status == 429 || (status >= 500 && status <= 599);
}

ErrorClass classify(const TransferError &error)
{
    switch (error.kind) {
    case ErrorKind::None:
    case ErrorKind::Network:
    case ErrorKind::Timeout:
    case ErrorKind::EngineUnreachable:
    case ErrorKind::Protocol:
    case ErrorKind::OtherFile:
    case ErrorKind::PartFound:
        return ErrorClass::Retryable;
    case ErrorKind::HttpStatus:
        return isRetryableHttpStatus(error.httpStatus) ? ErrorClass::Retryable : ErrorClass::Permanent;
    case ErrorKind::LocalFile:
    case ErrorKind::Canceled:
    case ErrorKind::Engine:
        return ErrorClass::NeedsUser;
    case ErrorKind::Tls:
    case ErrorKind::Redirect:
    case ErrorKind::Checksum:
        return ErrorClass::Permanent;
    }
    return ErrorClass::Permanent;
}

QString httpStatusMessage(int status, const QByteArray &reasonPhrase)
{
    // The server's reason phrase is untrusted: keep printable ASCII only, so a hostile server cannot
    // put terminal escapes into the log or the window.
    QString reason;
    for (char c : reasonPhrase.left(80)) {
        if (c >= 0x20 && c < 0x7f)
            reason.append(QLatin1Char(c));
    }
    reason = reason.trimmed();
    const QString answered = reason.isEmpty()
        ? QCoreApplication::translate("Quiver::TransferError", "Server answered %1").arg(status)
        : QCoreApplication::translate("Quiver::TransferError", "Server answered %1 %2").arg(status).arg(reason);

    // QT_TRANSLATE_NOOP names the context for lupdate; a tr() helper here would file them under "Quiver".
    const char *advice = nullptr;
    switch (status) {
    case 400: advice = QT_TRANSLATE_NOOP("Quiver::TransferError", "the server did not understand the request. Check the link."); break;
    case 401: advice = QT_TRANSLATE_NOOP("Quiver::TransferError", "the file needs a login. Add the credentials or use another link."); break;
    case 403: advice = QT_TRANSLATE_NOOP("Quiver::TransferError", "the server refuses to give out this file. The link may have expired; get a new one."); break;
    case 404: advice = QT_TRANSLATE_NOOP("Quiver::TransferError", "the file is not there. Check the link."); break;
    case 408: advice = QT_TRANSLATE_NOOP("Quiver::TransferError", "the server gave up waiting for the request."); break;
    case 410: advice = QT_TRANSLATE_NOOP("Quiver::TransferError", "the file was removed for good. Look for another source."); break;
    case 416: advice = QT_TRANSLATE_NOOP("Quiver::TransferError", "the server cannot serve the part Quiver asked for."); break;
    case 429: advice = QT_TRANSLATE_NOOP("Quiver::TransferError", "too many requests. Fewer parallel downloads per host may help."); break;
    case 500: advice = QT_TRANSLATE_NOOP("Quiver::TransferError", "the server had an internal error."); break;
    case 502:
    case 504: advice = QT_TRANSLATE_NOOP("Quiver::TransferError", "a gateway between you and the server failed."); break;
    case 503: advice = QT_TRANSLATE_NOOP("Quiver::TransferError", "the server is overloaded or down for maintenance."); break;
    default:
        if (status >= 500)
            advice = QT_TRANSLATE_NOOP("Quiver::TransferError", "the server failed.");
        else if (status >= 400)
            advice = QT_TRANSLATE_NOOP("Quiver::TransferError", "the request was refused. Check the link.");
        else
            advice = QT_TRANSLATE_NOOP("Quiver::TransferError", "this is not a file Quiver can download.");
        break;
    }
    // The joining colon is translated too: French puts a space before it.
    return QCoreApplication::translate("Quiver::TransferError", "%1: %2", "the server's answer, then what it means")
        .arg(answered, QCoreApplication::translate("Quiver::TransferError", advice));
}

} // namespace Quiver
