#pragma once

// Real file system faults without root on the host: a private mount namespace (entered as root, or as
// an unprivileged user through a user namespace) in which a test mounts a small tmpfs (ENOSPC) or a
// read-only one (EROFS) over a folder of its own. Nothing is visible outside this process and its
// children, and everything goes away with them.

#include <QString>

namespace Quiver::Test {

// Enters the namespace. Must run in main() before any thread exists: the kernel refuses a user
// namespace to a multi-threaded process. Returns empty on success, else why it is not available (a
// container without CAP_SYS_ADMIN, user namespaces disabled, ...), for QSKIP.
QString enterPrivateMountNamespace();

// Mounts a tmpfs of the given size over path (an existing folder). readOnly mounts it read-only.
// Returns empty on success, else the reason.
QString mountTmpfs(const QString &path, qint64 bytes, bool readOnly = false);

// Mounts a ramfs over path: a file system that keeps no user extended attributes.
QString mountRamfs(const QString &path);

// Unmounts path (lazily, so open files do not keep it busy). True on success.
bool unmount(const QString &path);

} // namespace Quiver::Test
