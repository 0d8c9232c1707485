#include "remote/aria2errors.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace Quiver::Aria2 {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Quiver::Aria2", text);
}

TransferError make(ErrorKind kind, const QString &message, int httpStatus = 0)
{
    TransferError error;
    error.kind = kind;
    error.message = message;
    error.httpStatus = httpStatus;
    return error;
}

// aria2 words an unexpected HTTP status as "... status=403": the status is what the row should say.
int statusIn(const QString &message)
{
    static const QRegularExpression pattern(QStringLiteral("status=(\\d{3})\\b"));
    const auto match = pattern.match(message);
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}
} // namespace

TransferError errorForReply(const RpcReply &reply, const QString &engine)
{
    switch (reply.outcome) {
    case RpcReply::Outcome::Result:
        return {};
    case RpcReply::Outcome::Unreachable:
        return make(ErrorKind::EngineUnreachable,
                    tr("The engine “%1” could not be reached (%2). Check that aria2 runs there with "
                       "--enable-rpc and that the address is right.").arg(engine, reply.message));
    case RpcReply::Outcome::Unauthorized:
        return make(ErrorKind::Engine,
                    tr("The engine “%1” refused Quiver's secret token. Give it the token aria2 was started "
                       "with (--rpc-secret).").arg(engine));
    case RpcReply::Outcome::Garbage:
        return make(ErrorKind::Protocol,
                    tr("The engine “%1” did not answer as aria2 does (%2). Check its RPC address; it usually "
                       "ends in /jsonrpc.").arg(engine, reply.message));
    case RpcReply::Outcome::MethodError:
        break;
    }
    return make(ErrorKind::Engine, tr("The engine “%1” refused the request: %2.").arg(engine, reply.message));
}

TransferError errorForDownload(int code, const QString &message, const QString &engine)
{
    const int status = statusIn(message);
    switch (code) {
    case 3:
        return make(ErrorKind::HttpStatus, httpStatusMessage(404, "Not Found"), 404);
    case 2:
        return make(ErrorKind::Timeout, tr("The server did not answer the engine “%1” in time.").arg(engine));
    case 6:
        return make(ErrorKind::Network, tr("The engine “%1” lost the connection to the server.").arg(engine));
    case 9:
        return make(ErrorKind::LocalFile,
                    tr("The disk of the engine “%1” is full. Free some space there, then retry.").arg(engine));
    case 13:
        return make(ErrorKind::LocalFile,
                    tr("A file of that name is already in the folder on the engine “%1”. Choose another "
                       "name or folder.").arg(engine));
    case 16:
    case 15:
    case 17:
    case 18:
        return make(ErrorKind::LocalFile,
                    tr("The engine “%1” could not write the file: %2. Check the folder on that machine.")
                        .arg(engine, message));
    case 19:
        return make(ErrorKind::Network,
                    tr("The engine “%1” could not look up the server's name.").arg(engine));
    case 24:
        return make(ErrorKind::HttpStatus, httpStatusMessage(401, "Unauthorized"), 401);
    case 32:
        return make(ErrorKind::Checksum,
                    tr("The file on the engine “%1” does not match the checksum given for it.").arg(engine));
    default:
        break;
    }
    if (status >= 400)
        return make(ErrorKind::HttpStatus, httpStatusMessage(status, {}), status);
    return make(ErrorKind::Engine,
                tr("aria2 on the engine “%1” stopped the download: %2 (error %3).")
                    .arg(engine, message.isEmpty() ? tr("no reason given") : message)
                    .arg(code));
}

} // namespace Quiver::Aria2
