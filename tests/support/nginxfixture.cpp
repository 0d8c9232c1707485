#include "nginxfixture.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QVersionNumber>

#ifdef Q_OS_UNIX
#  include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace Quiver::Test {

namespace {

constexpr int kStartTimeoutMs = 15000;
constexpr int kPortAttempts = 5;

// What the binary was built with: the -e switch needs 1.19.5, and a *_temp_path directive for a module that was
// compiled out is a fatal "unknown directive".
struct BinaryInfo {
    bool ok = false;
    QString output;
    QVersionNumber version;
    QString configureArguments;
};

BinaryInfo probeBinary(const QString &binary)
{
    BinaryInfo info;
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(binary, {u"-V"_s});
    if (!process.waitForFinished(10000)) {
        process.kill();
        process.waitForFinished(1000);
        info.output = u"nginx -V did not finish"_s;
        return info;
    }
    info.output = QString::fromLocal8Bit(process.readAll());
    info.ok = process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    const QRegularExpressionMatch version = QRegularExpression(u"nginx/(\\d+\\.\\d+\\.\\d+)"_s).match(info.output);
    if (version.hasMatch())
        info.version = QVersionNumber::fromString(version.captured(1));
    const qsizetype arguments = info.output.indexOf(u"configure arguments:"_s);
    if (arguments >= 0)
        info.configureArguments = info.output.mid(arguments);
    return info;
}

const BinaryInfo &binaryInfo(const QString &binary)
{
    static const BinaryInfo info = probeBinary(binary); // findBinary() gives the same answer for the whole run
    return info;
}

// nginx's quoted-string syntax: backslash escapes the quote and itself.
QString quoted(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'\\', u"\\\\"_s);
    escaped.replace(u'"', u"\\\""_s);
    return u'"' + escaped + u'"';
}

quint16 freePort()
{
    // The OS picks a free port; it stays free for the moment nginx needs, except for a rare race that start()
    // detects and retries.
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

// True when what answers on port is our nginx, not some other process that took the port first.
bool answersAsNginx(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(1000))
        return false;
    socket.write("HEAD / HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n");
    QByteArray response;
    while (!response.contains("\r\n\r\n") && socket.waitForReadyRead(2000))
        response += socket.readAll();
    socket.abort();
    return response.startsWith("HTTP/1.") && response.toLower().contains("\r\nserver: nginx");
}

} // namespace

NginxFixture::NginxFixture() = default;

NginxFixture::~NginxFixture()
{
    stop();
}

QString NginxFixture::findBinary()
{
    const QString standard = u"/usr/sbin/nginx"_s;
    if (QFileInfo(standard).isExecutable())
        return standard;
    const QString inPath = QStandardPaths::findExecutable(u"nginx"_s);
    if (!inPath.isEmpty())
        return inPath;
    // A non-root PATH often lacks the sbin folders.
    return QStandardPaths::findExecutable(u"nginx"_s, {u"/usr/local/sbin"_s, u"/usr/local/nginx/sbin"_s,
                                                       u"/opt/homebrew/bin"_s, u"/usr/local/bin"_s});
}

bool NginxFixture::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

QUrl NginxFixture::url(const QString &path) const
{
    const QString normalized = path.startsWith(u'/') ? path : u'/' + path;
    return QUrl(u"http://127.0.0.1:"_s + QString::number(m_port) + normalized, QUrl::TolerantMode);
}

