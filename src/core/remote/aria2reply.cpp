#include "remote/aria2reply.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <cmath>

namespace Quiver::Aria2 {

using namespace Qt::StringLiterals;

namespace {

// A file larger than this does not exist; a larger count is a lie that would overflow sums.
constexpr qint64 kMaxCount = qint64(1) << 62;
// aria2 answers with a few KiB per download; a body past this is not an answer to trust.
constexpr qsizetype kMaxBody = 64 * 1024 * 1024;

RpcReply garbage(const QString &why)
{
    RpcReply reply;
    reply.outcome = RpcReply::Outcome::Garbage;
    reply.message = why;
    return reply;
}

// A fault object: {"code": N, "message": "..."}; aria2's code 1 with "Unauthorized" is the token.
RpcReply fromFault(const QJsonValue &value)
{
    if (!value.isObject())
        return garbage(u"an error that is not an object"_s);
    const QJsonObject fault = value.toObject();
    const QJsonValue code = fault.value("code"_L1);
    const QJsonValue message = fault.value("message"_L1);
    if (!code.isDouble() || !message.isString())
        return garbage(u"an error without a numeric code and a message"_s);
    const double number = code.toDouble();
    if (!std::isfinite(number) || number != std::floor(number) || std::fabs(number) > 1e9)
        return garbage(u"an error code that is not a small whole number"_s);
    RpcReply reply;
    reply.code = int(number);
    reply.message = message.toString().left(1000);
    reply.outcome = reply.code == 1 && reply.message == "Unauthorized"_L1 ? RpcReply::Outcome::Unauthorized
                                                                          : RpcReply::Outcome::MethodError;
    return reply;
}

std::optional<QJsonObject> envelope(const QByteArray &body, RpcReply *failure)
{
    if (body.size() > kMaxBody) {
        *failure = garbage(u"an answer of more than 64 MiB"_s);
        return std::nullopt;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) {
        *failure = garbage(u"an answer that is not JSON (%1 at byte %2)"_s.arg(error.errorString()).arg(error.offset));
        return std::nullopt;
    }
    if (!document.isObject()) {
        *failure = garbage(u"an answer that is not a JSON-RPC object"_s);
        return std::nullopt;
    }
    return document.object();
}

} // namespace

RpcReply parseReply(const QByteArray &body)
{
    RpcReply failure;
    const auto object = envelope(body, &failure);
    if (!object)
        return failure;
    if (object->contains("error"_L1))
        return fromFault(object->value("error"_L1));
    if (!object->contains("result"_L1))
        return garbage(u"an answer with neither a result nor an error"_s);
    RpcReply reply;
    reply.outcome = RpcReply::Outcome::Result;
    reply.result = object->value("result"_L1);
    return reply;
}

QList<RpcReply> parseMulticall(const QByteArray &body, qsizetype expected)
{
    const RpcReply whole = parseReply(body);
    QList<RpcReply> replies;
    if (!whole.ok()) {
        replies.fill(whole, expected);
        return replies;
    }
    const QJsonArray elements = whole.result.toArray();
    if (!whole.result.isArray() || elements.size() != expected) {
        replies.fill(garbage(u"a batched answer with %1 elements for %2 calls"_s
                                 .arg(whole.result.isArray() ? elements.size() : -1).arg(expected)),
                     expected);
        return replies;
    }
    replies.reserve(expected);
    for (const QJsonValue &element : elements) {
        if (element.isArray() && element.toArray().size() == 1) {
            RpcReply reply;
            reply.outcome = RpcReply::Outcome::Result;
            reply.result = element.toArray().at(0);
            replies.append(reply);
        } else if (element.isObject()) {
            replies.append(fromFault(element));
        } else {
            replies.append(garbage(u"a batched answer element that is neither a result nor an error"_s));
        }
    }
    return replies;
}

std::optional<qint64> parseCount(const QJsonValue &value)
{
    if (value.isString()) {
        const QString text = value.toString();
        // Digits only: toLongLong() would also take "+5", " 5" and "0x5".
        if (text.isEmpty() || text.size() > 19)
            return std::nullopt;
        for (QChar c : text) {
            if (c < u'0' || c > u'9')
                return std::nullopt;
        }
        bool ok = false;
        const qint64 number = text.toLongLong(&ok);
        if (!ok || number > kMaxCount)
            return std::nullopt;
        return number;
    }
    if (value.isDouble()) {
        const double number = value.toDouble();
        if (!std::isfinite(number) || number < 0 || number != std::floor(number) || number > double(kMaxCount))
            return std::nullopt;
        return qint64(number);
    }
    return std::nullopt;
}

QStringList statusKeys()
{
    return {u"gid"_s, u"status"_s, u"totalLength"_s, u"completedLength"_s, u"downloadSpeed"_s,
            u"errorCode"_s, u"errorMessage"_s, u"files"_s};
}

QStringList progressKeys()
{
    return {u"gid"_s, u"status"_s, u"totalLength"_s, u"completedLength"_s, u"downloadSpeed"_s,
            u"errorCode"_s, u"errorMessage"_s};
}

bool isGid(const QString &text)
{
    if (text.size() != 16)
        return false;
    for (QChar c : text) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F')))
            return false;
    }
    return true;
}

