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
                                      const QByteArray &expectedSha256)
{
    return runInThreadPool<VerifyOutcome>([file, targetPath, expectedSha256] {
        const ThreadTurn::Scope turn(file->turn());
        VerifyOutcome outcome;
        outcome.synced = file->sync();
        if (outcome.synced && !expectedSha256.isEmpty()) {
            const std::optional<QByteArray> digest = file->sha256();
            outcome.unreadable = !digest;
            outcome.sha256 = digest.value_or(QByteArray());
        }
        crashPoint("finish-synced");
        if (outcome.synced && !outcome.unreadable && (expectedSha256.isEmpty() || outcome.sha256 == expectedSha256)) {
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
