// TLS: certificate errors fail the download with the reason and are never ignored; an https link that
// redirects to http is refused.

#include "enginetestbase.h"

#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>

using namespace Quiver;
using namespace Quiver::Test;
using namespace Qt::StringLiterals;

namespace {

// A minimal HTTPS server: every request gets `response` verbatim, then the connection closes.
class TlsServer final : public QObject
{
public:
    bool listen()
    {
        QFile certFile(QStringLiteral(QUIVER_TEST_DATA "/tls/cert.pem"));
        QFile keyFile(QStringLiteral(QUIVER_TEST_DATA "/tls/key.pem"));
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
            return false;
        certificate = QSslCertificate(certFile.readAll(), QSsl::Pem);
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificate(certificate);
        config.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa, QSsl::Pem));
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
        m_server.setSslConfiguration(config);
        connect(&m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (auto *socket = qobject_cast<QSslSocket *>(m_server.nextPendingConnection())) {
                connect(socket, &QSslSocket::readyRead, socket, [this, socket] {
                    m_buffer[socket] += socket->readAll();
                    if (!m_buffer[socket].contains("\r\n\r\n"))
                        return;
                    ++requests;
                    socket->write(response);
                    socket->disconnectFromHost();
                });
                connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        return m_server.listen(QHostAddress::LocalHost);
    }
    QUrl url(const QString &path) const
    {
        return QUrl(u"https://127.0.0.1:%1%2"_s.arg(m_server.serverPort()).arg(path));
    }

    QByteArray response;
    QSslCertificate certificate;
    int requests = 0;

private:
    QSslServer m_server;
    QHash<QSslSocket *, QByteArray> m_buffer;
};

QByteArray okResponse(const QByteArray &body)
{
    return "HTTP/1.1 200 OK\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\nConnection: close\r\n\r\n" + body;
}

} // namespace

class TestTls final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (!QSslSocket::supportsSsl())
            QFAIL("Qt has no TLS backend here (libssl3 and Qt's openssl plugin are needed)");
        QVERIFY(m_tls.listen());
        m_defaults = QSslConfiguration::defaultConfiguration();
    }
    void cleanup()
    {
        QSslConfiguration::setDefaultConfiguration(m_defaults);
    }

    void untrustedCertificateFailsWithTheReason()
    {
        EngineHarness h;
        m_tls.response = okResponse("secret");
        const int before = m_tls.requests;
        const DownloadId id = h.add(m_tls.url(u"/file.txt"_s));
        QVERIFY(h.waitIdle());
        QCOMPARE(h.item(id).state, DownloadState::Failed);
        QCOMPARE(h.item(id).attempts, 1);   // a certificate problem is not retried
        const QString error = h.item(id).lastError;
        QVERIFY2(error.startsWith(u"The secure connection to 127.0.0.1 failed: "_s), qPrintable(error));
        QVERIFY2(error.contains(u"self signed"_s, Qt::CaseInsensitive) || error.contains(u"self-signed"_s, Qt::CaseInsensitive),
                 qPrintable(error));
        QCOMPARE(m_tls.requests, before);   // no request ever went over the untrusted connection
        QCOMPARE(h.files(), QStringList());
    }

    void trustedCertificateDownloads()
    {
        trustTestCertificate();
        EngineHarness h;
        const QByteArray body = randomBytes(70000, 90);
        m_tls.response = okResponse(body);
        const DownloadId id = h.add(m_tls.url(u"/secure.bin"_s));
        QVERIFY(h.waitIdle());
        QUIVER_VERIFY_FILE(h, id, u"secure.bin"_s, body);
    }

    void httpsToHttpRedirectIsRefused()
    {
        trustTestCertificate();
        FaultServer plain;
        QVERIFY(plain.listen());
        plain.serveFile(u"/downgraded.bin"_s, "not over https");
        EngineHarness h;
        m_tls.response = "HTTP/1.1 302 Found\r\nLocation: " + plain.url(u"/downgraded.bin"_s).toEncoded()
            + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        const DownloadId id = h.add(m_tls.url(u"/file.bin"_s));
        QVERIFY(h.waitIdle());
        QCOMPARE(h.item(id).state, DownloadState::Failed);
        QVERIFY2(h.item(id).lastError.contains(u"insecure"_s), qPrintable(h.item(id).lastError));
        QCOMPARE(plain.requests().size(), 0);
        QCOMPARE(h.files(), QStringList());
    }

private:
    void trustTestCertificate()
    {
        QSslConfiguration config = m_defaults;
        config.addCaCertificate(m_tls.certificate);
        QSslConfiguration::setDefaultConfiguration(config);
    }

    TlsServer m_tls;
    QSslConfiguration m_defaults;
};

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
