#pragma once

#include "remote/aria2reply.h"

#include <QJsonArray>
#include <QObject>
#include <QUrl>

#include <chrono>
#include <functional>

class QNetworkAccessManager;

namespace Quiver::Aria2 {

// A method call without the token: the client puts the token in front of params.
struct Call {
    QString method;
    QJsonArray params;
};

// Talks JSON-RPC over HTTP(S) POST to one aria2 daemon. Every request has a deadline, so a daemon that
// accepts the connection and then says nothing ends as Unreachable, never as a hang. The secret is only
// ever put in request bodies: it is in no URL, log line or error message.
class Rpc final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Rpc)

public:
    using Done = std::function<void(const RpcReply &reply)>;
    using BatchDone = std::function<void(const QList<RpcReply> &replies)>;

    Rpc(const QUrl &endpoint, const QByteArray &secret, QObject *parent = nullptr);
    ~Rpc() override;

    QUrl endpoint() const { return m_endpoint; }
    void setDeadline(std::chrono::milliseconds deadline) { m_deadline = deadline; }

    // done runs later, on this thread, exactly once (not when the Rpc is destroyed first). Calls made in
    // the same turn of the event loop go out together: one alone as itself, several through multicall() in
    // groups of at most batchLimit() calls, every call still getting its own reply (a fault for one reaches
    // that call only).
    void call(const Call &call, Done done);
    static constexpr qsizetype batchLimit() { return 400; }
    // All of calls as system.multicall: one request, or as few as keep each under maxRequestBytes(); done
    // gets one reply per call, in order, once every request has answered.
    void multicall(const QList<Call> &calls, BatchDone done);
    // aria2 refuses a request bigger than this unless started with a larger --rpc-max-request-size.
    static constexpr qsizetype maxRequestBytes() { return 2 * 1024 * 1024; }

private:
    // failure is empty when body is the answer; answered says whether an HTTP server answered at all.
    using Answered = std::function<void(const QByteArray &body, const QString &failure, bool answered)>;
    void post(const QByteArray &body, Answered done);
    QJsonArray withToken(const QJsonArray &params) const;
    void sendPending();
    void sendOne(const Call &call, Done done);

    struct Pending {
        Call call;
        Done done;
    };
    QList<Pending> m_pending;   // calls of this turn of the event loop, sent together at its end
    bool m_sendQueued = false;

    QNetworkAccessManager *m_network = nullptr;
    QUrl m_endpoint;
    QByteArray m_secret;
    std::chrono::milliseconds m_deadline{15000};
    quint64 m_nextId = 1;
};

} // namespace Quiver::Aria2