QString NginxFixture::errorLog() const
{
    if (!m_dir)
        return {};
    QFile log(m_dir->filePath(u"error.log"_s));
    if (!log.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLocal8Bit(log.readAll());
}

bool NginxFixture::start(const QString &rootDir)
{
    stop();
    m_error.clear();

    const QString binary = findBinary();
    if (binary.isEmpty()) {
        m_error = u"nginx not found (looked at /usr/sbin/nginx and in PATH); install nginx-light"_s;
        return false;
    }
    if (!QFileInfo(rootDir).isDir()) {
        m_error = u"root folder does not exist: "_s + rootDir;
        return false;
    }

    for (int attempt = 0; attempt < kPortAttempts; ++attempt) {
        const quint16 port = freePort();
        if (port == 0) {
            m_error = u"could not find a free port on 127.0.0.1"_s;
            return false;
        }
        switch (tryStart(binary, rootDir, port)) {
        case Attempt::Started:
            m_port = port;
            return true;
        case Attempt::PortTaken:
            continue;
        case Attempt::Failed:
            return false;
        }
    }
    m_error = u"nginx could not bind a port after %1 attempts:\n"_s.arg(kPortAttempts) + errorLog();
    return false;
}

QString NginxFixture::writeConfig(const QString &rootDir, quint16 port)
{
    const BinaryInfo &info = binaryInfo(findBinary());
    const QString dir = m_dir->path();
    const QString root = QDir(rootDir).absolutePath();

    QString config;
    config += u"daemon off;\nmaster_process off;\nworker_processes 1;\n"_s;
    config += u"pid %1;\nlock_file %2;\n"_s.arg(quoted(dir + u"/nginx.pid"_s), quoted(dir + u"/nginx.lock"_s));
    config += u"error_log %1 info;\n"_s.arg(quoted(dir + u"/error.log"_s));
#ifdef Q_OS_UNIX
    // As root, nginx would switch to "nobody" (which may not exist, and may not read rootDir).
    if (::geteuid() == 0)
        config += u"user root root;\n"_s;
#endif
    config += u"events { worker_connections 256; }\n"_s;
    config += u"http {\n"_s;
    config += u"    access_log %1;\n"_s.arg(quoted(dir + u"/access.log"_s));
    // Every temp path defaults to a system folder that a non-root user cannot create.
    config += u"    client_body_temp_path %1;\n"_s.arg(quoted(dir + u"/client_body"_s));
    const std::pair<QString, QString> modules[] = {
        {u"proxy"_s, u"proxy_temp_path"_s},
        {u"fastcgi"_s, u"fastcgi_temp_path"_s},
        {u"uwsgi"_s, u"uwsgi_temp_path"_s},
        {u"scgi"_s, u"scgi_temp_path"_s},
    };
    for (const auto &[module, directive] : modules) {
        if (!info.configureArguments.contains(u"--without-http_"_s + module + u"_module"_s))
            config += u"    %1 %2;\n"_s.arg(directive, quoted(dir + u'/' + module));
    }
    config += u"    default_type application/octet-stream;\n"_s;
    config += u"    sendfile on;\n    keepalive_timeout 65s;\n"_s;
    config += u"    server {\n"_s;
    config += u"        listen 127.0.0.1:%1;\n"_s.arg(port);
    config += u"        server_name localhost;\n"_s;
    config += u"        root %1;\n"_s.arg(quoted(root));
    config += u"        location / { }\n"_s;
    config += u"    }\n}\n"_s;

    const QString path = dir + u"/nginx.conf"_s;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(config.toUtf8()) < 0)
        return {};
    return path;
}

NginxFixture::Attempt NginxFixture::tryStart(const QString &binary, const QString &rootDir, quint16 port)
{
    m_dir = std::make_unique<QTemporaryDir>();
    if (!m_dir->isValid()) {
        m_error = u"cannot create a temporary folder: "_s + m_dir->errorString();
        return Attempt::Failed;
    }
    const QString config = writeConfig(rootDir, port);
    if (config.isEmpty()) {
        m_error = u"cannot write the nginx configuration into "_s + m_dir->path();
        return Attempt::Failed;
    }

    const BinaryInfo &info = binaryInfo(binary);
    QStringList arguments{u"-p"_s, m_dir->path() + u'/', u"-c"_s, config};
    // Without -e, nginx opens its compiled-in error log before reading the config (an alert as non-root).
    if (!info.version.isNull() && info.version >= QVersionNumber(1, 19, 5))
        arguments << u"-e"_s << m_dir->filePath(u"error.log"_s);

    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setWorkingDirectory(m_dir->path());
    m_process->start(binary, arguments);
    if (!m_process->waitForStarted(10000)) {
        m_error = u"cannot run %1: %2"_s.arg(binary, m_process->errorString());
        m_process.reset();
        return Attempt::Failed;
    }

    // Poll until nginx answers, with an overall deadline. Each round blocks in waitForFinished(), which returns
    // at once if nginx dies (a bind failure, a config error), so there is no fixed sleep.
    const QDeadlineTimer deadline(kStartTimeoutMs);
    while (!deadline.hasExpired()) {
        if (m_process->state() == QProcess::Running && answersAsNginx(port))
            return Attempt::Started;
        if (m_process->state() == QProcess::NotRunning || m_process->waitForFinished(25)) {
            const QString output = QString::fromLocal8Bit(m_process->readAll());
            const QString log = errorLog();
            m_process.reset();
            if (log.contains(u"Address already in use"_s) || output.contains(u"Address already in use"_s))
                return Attempt::PortTaken;
            m_error = u"nginx exited during start-up:\n"_s + output + log;
            return Attempt::Failed;
        }
    }
    m_error = u"nginx did not answer on 127.0.0.1:%1 within %2 ms:\n"_s.arg(port).arg(kStartTimeoutMs) + errorLog();
    stop();
    return Attempt::Failed;
}

void NginxFixture::stop()
{
    if (m_process) {
        if (m_process->state() != QProcess::NotRunning) {
            m_process->terminate(); // SIGTERM: nginx's fast shutdown
            if (!m_process->waitForFinished(10000)) {
                m_process->kill();
                m_process->waitForFinished(5000);
            }
        }
        m_process.reset();
    }
    m_port = 0;
}

} // namespace Quiver::Test
