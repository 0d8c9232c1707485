#include "singleinstance.h"

#include "handovermessage.h"

#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>
#include <QStandardPaths>
#include <QTimer>

#include <memory>
#include <unistd.h>

namespace Quiver {

using namespace Qt::StringLiterals;

namespace {
QString lockPathFor(const QString &socketPath)
{
    return socketPath + u".lock"_s;
}

// A login session's id as a file name part: letters, digits and '-' only.
QString fileNamePart(const QString &text)
{
    QString part;
    for (const QChar c : text)
        part.append(c.isLetterOrNumber() && c.unicode() < 128 ? c : u'-');
    return part.left(32);
}
} // namespace

SingleInstance::SingleInstance(QString socketPath)
    : m_socketPath(std::move(socketPath))
    , m_startupLock(lockPathFor(m_socketPath))
{
    // Held only for the moments of one start-up; a holder that died (its pid is gone) is taken over.
    m_startupLock.setStaleLockTime(0);
}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::defaultSocketPath()
{
    // The runtime folder is the user's own (mode 0700) and goes with the login; the session id keeps two
    // logins of one user (a desktop and an ssh shell) apart, as each has its own display.
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (folder.isEmpty())
        return {};
    QString name = u"quiver-%1"_s.arg(::getuid());
    const QString session = fileNamePart(qEnvironmentVariable("XDG_SESSION_ID"));
    if (!session.isEmpty())
        name += u'-' + session;
    return QDir(folder).filePath(name + u".socket"_s);
}

SingleInstance::Outcome SingleInstance::start(const QStringList &arguments)
{
    if (m_socketPath.isEmpty())
        return Outcome::Primary;   // no runtime folder: nothing to share, a window of its own
    if (!m_startupLock.tryLock(int(kLockTimeout.count()))) {
        if (m_startupLock.error() != QLockFile::LockFailedError)
            return Outcome::Primary;   // the runtime folder is not writable: no hand-over is possible
        m_error = tr("Another Quiver is starting and has not finished within %1 seconds. Try again.")
                      .arg(kLockTimeout.count() / 1000);
        return Outcome::Failed;
    }
    switch (deliver(arguments)) {
    case Delivery::Delivered:
        m_startupLock.unlock();
        return Outcome::HandedOver;
    case Delivery::Failed:
        m_startupLock.unlock();
        return Outcome::Failed;
    case Delivery::NoServer:
        break;
    }
    return Outcome::Primary;   // the lock stays taken until listen()
}

SingleInstance::Delivery SingleInstance::deliver(const QStringList &arguments)
{
    QLocalSocket socket;
    socket.connectToServer(m_socketPath);
    if (!socket.waitForConnected(int(kAnswerTimeout.count()))) {
        // No socket, or one nobody listens on (left by a crash): no window runs.
        if (socket.error() == QLocalSocket::ServerNotFoundError || socket.error() == QLocalSocket::ConnectionRefusedError)
            return Delivery::NoServer;
        m_error = tr("Quiver is running but could not be reached: %1").arg(socket.errorString());
        return Delivery::Failed;
    }
    socket.write(HandOverMessage::encode(arguments));
    const QByteArray expected = HandOverMessage::acknowledgement();
    QByteArray answer;
    // Blocking waits are fine here: this runs before any event loop, and each wait is bounded.
    while (socket.bytesToWrite() > 0 && socket.waitForBytesWritten(int(kAnswerTimeout.count()))) {
    }
    while (answer.size() < expected.size()) {
        if (socket.bytesAvailable() == 0 && !socket.waitForReadyRead(int(kAnswerTimeout.count())))
            break;
        answer.append(socket.read(expected.size() - answer.size()));
    }
    if (answer == expected)
        return Delivery::Delivered;
    m_error = tr("Quiver is running but did not take the links (it may be busy, or another version). Add them "
                 "in its window.");
    return Delivery::Failed;
}

InstanceServer *SingleInstance::listen(QObject *parent)
{
    if (m_socketPath.isEmpty())
        return nullptr;
    auto *server = new InstanceServer(parent);
    const bool listening = server->listen(m_socketPath);
    if (!listening) {
        m_error = tr("Other launches of Quiver will open windows of their own: %1").arg(server->errorString());
        delete server;
        server = nullptr;
    }
    m_startupLock.unlock();
    return server;
}

InstanceServer::InstanceServer(QObject *parent)
    : QObject(parent)
    , m_server(new QLocalServer(this))
{
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    connect(m_server, &QLocalServer::newConnection, this, &InstanceServer::accept);
}

InstanceServer::~InstanceServer()
{
    // The socket file goes with the window, so the next launch need not find out it is stale.
    m_server->close();
}

bool InstanceServer::listen(const QString &socketPath)
{
    QLocalServer::removeServer(socketPath);
    return m_server->listen(socketPath);
}

QString InstanceServer::errorString() const
{
    return m_server->errorString();
}

void InstanceServer::accept()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection())
        serve(socket);
}

void InstanceServer::serve(QLocalSocket *socket)
{
    auto reader = std::make_shared<HandOverReader>();
    connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
    QTimer::singleShot(kIdleTimeout, socket, [socket] { socket->abort(); });
    const auto onData = [this, socket, reader] {
        if (reader->status() != HandOverReader::Status::Incomplete)
            return;   // one message per connection, taken already
        switch (reader->feed(socket->readAll())) {
        case HandOverReader::Status::Incomplete:
            return;
        case HandOverReader::Status::Invalid:
            socket->abort();
            return;
        case HandOverReader::Status::Complete:
            break;
        }
        socket->write(HandOverMessage::acknowledgement());
        socket->disconnectFromServer();   // after the answer is written
        emit argumentsReceived(reader->arguments());
    };
    connect(socket, &QLocalSocket::readyRead, this, onData);
    if (socket->bytesAvailable() > 0)
        onData();
}

} // namespace Quiver
