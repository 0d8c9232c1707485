#include "disk/downloadtarget.h"

#include "disk/fileremover.h"
#include "disk/foundpart.h"
#include "disk/partfinisher.h"
#include "links/checksumlist.h"
#include "links/filenames.h"
#include "queue/downloaditem.h"
#include "disk/nameregistry.h"

#include "util/runinthreadpool.h"
#include "util/units.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QThreadPool>

namespace Quiver {

DownloadTarget::DownloadTarget(const DownloadItem &item, const TargetServices &services, QObject *parent)
    : QObject(parent)
    , m_directory(item.directory)
    , m_fileName(item.fileName)
    , m_sha256(item.sha256)
    , m_url(item.url)
    , m_services(services)
    , m_names(services.names)
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

TransferError DownloadTarget::open(const PartWriter::Start &start, const QByteArray &contentDisposition)
{
    QList<QFuture<void>> before;
    if (m_fileName.isEmpty()) {
        // Only the final 2xx answer may name the file, and only inside the target folder.
        const QString name = FileNames::choose(contentDisposition, m_url);
        if (const std::optional<FoundPart> found = FoundPart::adopt(*m_names, m_directory, name, m_url)) {
            // This answer is the whole file from byte 0, and most of it is on disk already: the next
            // attempt asks for the rest.
            m_fileName = found->fileName;
            m_found = found->origin;
            TransferError error;
            error.kind = ErrorKind::PartFound;
            error.message = tr("Quiver found “%1” from an earlier download of this link, with %2, and continues it.")
                                .arg(QFileInfo(partPath()).fileName(), Units::bytes(found->size));
            return error;
        }
        const QString path = m_names->claim(m_directory, name);
        if (path.isEmpty()) {
            return noFreeName(name);
        }
        m_fileName = QFileInfo(path).fileName();
    }
    // A .part is (re)made from byte 0 here: its name is recorded first, new or given with out= (the item
    // may not be in the queue file yet either).
    if (m_services.recordName && start.offset == 0 && start.keepUpTo == 0)
        before.append(m_services.recordName(m_url, m_directory, m_fileName));
    const QString part = partPath();
    if (m_services.remover)
        before.append(m_services.remover->pendingFor(part));
    PartWriter::Start opening = start;
    opening.origin.url = m_url;
    m_writer.open(m_directory, part, opening, std::move(before));
    return {};
}

TransferError DownloadTarget::writeError() const
{
    TransferError error;
    if (m_writer.hasFailed()) {
        error.kind = ErrorKind::LocalFile;
        error.message = m_writer.errorString();
        // Bytes recorded but gone: only a fresh start gives a file known to be right.
        error.restartFromZero = m_writer.needsFreshStart();
        if (error.restartFromZero)
            error.kind = ErrorKind::Protocol;
    }
    return error;
}

void DownloadTarget::finish(std::function<void(TransferError)> done)
{
    // Every byte must be in the file before it is synced, hashed and renamed: the writer runs the finish
    // after its last write, on the same disk thread, and says so on this thread (done never runs for a
    // target removed meanwhile). Hashing goes on to the global pool: it reads the whole file at the
    // CPU's pace, and a disk thread stays free for the other downloads' bytes.
    const ExpectedDigest expected = expectedDigest();
    auto outcome = std::make_shared<VerifyOutcome>();   // written there before finished(), read here after
    auto work = [file = m_file, target = targetPath(), expected, outcome](std::function<void()> finished) {
        auto finishHere = [file, target, expected, outcome, finished = std::move(finished)] {
            finishPartFile(file, target, expected, [outcome, finished](const VerifyOutcome &result) {
                *outcome = result;
                finished();
            });
        };
        if (expected.isEmpty())
            finishHere();
        else
            QThreadPool::globalInstance()->start(std::move(finishHere));
    };
    m_writer.finishWith(std::move(work), [this, outcome, expected, done = std::move(done)](bool ran) {
        if (!ran) {
            done(writeError());
            return;
        }
        if (const std::optional<TransferError> verdict = judgeOutcome(*outcome, expected))
            done(*verdict);
        else
            takeNextFreeName(done);
    });
}

// The link's own checksum= wins: the user wrote it for this very link. Otherwise the lists, by the name
// the file is about to get.
ExpectedDigest DownloadTarget::expectedDigest() const
{
    if (!m_sha256.isEmpty())
        return ExpectedDigest{QCryptographicHash::Sha256, m_sha256, QString()};
    if (m_services.checksums) {
        if (std::optional<ExpectedDigest> listed = m_services.checksums->find(m_fileName))
            return *listed;
    }
    return {};
}

std::optional<TransferError> DownloadTarget::judgeOutcome(const VerifyOutcome &outcome, const ExpectedDigest &expected)
{
    m_verifiedNote.clear();
    TransferError error;
    error.kind = ErrorKind::LocalFile;
    if (!outcome.synced || outcome.unreadable) {
        // A read error is the disk's, not a wrong file: the bytes stay for the next attempt.
        error.message = outcome.error;
        return error;
    }
    if (!expected.isEmpty() && outcome.digest != expected.digest) {
        error.kind = ErrorKind::Checksum;
        error.restartFromZero = true;
        const QString actual = QString::fromLatin1(outcome.digest.toHex());
        const QString wanted = QString::fromLatin1(expected.digest.toHex());
        const QString kept = QFileInfo(partPath()).fileName();
        error.message = expected.source.isEmpty()
            ? tr("The file's SHA-256 is %1, but the link list expects %2. The download was kept as "
                 "“%3” and not given its final name.")
                  .arg(actual, wanted, kept)
            //: %1 is SHA-256, SHA-512 or SHA-1; %4 the checksum list's file name or link
            : tr("The file's %1 is %2, but the checksum list “%4” expects %3. The download was kept as "
                 "“%5” and not given its final name.")
                  .arg(digestName(expected.algorithm), actual, wanted, expected.source, kept);
        return error;
    }
    if (!expected.isEmpty() && !expected.source.isEmpty()) {
        m_verifiedNote = tr("Checked against the checksum list “%1”: the file's %2 matches (%3).")
                             .arg(expected.source, digestName(expected.algorithm), QString::fromLatin1(outcome.digest.toHex()));
    }
    if (!outcome.committed && outcome.targetExists)
        return std::nullopt;   // someone created the name while we downloaded: never replace it
    if (!outcome.committed) {
        error.message = outcome.error;
        return error;
    }
    return TransferError{};
}

void DownloadTarget::takeNextFreeName(std::function<void(TransferError)> done)
{
    const QString taken = targetPath();
    const QString other = m_names->claim(m_directory, m_fileName);
    if (other.isEmpty()) {
        done(noFreeName(m_fileName));
        return;
    }
    struct Renamed {
        bool ok = false;
        QString error;
    };
    // A rename is disk work like the first one: off this thread.
    auto *watcher = new QFutureWatcher<Renamed>(this);
    connect(watcher, &QFutureWatcher<Renamed>::finished, this, [this, watcher, taken, other, done] {
        watcher->deleteLater();
        const Renamed renamed = watcher->result();
        if (!renamed.ok) {
            m_names->release(other);
            TransferError error;
            error.kind = ErrorKind::LocalFile;
            error.message = renamed.error;
            done(error);
            return;
        }
        m_names->release(taken);
        m_fileName = QFileInfo(other).fileName();
        done({});
    });
    watcher->setFuture(runInThreadPool<Renamed>([file = m_file, other] {
        const ThreadTurn::Scope turn(file->turn());
        Renamed renamed;
        renamed.ok = file->commit(other);
        renamed.error = file->errorString();
        return renamed;
    }));
}

TransferError DownloadTarget::noFreeName(const QString &name) const
{
    TransferError error;
    error.kind = ErrorKind::LocalFile;
    error.message = tr("Every variant of the name “%1” is already taken in “%2”. Choose another folder.")
                        .arg(name, m_directory);
    return error;
}

qint64 DownloadTarget::sizeOnDisk() const
{
    return m_writer.isOpen() ? m_writer.bytesOnDisk() : qMax<qint64>(0, PartFile::existingSize(partPath()));
}

} // namespace Quiver
