#include "disk/downloadtarget.h"

#include "disk/partfinisher.h"
#include "disk/targetfolder.h"
#include "links/filenames.h"
#include "queue/downloaditem.h"
#include "disk/nameregistry.h"

#include <QFileInfo>
#include <QFutureWatcher>

namespace Quiver {

DownloadTarget::DownloadTarget(const DownloadItem &item, NameRegistry *names, QObject *parent)
    : QObject(parent)
    , m_directory(item.directory)
    , m_fileName(item.fileName)
    , m_sha256(item.sha256)
    , m_names(names)
    , m_file(std::make_shared<PartFile>())
{
    connect(&m_writer, &PartWriter::wrote, this, &DownloadTarget::wrote);
}

QString DownloadTarget::targetPath() const
{
    return targetPathIn(m_directory, m_fileName);
}

QString DownloadTarget::partPath() const
{
    return partPathIn(m_directory, m_fileName);
}

qint64 DownloadTarget::resumeOffset(qint64 bytesRecorded) const
{
    if (m_fileName.isEmpty() || bytesRecorded <= 0)
        return 0;
    const qint64 onDisk = PartFile::existingSize(partPath());
    return onDisk < 0 ? 0 : qMin(onDisk, bytesRecorded);
}

TransferError DownloadTarget::open(qint64 offset, const QByteArray &contentDisposition, const QUrl &url)
{
    TransferError error;
    error.kind = ErrorKind::LocalFile;
    error.message = TargetFolder::prepare(m_directory);
    if (!error.message.isEmpty())
        return error;
    if (m_fileName.isEmpty()) {
        // Only the final 2xx answer may name the file, and only inside the target folder.
        const QString name = FileNames::choose(contentDisposition, url);
        const QString path = m_names->claim(m_directory, name);
        if (path.isEmpty()) {
            error.message = tr("Every variant of the name “%1” is already taken in “%2”. Choose another folder.")
                                .arg(name, m_directory);
            return error;
        }
        m_fileName = QFileInfo(path).fileName();
    }
    if (!m_file->open(partPath(), offset) || m_file->size() != offset) {
        error.message = m_file->isOpen() ? tr("The partial file “%1” is shorter than recorded.").arg(m_fileName)
                                         : m_file->errorString();
        error.restartFromZero = m_file->isOpen();
        if (error.restartFromZero)
            error.kind = ErrorKind::Protocol;
        return error;
    }
    m_writer.reset();
    return {};
}

TransferError DownloadTarget::writeError() const
{
    TransferError error;
    if (m_writer.hasFailed()) {
        error.kind = ErrorKind::LocalFile;
        error.message = m_writer.errorString();
    }
    return error;
}

void DownloadTarget::finish(std::function<void(TransferError)> done)
{
    // Every byte must be in the file before it is synced, hashed and renamed.
    m_writer.whenIdle([this, done = std::move(done)]() mutable {
        if (m_writer.hasFailed()) {
            done(writeError());
            return;
        }
        // The watcher is our child, so a target removed meanwhile never hears back.
        auto *watcher = new QFutureWatcher<VerifyOutcome>(this);
        connect(watcher, &QFutureWatcher<VerifyOutcome>::finished, this, [this, watcher, done = std::move(done)] {
            watcher->deleteLater();
            done(judgeOutcome(watcher->result()));
        });
        watcher->setFuture(finishPartFile(m_file, targetPath(), m_sha256));
    });
}

TransferError DownloadTarget::judgeOutcome(const VerifyOutcome &outcome)
{
    TransferError error;
    error.kind = ErrorKind::LocalFile;
    if (!outcome.synced || outcome.unreadable) {
        // A read error is the disk's, not a wrong file: the bytes stay for the next attempt.
        error.message = outcome.error;
        return error;
    }
    if (!m_sha256.isEmpty() && outcome.sha256 != m_sha256) {
        error.kind = ErrorKind::Checksum;
        error.restartFromZero = true;
        error.message = tr("The file's SHA-256 is %1, but the link list expects %2. The download was kept as "
                           "“%3” and not given its final name.")
                            .arg(QString::fromLatin1(outcome.sha256.toHex()), QString::fromLatin1(m_sha256.toHex()),
                                 QFileInfo(partPath()).fileName());
        return error;
    }
    if (!outcome.committed && outcome.targetExists) {
        // Someone created the name while we downloaded: never replace it, take the next free one.
        const QString taken = targetPath();
        const QString other = m_names->claim(m_directory, m_fileName);
        if (!other.isEmpty() && m_file->commit(other)) {
            m_names->release(taken);
            m_fileName = QFileInfo(other).fileName();
            return {};
        }
        m_names->release(other);
        error.message = m_file->errorString();
        return error;
    }
    if (!outcome.committed) {
        error.message = outcome.error;
        return error;
    }
    return {};
}

qint64 DownloadTarget::sizeOnDisk() const
{
    return m_file->isOpen() ? m_file->size() : qMax<qint64>(0, PartFile::existingSize(partPath()));
}

} // namespace Quiver
