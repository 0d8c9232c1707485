#include "session/sessionlock.h"

#include "util/diskpath.h"

#include <QFileInfo>
#include <QSysInfo>

namespace Quiver {

using namespace Qt::StringLiterals;

SessionLock::SessionLock(const QString &sessionPath)
    : m_sessionPath(absoluteDiskPath(sessionPath))
    , m_lock(lockPathFor(m_sessionPath))
{
    // 0: never stale by age. A dead holder is still recognised (its pid is gone, or is another program).
    m_lock.setStaleLockTime(0);
}

SessionLock::~SessionLock() = default;

QString SessionLock::lockPathFor(const QString &sessionPath)
{
    return absoluteDiskPath(sessionPath) + u".lock"_s;
}

QString SessionLock::lockFilePath() const
{
    return lockPathFor(m_sessionPath);
}

SessionLock::Outcome SessionLock::tryLock()
{
    if (m_lock.isLocked())
        return Outcome::Locked;
    m_error.clear();
    if (m_lock.tryLock(0))
        return Outcome::Locked;
    switch (m_lock.error()) {
    case QLockFile::LockFailedError:
        m_error = describeHolder();
        return Outcome::HeldElsewhere;
    case QLockFile::PermissionError:
        m_error = tr("Quiver cannot lock the queue file “%1”: it may not create “%2” there. Choose a folder "
                     "you can write to.")
                      .arg(m_sessionPath, QFileInfo(lockFilePath()).fileName());
        return Outcome::Failed;
    case QLockFile::NoError:
    case QLockFile::UnknownError:
        break;
    }
    const QFileInfo folder(QFileInfo(m_sessionPath).absolutePath());
    m_error = folder.isDir()
        ? tr("Quiver cannot lock the queue file “%1”: “%2” could not be created (is the disk full?).")
              .arg(m_sessionPath, QFileInfo(lockFilePath()).fileName())
        : tr("Quiver cannot lock the queue file “%1”: the folder “%2” does not exist.")
              .arg(m_sessionPath, folder.filePath());
    return Outcome::Failed;
}

QString SessionLock::describeHolder() const
{
    qint64 pid = 0;
    QString host;
    QString program;
    // The holder may have let go between the two looks: its details are gone then, not the fact.
    if (!m_lock.getLockInfo(&pid, &host, &program) || pid <= 0)
        return tr("The queue file “%1” is in use by another program. Only one program at a time may work "
                  "on a queue: wait for it to end, or use another file.")
            .arg(m_sessionPath);
    if (program.isEmpty())
        program = tr("another program");
    const QString where = host.isEmpty() || host == QSysInfo::machineHostName()
        ? tr("process %1").arg(pid)
        : tr("process %1 on %2").arg(pid).arg(host);
    //: %1 the queue file, %2 the program's name ("quiver-cli"), %3 "process 1234" or "process 1234 on HOST"
    return tr("The queue file “%1” is in use by %2 (%3). Only one program at a time may work on a queue: "
              "wait for it to end, or use another file.")
        .arg(m_sessionPath, program, where);
}

} // namespace Quiver
