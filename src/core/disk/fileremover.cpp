#include "disk/fileremover.h"

#include "util/runinthreadpool.h"

#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QMutex>

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace Quiver {

namespace {
QMutex hookMutex;
std::function<void(const QString &)> beforeRemoveHook;

QString whyNotDeleted(int error)
{
    switch (error) {
    case EACCES:
    case EPERM:
        return FileRemover::tr("permission denied. Delete it yourself, or check the folder's permissions.");
    case EROFS:
        return FileRemover::tr("the disk is read-only.");
    case EISDIR:
        return FileRemover::tr("it is a folder now, and Quiver deletes only the files it downloaded.");
    case EBUSY:
        return FileRemover::tr("the file is in use by the system. Try again later.");
    case EIO:
        return FileRemover::tr("the disk reported an input/output error. Check the disk.");
    default: {
        QString cause = QString::fromLocal8Bit(std::strerror(error));
        if (!cause.isEmpty())
            cause[0] = cause[0].toLower();
        return cause + u'.';
    }
    }
}

// On a worker thread: what could not be deleted, one sentence each.
QStringList deleteFiles(const QStringList &paths)
{
    std::function<void(const QString &)> hook;
    {
        const QMutexLocker lock(&hookMutex);
        hook = beforeRemoveHook;
    }
    QStringList problems;
    for (const QString &path : paths) {
        if (hook)
            hook(path);
        if (::unlink(QFile::encodeName(path).constData()) == 0 || errno == ENOENT)
            continue;
        const QFileInfo file(path);
        //: %1 is the file, %2 its folder, %3 why (“permission denied. …”)
        problems.append(FileRemover::tr("Quiver could not delete “%1” in “%2”: %3")
                            .arg(file.fileName(), file.absolutePath(), whyNotDeleted(errno)));
    }
    return problems;
}
} // namespace

FileRemover::FileRemover(QObject *parent)
    : QObject(parent)
{
}

void FileRemover::setBeforeRemoveHookForTesting(std::function<void(const QString &)> hook)
{
    const QMutexLocker lock(&hookMutex);
    beforeRemoveHook = std::move(hook);
}

void FileRemover::remove(const QStringList &paths, Done done)
{
    if (paths.isEmpty()) {
        done({});
        return;
    }
    // After any deletion of the same paths still under way, so that "deleted" means deleted in order.
    QList<QFuture<void>> before;
    for (const QString &path : paths) {
        if (const auto it = m_pending.constFind(path); it != m_pending.cend())
            before.append(it->done);
    }
    const QFuture<QStringList> future = runInThreadPool<QStringList>([paths, before] {
        // These are deletions on the same pool, which never wait for anything themselves.
        for (QFuture<void> earlier : before)
            earlier.waitForFinished();
        return deleteFiles(paths);
    });
    const quint64 ticket = ++m_nextTicket;
    for (const QString &path : paths)
        m_pending.insert(path, Pending{ticket, QFuture<void>(future)});

    auto *watcher = new QFutureWatcher<QStringList>(this);
    connect(watcher, &QFutureWatcher<QStringList>::finished, this, [this, watcher, paths, ticket, done] {
        watcher->deleteLater();
        for (const QString &path : paths) {
            const auto it = m_pending.constFind(path);
            if (it != m_pending.cend() && it->ticket == ticket)
                m_pending.erase(it);
        }
        done(watcher->result());
    });
    watcher->setFuture(future);
}

QFuture<void> FileRemover::pendingFor(const QString &path) const
{
    return m_pending.value(path).done;
}

} // namespace Quiver
