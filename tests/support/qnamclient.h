#pragma once

// A bare QNetworkAccessManager client for probing test servers directly (not through the engine): one request,
// everything it received, and a wait that keeps the event loop (and so FaultServer) running.

#include "faultserver.h"

#include <QByteArray>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QTest>
#include <QUrl>

#include <memory>

namespace Quiver::Test {

struct Transfer final {
    QPointer<QNetworkReply> reply;
    QByteArray data;
    int readyReads = 0;
    bool finished = false;

    Transfer() = default;
    Transfer(const Transfer &) = delete;
    Transfer &operator=(const Transfer &) = delete;
    ~Transfer()
    {
        if (reply) {
            // The reply's lambdas point at this object: cut them before the reply goes.
            QObject::disconnect(reply, nullptr, nullptr, nullptr);
            reply->abort();
            delete reply;
        }
    }

    int status() const { return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(); }
    // QTest::qWaitFor gives the event loop a turn every 10 ms; for tens of MiB prefer QSignalSpy::wait on
    // reply->finished, which runs a real event loop.
    bool waitFinished(int ms = 20000) { return QTest::qWaitFor([this] { return finished; }, ms); }
};

inline std::unique_ptr<QNetworkAccessManager> makeManager()
{
    auto manager = std::make_unique<QNetworkAccessManager>();
    manager->setProxy(QNetworkProxy::NoProxy); // an http_proxy in the environment must not see 127.0.0.1 traffic
    return manager;
}

inline QNetworkRequest makeRequest(const QUrl &url)
{
    QNetworkRequest request(url);
    request.setRawHeader("Accept-Encoding", "identity"); // exact bytes, as the engine asks for them
    return request;
}

// verb: "GET" or "HEAD".
inline std::unique_ptr<Transfer> startTransfer(QNetworkAccessManager &manager, const QNetworkRequest &request,
                                               const QByteArray &verb = QByteArray("GET"))
{
    auto transfer = std::make_unique<Transfer>();
    Transfer *t = transfer.get();
    t->reply = verb == "HEAD" ? manager.head(request) : manager.get(request);
    QObject::connect(t->reply, &QNetworkReply::readyRead, t->reply, [t] {
        t->data += t->reply->readAll();
        ++t->readyReads;
    });
    QObject::connect(t->reply, &QNetworkReply::finished, t->reply, [t] {
        if (t->reply->isOpen()) // abort() closes the reply before it finishes
            t->data += t->reply->readAll();
        t->finished = true;
    });
    return transfer;
}

// Proves the event loop went round the server and a client several times, so a test can show that a stalled
// or held reply really stays unfinished without a fixed sleep. Registers the route /__ping on server.
inline bool serverRoundTrip(FaultServer &server, int times = 3)
{
    Reply pong;
    pong.body = QByteArray("pong");
    server.script(QStringLiteral("/__ping"), {pong});
    auto manager = makeManager();
    for (int i = 0; i < times; ++i) {
        auto ping = startTransfer(*manager, makeRequest(server.url(QStringLiteral("/__ping"))));
        if (!ping->waitFinished() || ping->data != "pong")
            return false;
    }
    return true;
}

} // namespace Quiver::Test
