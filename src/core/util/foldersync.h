#pragma once

class QString;

namespace Quiver {

// A rename or a new file is only durable once its folder is on the disk too: without this a crash can
// bring back the old name (a .part, the previous session file) and lose the new one.
// Returns once a sync of the folder that began after the call is done; callers in the same folder at
// the same time share one sync. Thread-safe.
void syncFolderOf(const QString &file);

} // namespace Quiver