std::optional<DownloadStatus> parseStatus(const QJsonValue &value, QString *problem)
{
    const auto fail = [problem](const QString &why) -> std::optional<DownloadStatus> {
        *problem = why;
        return std::nullopt;
    };
    if (!value.isObject())
        return fail(u"a status that is not an object"_s);
    const QJsonObject object = value.toObject();
    DownloadStatus status;
    status.gid = object.value("gid"_L1).toString();
    if (!isGid(status.gid))
        return fail(u"a status without a valid gid"_s);

    static const struct {
        QLatin1StringView name;
        Status status;
    } kStates[] = {{"active"_L1, Status::Active},     {"waiting"_L1, Status::Waiting},
                   {"paused"_L1, Status::Paused},     {"error"_L1, Status::Error},
                   {"complete"_L1, Status::Complete}, {"removed"_L1, Status::Removed}};
    const QJsonValue state = object.value("status"_L1);
    bool known = false;
    for (const auto &entry : kStates) {
        if (state.isString() && state.toString() == entry.name) {
            status.status = entry.status;
            known = true;
        }
    }
    if (!known)
        return fail(u"a status that is none of aria2's"_s);

    const auto total = parseCount(object.value("totalLength"_L1));
    const auto completed = parseCount(object.value("completedLength"_L1));
    if (!total || !completed)
        return fail(u"a status without valid lengths"_s);
    status.totalLength = *total > 0 ? *total : -1;
    status.completedLength = *completed;
    if (status.totalLength >= 0 && status.completedLength > status.totalLength)
        return fail(u"a status with more bytes done than the file has"_s);
    // The speed is only shown: a missing or odd one is zero, not a reason to distrust the rest.
    status.downloadSpeed = parseCount(object.value("downloadSpeed"_L1)).value_or(0);

    if (status.status == Status::Error) {
        const auto code = parseCount(object.value("errorCode"_L1));
        status.errorCode = code && *code < 1000 ? int(*code) : 1;
        status.errorMessage = object.value("errorMessage"_L1).toString().left(1000);
    }
    const QJsonArray files = object.value("files"_L1).toArray();
    if (!files.isEmpty()) {
        const QJsonObject first = files.at(0).toObject();
        status.path = first.value("path"_L1).toString();
        // The links aria2 holds for the file, each once (it lists a link again per connection it may
        // open); a stranger's endless list is cut short.
        const QJsonArray uris = first.value("uris"_L1).toArray();
        for (qsizetype i = 0; i < uris.size() && status.uris.size() < 16; ++i) {
            const QString uri = uris.at(i).toObject().value("uri"_L1).toString();
            if (!uri.isEmpty() && !status.uris.contains(uri))
                status.uris.append(uri);
        }
    }
    return status;
}

} // namespace Quiver::Aria2
