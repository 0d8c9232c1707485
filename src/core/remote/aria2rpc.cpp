#include "remote/aria2rpc.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <memory>
#include <utility>

namespace Quiver::Aria2 {

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 kMaxAnswer = 64 * 1024 * 1024;
}

Rpc::Rpc(const QUrl &endpoint, const QByteArray &secret, QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
    , m_endpoint(endpoint)
    , m_secret(secret)
{
    // The daemon answers on its own; a proxy between Quiver and the box in the cupboard is not wanted.
    m_network->setProxy(QNetworkProxy::NoProxy);
}

Rpc::~Rpc() = default;

QJsonArray Rpc::withToken(const QJsonArray &params) const
{
    if (m_secret.isEmpty())
        return params;
    QJsonArray all{QString(u"token:"_s + QString::fromUtf8(m_secret))};
    for (const QJsonValue &value : params)
        all.append(value);
    return all;
}

void Rpc::call(const Call &call, Done done)
{
    // Start All or Pause All over thousands of rows asks the same of each in one go: one request per row
    // cost the GUI thread a system call, a reply object and timers each, and aria2 a connection each.
    m_pending.append(Pending{call, std::move(done)});
    if (m_sendQueued)
        return;
    m_sendQueued = true;
    QMetaObject::invokeMethod(this, &Rpc::sendPending, Qt::QueuedConnection);
}

void Rpc::sendPending()
{
    m_sendQueued = false;
    QList<Pending> pending;
    pending.swap(m_pending);
    if (pending.size() == 1) {
        sendOne(pending.constFirst().call, std::move(pending.first().done));
        return;
    }
    // multicall() keeps each request under the daemon's size limit; the count bounds one answer's work.
    for (qsizetype from = 0; from < pending.size(); from += batchLimit()) {
        const qsizetype count = qMin(batchLimit(), pending.size() - from);
        QList<Call> calls;
        QList<Done> dones;
        calls.reserve(count);
        dones.reserve(count);
        for (qsizetype i = from; i < from + count; ++i) {
            calls.append(pending.at(i).call);
            dones.append(std::move(pending[i].done));
        }
        multicall(calls, [dones = std::move(dones)](const QList<RpcReply> &replies) {
            for (qsizetype i = 0; i < dones.size(); ++i)
                dones.at(i)(replies.at(i));
        });
    }
}

void Rpc::sendOne(const Call &call, Done done)
{
    const QJsonObject request{{"jsonrpc"_L1, "2.0"_L1},
                              {"id"_L1, QString::number(m_nextId++)},
                              {"method"_L1, call.method},
                              {"params"_L1, withToken(call.params)}};
    post(QJsonDocument(request).toJson(QJsonDocument::Compact),
         [done = std::move(done)](const QByteArray &body, const QString &failure, bool answered) {
             if (!failure.isEmpty()) {
                 RpcReply reply;
                 reply.outcome = answered ? RpcReply::Outcome::Garbage : RpcReply::Outcome::Unreachable;
                 reply.message = failure;
                 done(reply);
             } else {
                 done(parseReply(body));
             }
         });
}

void Rpc::multicall(const QList<Call> &calls, BatchDone done)
{
    // Each call is written once; the requests are put together around them, so a request that would pass
    // the daemon's size limit (which would refuse it whole, failing every call in it) is cut before it does.
    QList<QByteArray> bodies;
    QList<qsizetype> counts;
    QByteArray body;
    qsizetype count = 0;
    const auto open = [&] {
        body = R"({"jsonrpc":"2.0","id":")" + QByteArray::number(m_nextId++) + R"(","method":"system.multicall","params":[[)";
        count = 0;
    };
    const auto close = [&] {
        body.append("]]}");
        bodies.append(std::exchange(body, {}));
        counts.append(count);
    };
    open();
    for (const Call &call : calls) {
        const QByteArray element =
            QJsonDocument(QJsonObject{{"methodName"_L1, call.method}, {"params"_L1, withToken(call.params)}})
                .toJson(QJsonDocument::Compact);
        if (count > 0 && body.size() + 1 + element.size() + 3 > maxRequestBytes()) {
            close();
            open();
        }
        if (count > 0)
            body.append(',');
        body.append(element);
        ++count;
    }
    close();

    struct Gathered {
        QList<QList<RpcReply>> parts;
        qsizetype left = 0;
        BatchDone done;
    };
    auto gathered = std::make_shared<Gathered>(Gathered{QList<QList<RpcReply>>(bodies.size()), bodies.size(), std::move(done)});
    for (qsizetype part = 0; part < bodies.size(); ++part) {
        const qsizetype expected = counts.at(part);
        post(bodies.at(part), [gathered, part, expected](const QByteArray &answer, const QString &failure, bool answered) {
            if (!failure.isEmpty()) {
                RpcReply reply;
                reply.outcome = answered ? RpcReply::Outcome::Garbage : RpcReply::Outcome::Unreachable;
                reply.message = failure;
                gathered->parts[part] = QList<RpcReply>(expected, reply);
            } else {
                gathered->parts[part] = parseMulticall(answer, expected);
            }
            if (--gathered->left > 0)
                return;
            QList<RpcReply> replies;
            for (const QList<RpcReply> &replied : std::as_const(gathered->parts))
                replies.append(replied);
            gathered->done(replies);
        });
    }
}

void Rpc::post(const QByteArray &body, Answered done)
{
    QNetworkRequest request(m_endpoint);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    request.setTransferTimeout(int(m_deadline.count()));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = m_network->post(request, body);
    // A daemon that streams megabytes instead of an answer is cut off before memory goes with it.
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > kMaxAnswer)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
        reply->deleteLater();
        const QByteArray answer = reply->bytesAvailable() <= kMaxAnswer ? reply->readAll() : QByteArray();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        // aria2 answers a refused call (a wrong token) with 400 and a JSON-RPC body: that body is the answer.
        if (status != 0 && !answer.isEmpty() && answer.trimmed().startsWith('{')) {
            done(answer, {}, true);
            return;
        }
        if (reply->error() == QNetworkReply::NoError && status == 200) {
            done(answer, {}, true);
            return;
        }
        QString failure = reply->error() == QNetworkReply::OperationCanceledError
            ? u"no answer in time"_s
            : reply->errorString();
        // Something answered HTTP, but not as aria2: a web server or a proxy at that address.
        if (status != 0)
            failure = u"HTTP %1 %2"_s.arg(status).arg(
                QString::fromLatin1(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray()));
        done({}, failure, status != 0);
    });
}

} // namespace Quiver::Aria2
