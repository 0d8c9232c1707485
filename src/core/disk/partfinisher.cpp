#include "disk/partfinisher.h"

#include "disk/partfile.h"
#include "util/crashpoint.h"
#include "util/runinthreadpool.h"

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

QFuture<VerifyOutcome> finishPartFile(std::shared_ptr<PartFile> file, const QString &targetPath,
                                      const ExpectedDigest &expected)
{
    return runInThreadPool<VerifyOutcome>([file, targetPath, expected] {
        const ThreadTurn::Scope turn(file->turn());
        VerifyOutcome outcome;
        outcome.synced = file->sync();
        if (outcome.synced && !expected.isEmpty()) {
            const std::optional<QByteArray> digest = file->digest(expected.algorithm);
            outcome.unreadable = !digest;
            outcome.digest = digest.value_or(QByteArray());
        }
        crashPoint("finish-synced");
        if (outcome.synced && !outcome.unreadable && (expected.isEmpty() || outcome.digest == expected.digest)) {
            outcome.committed = file->commit(targetPath);
            crashPoint("finish-renamed");
            outcome.targetExists = file->errorExists();
        }
        outcome.error = file->errorString();
        std::function<void(const QString &)> hook;
        {
            const QMutexLocker lock(&hookMutex);
            hook = afterFinishHook;
        }
        if (hook)
            hook(targetPath);
        return outcome;
    });
}

} // namespace Quiver
