#include "util/foldersync.h"

#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QWaitCondition>

#include <map>

#include <fcntl.h>
#include <unistd.h>

namespace Quiver {

namespace {
// One folder's syncs. A sync that starts after a caller's change covers it, so callers that arrive
// while one runs wait for the next one and share it: sixteen downloads finishing together in one folder
// cost one or two folder syncs, not sixteen (group commit, as databases do for their log).
struct FolderState {
    quint64 requested = 0;   // tickets handed out
    quint64 covered = 0;     // every ticket up to this one is on the disk
    bool running = false;
    int users = 0;           // callers inside syncFolderOf() for this folder
};

struct FolderSyncs {
    QMutex mutex;
    QWaitCondition synced;
    std::map<QString, FolderState> folders;   // node-based: a state stays put while others come and go
};

// Never destroyed: a worker may still be syncing while the process exits.
FolderSyncs &folderSyncs()
{
    static auto *syncs = new FolderSyncs;
    return *syncs;
}

void syncNow(const QString &folder)
{
    const int fd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}
} // namespace

void syncFolderOf(const QString &file)
{
    const QString folder = QFileInfo(file).absolutePath();
    FolderSyncs &syncs = folderSyncs();
    QMutexLocker lock(&syncs.mutex);
    FolderState &state = syncs.folders[folder];
    ++state.users;
    const quint64 ticket = ++state.requested;
    while (state.covered < ticket) {
        if (state.running) {
            syncs.synced.wait(&syncs.mutex);
            continue;
        }
        // Every ticket handed out so far belongs to a change made before it was asked for.
        const quint64 covers = state.requested;
        state.running = true;
        lock.unlock();
        syncNow(folder);
        lock.relock();
        state.running = false;
        state.covered = covers;
        syncs.synced.wakeAll();
    }
    if (--state.users == 0)
        syncs.folders.erase(folder);
}

} // namespace Quiver
