// quiver-cli goes through the system's proxy (here http_proxy, read by Qt through libproxy), and
// --no-proxy connects directly. The proxy is a small HTTP proxy on 127.0.0.1 that serves a file for a
// host name that does not resolve (.invalid): the download can only succeed through it.

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QByteArray proxiedUrl = "http://files.quiver-proxy-test.invalid/data.bin";

// Answers every request that names proxiedUrl in absolute form (as a client talks to a proxy) with the
// body, anything else with 502; records each request line.
class TinyProxy : public QTcpServer
{
public:
    explicit TinyProxy(QByteArray body) : m_body(std::move(body))
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { answer(socket); });
            }
        });
    }
    QList<QByteArray> requestLines;

private:
    void answer(QTcpSocket *socket)
    {
        QByteArray &head = m_heads[socket];
        head += socket->readAll();
        if (!head.contains("\r\n\r\n"))
            return;
        const QByteArray line = head.left(head.indexOf("\r\n"));
        requestLines.append(line);
        m_heads.remove(socket);
        if (line == "GET " + proxiedUrl + " HTTP/1.1") {
            socket->write("HTTP/1.1 200 OK\r\nContent-Length: " + QByteArray::number(m_body.size())
                          + "\r\nContent-Type: application/octet-stream\r\n\r\n");
            socket->write(m_body);
        } else {
            socket->write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        }
    }
    QByteArray m_body;
    QHash<QTcpSocket *, QByteArray> m_heads;
};

QByteArray makeBody()
{
    QByteArray body;
    for (int i = 0; i < 300000; ++i)
        body.append(char((i * 131 + i / 7) & 0xff));
    return body;
}

} // namespace

class TestProxy : public QObject
{
    Q_OBJECT

private slots:
    void downloadsThroughTheSystemProxy();
    void noProxyConnectsDirectly();

private:
    // Runs quiver-cli with http_proxy naming the proxy and no exception for any host; returns its exit code.
    int runCli(const TinyProxy &proxy, const QStringList &arguments, QString *err)
    {
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"no_proxy", "NO_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"})
            env.remove(QString::fromLatin1(name));
        env.insert(u"http_proxy"_s, u"http://127.0.0.1:%1/"_s.arg(proxy.serverPort()));
        cli.setProcessEnvironment(env);
        QSignalSpy finished(&cli, &QProcess::finished);
        cli.start(qEnvironmentVariable("QUIVER_CLI"), arguments);
        if (!finished.wait(60000)) {
            cli.kill();
            cli.waitForFinished();
            return -1;
        }
        *err = QString::fromUtf8(cli.readAllStandardError());
        return cli.exitCode();
    }
};

void TestProxy::downloadsThroughTheSystemProxy()
{
    const QByteArray body = makeBody();
    TinyProxy proxy(body);
    QVERIFY(proxy.listen(QHostAddress::LocalHost));
    QTemporaryDir dir;
    QString err;
    const int code = runCli(proxy, {u"--retries"_s, u"0"_s, u"-d"_s, dir.path(), QString::fromLatin1(proxiedUrl)}, &err);
    QVERIFY2(code == 0, qPrintable(err));
    QCOMPARE(proxy.requestLines.size(), 1);
    QFile file(QDir(dir.path()).filePath(u"data.bin"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256),
             QCryptographicHash::hash(body, QCryptographicHash::Sha256));
}

void TestProxy::noProxyConnectsDirectly()
{
    TinyProxy proxy(makeBody());
    QVERIFY(proxy.listen(QHostAddress::LocalHost));
    QTemporaryDir dir;
    QString err;
    const int code = runCli(proxy, {u"--no-proxy"_s, u"--retries"_s, u"0"_s, u"-d"_s, dir.path(),
                                    QString::fromLatin1(proxiedUrl)}, &err);
    QCOMPARE(code, 1);   // the host does not resolve without the proxy
    QVERIFY(proxy.requestLines.isEmpty());
    QVERIFY(!QFile::exists(QDir(dir.path()).filePath(u"data.bin"_s)));
}

QTEST_GUILESS_MAIN(TestProxy)
#include "tst_proxy.moc"
