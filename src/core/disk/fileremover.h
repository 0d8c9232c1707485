#pragma once

#include <QCoreApplication>
#include <QFuture>
#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

namespace Quiver {

// Deletes download files on a worker thread, because an unlink on a slow or hung disk (a network share, a
// sleeping USB drive) must not freeze the window, and says in a sentence which files could not be
// deleted and why. A file that is already gone counts as deleted. Only the path itself goes: a symbolic
// link is removed, never what it points to, and a folder is never deleted.
class FileRemover final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileRemover)

public:
    using Done = std::function<void(const QStringList &problems)>;

    explicit FileRemover(QObject *parent = nullptr);

    // Deletes paths in order. done runs on this object's thread once they are all handled, with one
    // sentence per file that could not be deleted (none when all went). A remover destroyed meanwhile
    // never calls done; the files still go.
    void remove(const QStringList &paths, Done done);

    // Finished once every deletion of path asked for so far is done (at once when none is): a .part that
    // is opened again must not be deleted under its new writer by a deletion asked for before.
    QFuture<void> pendingFor(const QString &path) const;

    // Runs on the worker thread before each file is deleted: tests hold a deletion in flight with it.
    static void setBeforeRemoveHookForTesting(std::function<void(const QString &path)> hook);

private:
    struct Pending {
        quint64 ticket = 0;
        QFuture<void> done;
    };
    QHash<QString, Pending> m_pending;
    quint64 m_nextTicket = 0;
};

} // namespace Quiver
