#include "disk/partfinisher.h"

#include "disk/partfile.h"
#include "util/crashpoint.h"
#include "util/foldersync.h"

#include <QMutex>

namespace Quiver {

namespace {
QMutex hookMutex;
std::function<void(const QString &)> afterFinishHook;
} // namespace

void setAfterFinishHookForTesting(std::function<void(const QString &)> hook)
{
    const QMutexLocker lock(&hookMutex);
    afterFinishHook = std::move(hook);
}

void finishPartFile(std::shared_ptr<PartFile> file, const QString &targetPath, const ExpectedDigest &expected,
                    std::function<void(const VerifyOutcome &)> handOver)
{
    VerifyOutcome outcome;
    {
        const ThreadTurn::Scope turn(file->turn());
        outcome.synced = file->sync();
        if (outcome.synced && !expected.isEmpty()) {
            const std::optional<QByteArray> digest = file->digest(expected.algorithm);
            outcome.unreadable = !digest;
            outcome.digest = digest.value_or(QByteArray());
        }
        crashPoint("finish-synced");
        if (outcome.synced && !outcome.unreadable && (expected.isEmpty() || outcome.digest == expected.digest)) {
            outcome.committed = file->commit(targetPath, PartFile::FolderSync::ByCaller);
            outcome.targetExists = file->errorExists();
        }
        outcome.error = file->errorString();
    }
    std::function<void(const QString &)> hook;
    {
        const QMutexLocker lock(&hookMutex);
        hook = afterFinishHook;
    }
    if (hook)
        hook(targetPath);
    if (!outcome.committed) {
        handOver(outcome);
        return;
    }
    // Finished means the file is there under its name after a crash too.
    syncFolderThen(targetPath, [handOver = std::move(handOver), outcome] {
        crashPoint("finish-renamed");
        handOver(outcome);
    });
}

} // namespace Quiver
