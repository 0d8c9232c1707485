#pragma once

#include <QCoreApplication>
#include <QLockFile>
#include <QString>

namespace Quiver {

// One writer per queue file: a lock file beside it (PATH.lock) that a second quiver-cli --session or a
// second window finds held, and then leaves the queue alone. A lock left by a process that died (kill -9,
// a crash, a reboot) is taken over: QLockFile sees that its process is gone. Age alone never makes a lock
// stale, since a queue is held for as long as its program runs.
class SessionLock final
{
    Q_DISABLE_COPY_MOVE(SessionLock)
    Q_DECLARE_TR_FUNCTIONS(Quiver::SessionLock)

public:
    enum class Outcome {
        Locked,        // this process holds the queue now
        HeldElsewhere, // another living process holds it: errorString() says which
        Failed,        // the lock file could not be made (no folder, no permission, disk full)
    };

    explicit SessionLock(const QString &sessionPath);
    ~SessionLock();

    // Takes the lock without waiting. Taking it again while held is Locked.
    Outcome tryLock();
    bool isLocked() const { return m_lock.isLocked(); }
    QString lockFilePath() const;
    // A sentence for the person when tryLock() did not give Locked.
    QString errorString() const { return m_error; }

    static QString lockPathFor(const QString &sessionPath);

private:
    QString describeHolder() const;

    QString m_sessionPath;
    QLockFile m_lock;
    QString m_error;
};

} // namespace Quiver
