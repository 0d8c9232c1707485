#pragma once

class QString;

namespace Quiver {

// A rename or a new file is only durable once its folder is on the disk too: without this a crash can
// bring back the old name (a .part, the previous session file) and lose the new one.
void syncFolderOf(const QString &file);

} // namespace Quiver
