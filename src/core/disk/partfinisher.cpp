#include "disk/partfinisher.h"

#include "disk/partfile.h"
#include "util/runinthreadpool.h"


namespace Quiver {

QFuture<VerifyOutcome> finishPartFile(std::shared_ptr<PartFile> file, const QString &targetPath,
                                      const QByteArray &expectedSha256)
{
    return runInThreadPool<VerifyOutcome>([file, targetPath, expectedSha256] {
        VerifyOutcome outcome;
        outcome.synced = file->sync();
        if (outcome.synced && !expectedSha256.isEmpty()) {
            const std::optional<QByteArray> digest = file->sha256();
            outcome.unreadable = !digest;
            outcome.sha256 = digest.value_or(QByteArray());
        }
        if (outcome.synced && !outcome.unreadable && (expectedSha256.isEmpty() || outcome.sha256 == expectedSha256)) {
            outcome.committed = file->commit(targetPath);
            outcome.targetExists = file->errorExists();
        }
        outcome.error = file->errorString();
        return outcome;
    });
}

} // namespace Quiver
