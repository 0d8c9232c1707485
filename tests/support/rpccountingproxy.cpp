#include "rpccountingproxy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

#include <memory>

namespace Quiver::Test {

RpcCountingProxy::RpcCountingProxy(const QUrl &upstream, QObject *parent)
    : QObject(parent)
    , m_upstream(upstream)
{
    connect(&m_server, &QTcpServer::newConnection, this, &RpcCountingProxy::onConnection);
}

bool RpcCountingProxy::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl RpcCountingProxy::url() const
{
    QUrl url = m_upstream;
    url.setPort(m_server.serverPort());
    return url;
}

void RpcCountingProxy::onConnection()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        auto *upstream = new QTcpSocket(client);
        auto pending = std::make_shared<QByteArray>();
        const qsizetype index = m_kept.size();
        m_kept.append(QByteArray());
        connect(client, &QTcpSocket::readyRead, this, [this, client, upstream, pending, index] {
            const QByteArray bytes = client->readAll();
            m_kept[index] += bytes;
            if (upstream->state() == QAbstractSocket::ConnectedState)
                upstream->write(bytes);
            else
                *pending += bytes;
        });
        connect(upstream, &QTcpSocket::connected, upstream, [upstream, pending] {
            upstream->write(*pending);
            pending->clear();
        });
        connect(upstream, &QTcpSocket::readyRead, client, [client, upstream] { client->write(upstream->readAll()); });
        connect(upstream, &QTcpSocket::disconnected, client, [client] { client->disconnectFromHost(); });
        connect(client, &QTcpSocket::disconnected, client, [client, upstream] {
            upstream->disconnectFromHost();
            client->deleteLater();
        });
        upstream->connectToHost(m_upstream.host(), quint16(m_upstream.port()));
    }
}

QList<RpcCountingProxy::Request> RpcCountingProxy::requests() const
{
    QList<Request> requests;
    for (const QByteArray &stream : m_kept) {
        qsizetype at = 0;
        for (;;) {
            const qsizetype headEnd = stream.indexOf("\r\n\r\n", at);
            if (headEnd < 0)
                break;
            const QByteArray head = stream.mid(at, headEnd - at).toLower();
            const qsizetype lengthAt = head.indexOf("content-length:");
            if (lengthAt < 0)
                break;
            const qsizetype lineEnd = head.indexOf("\r\n", lengthAt);
            const qsizetype length = head.mid(lengthAt + 15, lineEnd < 0 ? -1 : lineEnd - lengthAt - 15).trimmed().toLongLong();
            const qsizetype bodyAt = headEnd + 4;
            if (bodyAt + length > stream.size())
                break;   // still arriving
            const QJsonObject body = QJsonDocument::fromJson(stream.mid(bodyAt, length)).object();
            Request request;
            request.method = body.value(QLatin1String("method")).toString();
            request.bodyBytes = length;
            if (request.method == QLatin1String("system.multicall")) {
                const QJsonArray calls = body.value(QLatin1String("params")).toArray().at(0).toArray();
                request.innerCalls = int(calls.size());
                for (const QJsonValue &call : calls)
                    request.innerMethods.append(call.toObject().value(QLatin1String("methodName")).toString());
            }
            requests.append(request);
            at = bodyAt + length;
        }
    }
    return requests;
}

int RpcCountingProxy::count(const QString &method) const
{
    int n = 0;
    for (const Request &request : requests())
        n += request.method == method ? 1 : 0;
    return n;
}

int RpcCountingProxy::calls(const QString &method) const
{
    int n = 0;
    for (const Request &request : requests())
        n += request.method == method ? 1 : int(request.innerMethods.count(method));
    return n;
}

} // namespace Quiver::Test
