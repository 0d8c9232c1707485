#pragma once

#include <functional>

class QString;

namespace Quiver {

// A rename or a new file is only durable once its folder is on the disk too: without this a crash can
// bring back the old name (a .part, the previous session file) and lose the new one.
// Returns once a sync of the folder that began after the call is done. Thread-safe.
void syncFolderOf(const QString &file);

// The same without waiting: done runs once a sync of file's folder that began after the call is done,
// on this thread or on the thread running that sync. Calls for one folder at the same time share syncs.
// done must be quick and must not sync a folder itself.
void syncFolderThen(const QString &file, std::function<void()> done);

} // namespace Quiver
