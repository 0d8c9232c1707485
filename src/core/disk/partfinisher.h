#pragma once

#include "links/checksumlist.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>

namespace Quiver {

class PartFile;

// What finishing a .part found: the file synced, its hash, and whether it now has its final name.
struct VerifyOutcome {
    bool synced = false;
    bool committed = false;
    bool targetExists = false;   // the final name appeared meanwhile; nothing was replaced
    bool unreadable = false;     // the file could not be read back to check it (error says why)
    QString error;
    QByteArray digest;           // computed when one was expected, with the expected algorithm
};

// Syncs a complete .part to the disk, checks its digest when one is expected, and gives it its final
// name without replacing anything. fsync, hashing and the rename can take seconds on a large file or a
// slow disk, so this runs on a worker thread: the disk thread that wrote the file's last bytes
// (PartWriter::finishWith()), or the global pool for hashing, which must not hold a disk thread. Nothing
// may write to the file meanwhile; the caller keeps file alive until handOver. handOver gets the outcome
// once the new name is on the disk: on this thread, or on another finisher's that synced the folder for
// both (syncFolderThen()).
void finishPartFile(std::shared_ptr<PartFile> file, const QString &targetPath, const ExpectedDigest &expected,
                    std::function<void(const VerifyOutcome &)> handOver);

// Runs on the worker after each finish has renamed (or failed to rename) its file: tests hold a finish in
// flight with it.
void setAfterFinishHookForTesting(std::function<void(const QString &targetPath)> hook);

} // namespace Quiver
