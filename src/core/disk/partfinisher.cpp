#include "disk/partfinisher.h"

#include "disk/partfile.h"
#include "util/runinthreadpool.h"

#include <QCryptographicHash>
#include <QFile>

namespace Quiver {

namespace {
QByteArray hashFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result();
}
} // namespace

QFuture<VerifyOutcome> finishPartFile(std::shared_ptr<PartFile> file, const QString &partPath,
                                      const QString &targetPath, const QByteArray &expectedSha256)
{
    return runInThreadPool<VerifyOutcome>([file, partPath, targetPath, expectedSha256] {
        VerifyOutcome outcome;
        outcome.synced = file->sync();
        if (outcome.synced && !expectedSha256.isEmpty())
            outcome.sha256 = hashFile(partPath);
        if (outcome.synced && (expectedSha256.isEmpty() || outcome.sha256 == expectedSha256)) {
            outcome.committed = file->commit(targetPath);
            outcome.targetExists = file->errorExists();
        }
        outcome.error = file->errorString();
        return outcome;
    });
}

} // namespace Quiver
