#include "util/foldersync.h"

#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QSemaphore>

#include <functional>
#include <map>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

namespace Quiver {

namespace {
// One folder's syncs. A sync that starts after a caller's change covers it, so the callers that arrive
// while one runs are all covered by the next one: the thread that is syncing runs it for them, and
// they do not wait (group commit, as databases do for their log). Sixteen downloads finishing in one
// folder then cost a few folder syncs instead of sixteen, however few threads finish them.
struct FolderState {
    std::vector<std::function<void()>> waiting;   // asked for after the running sync began
    bool running = false;
};

struct FolderSyncs {
    QMutex mutex;
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

void syncFolderThen(const QString &file, std::function<void()> done)
{
    const QString folder = QFileInfo(file).absolutePath();
    FolderSyncs &syncs = folderSyncs();
    QMutexLocker lock(&syncs.mutex);
    FolderState &state = syncs.folders[folder];
    state.waiting.push_back(std::move(done));
    if (state.running)
        return;   // the thread syncing now runs another sync for this one when it is done
    state.running = true;
    while (!state.waiting.empty()) {
        // Every change of this batch was made before it was asked for, and the sync begins after.
        std::vector<std::function<void()>> batch;
        batch.swap(state.waiting);
        lock.unlock();
        syncNow(folder);
        for (const std::function<void()> &callback : batch)
            callback();
        lock.relock();
    }
    syncs.folders.erase(folder);
}

void syncFolderOf(const QString &file)
{
    QSemaphore synced;
    syncFolderThen(file, [&synced] { synced.release(); });
    synced.acquire();
}

} // namespace Quiver
