#include "remote/aria2rpc.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>

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
    // Bounded by bytes as well as by count: 400 links of a few KiB each (signed CDN links) would pass the
    // daemon's request limit, and aria2 would refuse the whole request, failing every call in it.
    QList<Call> calls;
    QList<Done> dones;
    qsizetype bytes = 0;
    const auto send = [&] {
        if (calls.isEmpty())
            return;
        multicall(calls, [dones = std::move(dones)](const QList<RpcReply> &replies) {
            for (qsizetype i = 0; i < dones.size(); ++i)
                dones.at(i)(replies.at(i));
        });
        calls = {};
        dones = {};
        bytes = 0;
    };
    for (Pending &one : pending) {
        const qsizetype size = bytesInMulticall(one.call);
        if (calls.size() >= batchLimit() || bytes + size + kMulticallEnvelope > maxRequestBytes())
            send();
        calls.append(one.call);
        dones.append(std::move(one.done));
        bytes += size;
    }
    send();
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
    QJsonArray list;
    for (const Call &call : calls)
        list.append(QJsonObject{{"methodName"_L1, call.method}, {"params"_L1, withToken(call.params)}});
    const QJsonObject request{{"jsonrpc"_L1, "2.0"_L1},
                              {"id"_L1, QString::number(m_nextId++)},
                              {"method"_L1, "system.multicall"_L1},
                              {"params"_L1, QJsonArray{list}}};
    const qsizetype expected = calls.size();
    post(QJsonDocument(request).toJson(QJsonDocument::Compact),
         [done = std::move(done), expected](const QByteArray &body, const QString &failure, bool answered) {
             if (!failure.isEmpty()) {
                 RpcReply reply;
                 reply.outcome = answered ? RpcReply::Outcome::Garbage : RpcReply::Outcome::Unreachable;
                 reply.message = failure;
                 done(QList<RpcReply>(expected, reply));
             } else {
                 done(parseMulticall(body, expected));
             }
         });
}

qsizetype Rpc::bytesInMulticall(const Call &call) const
{
    const QJsonObject element{{"methodName"_L1, call.method}, {"params"_L1, withToken(call.params)}};
    return QJsonDocument(element).toJson(QJsonDocument::Compact).size() + 1;   // and its comma
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
