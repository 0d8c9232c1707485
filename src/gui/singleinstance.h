#pragma once

#include <QCoreApplication>
#include <QLockFile>
#include <QObject>
#include <QString>
#include <QStringList>

#include <chrono>
#include <memory>

class QLocalServer;
class QLocalSocket;

namespace Quiver {

class InstanceServer;

// One Quiver window per user session. A launch first looks for a running window at a local socket in
// the user's runtime folder (no network port): if one answers, it hands its arguments over and is done;
// if none does, it becomes that window and listens there. A lock file around the look-and-listen makes
// two launches racing at start-up end as one window, and a socket left by a crashed window (nobody
// answers it) is removed before listening again.
//
// start() needs no display, so it runs before the QApplication exists; listen() runs once it does.
class SingleInstance final
{
    Q_DISABLE_COPY_MOVE(SingleInstance)
    Q_DECLARE_TR_FUNCTIONS(Quiver::SingleInstance)

public:
    enum class Outcome {
        HandedOver, // a running window took the arguments: exit 0
        Primary,    // no window runs: this launch is it, and holds the start-up lock until listen()
        Failed,     // a window runs but did not take them, or the start-up lock stayed taken: errorString()
    };

    // socketPath: the socket's file; the start-up lock is beside it.
    explicit SingleInstance(QString socketPath = defaultSocketPath());
    ~SingleInstance();

    // In the runtime folder (XDG_RUNTIME_DIR), named after the user and the login session.
    static QString defaultSocketPath();

    Outcome start(const QStringList &arguments);
    // Primary only: listens (replacing a stale socket) and lets go of the start-up lock. The server
    // belongs to parent; nullptr with errorString() when listening failed (the window runs anyway).
    InstanceServer *listen(QObject *parent);
    QString errorString() const { return m_error; }

    // How long a launch waits for the start-up lock, and for a running window's answer.
    static constexpr std::chrono::milliseconds kLockTimeout{10'000};
    static constexpr std::chrono::milliseconds kAnswerTimeout{10'000};

private:
    enum class Delivery { Delivered, NoServer, Failed };
    Delivery deliver(const QStringList &arguments);

    QString m_socketPath;
    QLockFile m_startupLock;
    QString m_error;
};

// The running window's end of the socket: reads each launch's message and answers it once taken.
class InstanceServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InstanceServer)

public:
    explicit InstanceServer(QObject *parent = nullptr);
    ~InstanceServer() override;

    // Removes whatever is at socketPath (the caller holds the start-up lock, so it is stale) and listens.
    bool listen(const QString &socketPath);
    QString errorString() const;

    // A connection that says nothing for this long is dropped.
    static constexpr std::chrono::milliseconds kIdleTimeout{10'000};

signals:
    void argumentsReceived(const QStringList &arguments);

private:
    void accept();
    void serve(QLocalSocket *socket);

    QLocalServer *m_server = nullptr;
};

} // namespace Quiver
