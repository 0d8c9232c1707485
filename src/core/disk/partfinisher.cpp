#include "disk/partfinisher.h"

#include "disk/partfile.h"

#include <QCryptographicHash>
#include <QFile>
#include <QPromise>
#include <QThreadPool>

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
    auto promise = std::make_shared<QPromise<VerifyOutcome>>();
    QFuture<VerifyOutcome> future = promise->future();
    QThreadPool::globalInstance()->start([promise, file, partPath, targetPath, expectedSha256] {
        promise->start();
        VerifyOutcome outcome;
        outcome.synced = file->sync();
        if (outcome.synced && !expectedSha256.isEmpty())
            outcome.sha256 = hashFile(partPath);
        if (outcome.synced && (expectedSha256.isEmpty() || outcome.sha256 == expectedSha256)) {
            outcome.committed = file->commit(targetPath);
            outcome.targetExists = file->errorExists();
        }
        outcome.error = file->errorString();
        promise->addResult(outcome);
        promise->finish();
    });
    return future;
}

} // namespace Quiver
