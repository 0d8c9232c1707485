#include "disk/partfinisher.h"

#include "disk/partfile.h"
#include "util/crashpoint.h"
#include "util/foldersync.h"

#include <QMutex>
#include <QPromise>
#include <QThreadPool>

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

QFuture<VerifyOutcome> finishPartFile(std::shared_ptr<PartFile> file, const QString &targetPath,
                                      const ExpectedDigest &expected)
{
    // Not runInThreadPool(): the outcome is handed over once the new name is on the disk, which may be
    // done by another finisher's folder sync after this task has returned (syncFolderThen()).
    auto promise = std::make_shared<QPromise<VerifyOutcome>>();
    QFuture<VerifyOutcome> future = promise->future();
    promise->start();
    QThreadPool::globalInstance()->start([promise, file, targetPath, expected] {
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
        const auto handOver = [promise, outcome] {
            promise->addResult(outcome);
            promise->finish();
        };
        if (!outcome.committed) {
            handOver();
            return;
        }
        // Finished means the file is there under its name after a crash too.
        syncFolderThen(targetPath, [handOver] {
            crashPoint("finish-renamed");
            handOver();
        });
    });
    return future;
}

} // namespace Quiver
