#include "aria2fixture.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>

#include <csignal>

namespace Quiver::Test {

using namespace Qt::StringLiterals;

namespace {
quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

// One HTTP/1.0 POST over a blocking socket: the test's questions must not need the event loop.
QByteArray post(quint16 port, const QByteArray &body, int timeoutMs)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(timeoutMs))
        return {};
    socket.write("POST /jsonrpc HTTP/1.0\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                 + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QByteArray answer;
    while (socket.waitForReadyRead(timeoutMs))
        answer += socket.readAll();
    answer += socket.readAll();
    const qsizetype split = answer.indexOf("\r\n\r\n");
    return split < 0 ? QByteArray() : answer.mid(split + 4);
}
} // namespace

Aria2Fixture::Aria2Fixture() = default;

Aria2Fixture::~Aria2Fixture()
{
    stop();
}

QUrl Aria2Fixture::rpcUrl() const
{
    return QUrl(u"http://127.0.0.1:%1/jsonrpc"_s.arg(m_port));
}

QString Aria2Fixture::log() const
{
    QFile file(m_dir.filePath(u"aria2.log"_s));
    return file.open(QIODevice::ReadOnly) ? QString::fromLocal8Bit(file.readAll().right(4000)) : QString();
}

bool Aria2Fixture::start(const Options &options)
{
    m_options = options;
    if (!m_dir.isValid() || !QDir().mkpath(downloadDir())) {
        m_error = u"no temporary folder"_s;
        return false;
    }
    m_secret = QByteArray::number(QRandomGenerator::system()->generate64(), 36)
        + QByteArray::number(QRandomGenerator::system()->generate64(), 36);
    for (int attempt = 0; attempt < 5; ++attempt) {
        m_port = freePort();
        if (launch())
            return true;
    }
    return false;
}

bool Aria2Fixture::restart()
{
    stop();
    return launch();
}

bool Aria2Fixture::launch()
{
    const QString binary = QStandardPaths::findExecutable(u"aria2c"_s);
    if (binary.isEmpty()) {
        m_error = u"aria2c not found in PATH; install aria2 (packaging/install-build-deps.sh)"_s;
        return false;
    }
    QStringList arguments{u"--enable-rpc"_s,
                          u"--rpc-listen-port=%1"_s.arg(m_port),
                          u"--rpc-secret=%1"_s.arg(QString::fromLatin1(m_secret)),
                          u"--dir=%1"_s.arg(downloadDir()),
                          u"--log=%1"_s.arg(m_dir.filePath(u"aria2.log"_s)),
                          u"--log-level=info"_s,
                          u"--no-conf"_s,
                          u"--quiet"_s};
    if (!m_options.overallLimit.isEmpty())
        arguments << u"--max-overall-download-limit=%1"_s.arg(m_options.overallLimit);
    if (m_options.saveSession) {
        arguments << u"--save-session=%1"_s.arg(sessionFile());
        if (QFile::exists(sessionFile()))
            arguments << u"--input-file=%1"_s.arg(sessionFile());
    }
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process->start(binary, arguments);
    if (!m_process->waitForStarted(10000)) {
        m_error = u"aria2c did not start: "_s + m_process->errorString();
        return false;
    }
    // Ready once it answers with our secret; a port another process took in the meantime never does.
    const QDeadlineTimer deadline(15000);
    while (!deadline.hasExpired()) {
        if (m_process->state() == QProcess::NotRunning) {
            m_error = u"aria2c ended at start: "_s + log();
            return false;
        }
        if (answers())
            return true;
        m_process->waitForFinished(50);   // lets a failed start be seen; not a fixed wait on a result
    }
    m_error = u"aria2c did not answer on port %1: "_s.arg(m_port) + log();
    stop();
    return false;
}

bool Aria2Fixture::answers()
{
    return call("aria2.getVersion", {}).contains("\"version\"");
}

QByteArray Aria2Fixture::call(const QByteArray &method, const QByteArray &paramsAfterToken)
{
    const QByteArray params = "\"token:" + m_secret + '"' + (paramsAfterToken.isEmpty() ? QByteArray() : "," + paramsAfterToken);
    return post(m_port, R"({"jsonrpc":"2.0","id":"t","method":")" + method + R"(","params":[)" + params + "]}", 2000);
}

void Aria2Fixture::kill()
{
    if (!m_process)
        return;
    m_process->kill();
    m_process->waitForFinished(10000);
    m_process.reset();
}

void Aria2Fixture::stop()
{
    if (!m_process)
        return;
    // SIGTERM: aria2 writes its session (when it keeps one) on the way out.
    m_process->terminate();
    if (!m_process->waitForFinished(10000)) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
    m_process.reset();
}

} // namespace Quiver::Test
