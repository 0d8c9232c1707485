#pragma once

// Between Quiver and an aria2 daemon: passes every byte both ways unchanged and keeps what Quiver sent, so a
// test can count the JSON-RPC requests that really went over the wire (and what each asked), not what the
// code believes it sent.

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QTcpServer>
#include <QUrl>

namespace Quiver::Test {

class RpcCountingProxy final : public QObject
{
    Q_OBJECT

public:
    struct Request {
        QString method;      // the top-level method ("system.multicall", "aria2.addUri", ...)
        int innerCalls = 0;  // the calls batched in a system.multicall
        QStringList innerMethods;   // their methods, in order
        qsizetype bodyBytes = 0;    // the request's body as sent
    };

    explicit RpcCountingProxy(const QUrl &upstream, QObject *parent = nullptr);
    bool listen();
    QUrl url() const;

    // Every request sent so far, in order, parsed from the bytes that passed.
    QList<Request> requests() const;
    int count(const QString &method) const;
    // The calls of method however they went: alone, or batched in a system.multicall.
    int calls(const QString &method) const;

private:
    void onConnection();

    QUrl m_upstream;
    QTcpServer m_server;
    QList<QByteArray> m_kept;   // what each connection sent upstream, kept whole
};

} // namespace Quiver::Test
