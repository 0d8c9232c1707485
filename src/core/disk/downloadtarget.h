#pragma once

#include "disk/partfile.h"
#include "disk/partwriter.h"
#include "links/checksumlist.h"
#include "queue/transfererror.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QFuture>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

namespace Quiver {

class ChecksumList;
class FileRemover;
class NameRegistry;
struct DownloadItem;
struct FoundPart;
struct VerifyOutcome;

// What the targets of this computer's downloads share.
struct TargetServices {
    NameRegistry *names = nullptr;
    const FileRemover *remover = nullptr;   // deletions under way; may be null
    // Makes a name chosen for a link durable (in the queue's journal) before its .part is created, so a
    // crash right after cannot leave a .part that no queue entry owns. Finished once it is on the disk;
    // null when there is no queue file.
    std::function<QFuture<void>(const QUrl &link, const QString &directory, const QString &fileName)> recordName;
    // Checksum lists given with the links: a file whose final name is in them is checked before it gets
    // that name (unless its link brought its own checksum=). Read on this thread at the finish; may be null.
    const ChecksumList *checksums = nullptr;
};

// Where one download's bytes go: its folder, its final name (claimed so that nothing is overwritten),
// the .part and the disk thread that fills it, and the last step that syncs, checks and renames it. A
// transfer only feeds it bytes: the network side and the file side stay apart, so several connections
// can one day feed one target.
class DownloadTarget final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DownloadTarget)

public:
    DownloadTarget(const DownloadItem &item, const TargetServices &services, QObject *parent = nullptr);

    // Where a new attempt can continue: only from bytes both recorded and on disk (a crash can leave
    // either ahead). 0 when the file has no name yet.
    qint64 resumeOffset(qint64 bytesRecorded) const;

    // Names the file when it has no name yet (after what the server proposed, kept inside the folder),
    // then makes the folder and opens the .part as start says, on the disk thread, once a deletion of it
    // still under way and the recording of a new name are done: bytes can be written at once, and a
    // folder or file that cannot be made or opened ends up as writeError(). An error to end the attempt
    // with now: no free name, or ErrorKind::PartFound when a .part of this link was found under the name
    // (foundPart() says what it holds; the next attempt continues it).
    TransferError open(const PartWriter::Start &start, const QByteArray &contentDisposition);
    const std::optional<PartOrigin> &foundPart() const { return m_found; }

    QString fileName() const { return m_fileName; }
    // After a finish that checked the file against a checksum list: the sentence saying it matched.
    QString verifiedNote() const { return m_verifiedNote; }
    QString partPath() const;
    QString targetPath() const;

    // Bytes go to the disk thread in order; wrote() reports progress or a write error.
    void write(QByteArray chunk) { m_writer.append(std::move(chunk)); }
    // A segment's bytes, at their place in the file (opened with Start::keepAll).
    void writeAt(qint64 offset, QByteArray chunk) { m_writer.appendAt(offset, std::move(chunk)); }
    // A resumed segment's first bytes, compared with what the file holds there (PartWriter::compareAt()).
    void compareAt(qint64 offset, QByteArray chunk) { m_writer.compareAt(offset, std::move(chunk)); }
    // See PartWriter::bytesWrittenSinceOpen().
    qint64 bytesWrittenSinceOpen() const { return m_writer.bytesWrittenSinceOpen(); }
    qint64 pendingBytes() const { return m_writer.pendingBytes(); }
    qint64 bytesWritten() const { return m_writer.bytesOnDisk(); }
    bool hasWriteFailed() const { return m_writer.hasFailed(); }
    TransferError writeError() const;
    // done runs on this thread once every queued byte is in the file (or writing failed).
    void whenWritten(std::function<void()> done) { m_writer.whenIdle(std::move(done)); }

    // The body is complete: syncs the .part, checks its digest when one is expected (its checksum=, or
    // a checksum list's for its final name), and gives it its
    // final name (the next free one if someone took the name meanwhile), on a worker thread. done gets
    // no error on success. A target destroyed meanwhile never calls it.
    void finish(std::function<void(TransferError)> done);

    // What the .part holds now, for the next attempt; 0 when there is none. Once the writing is done.
    qint64 sizeOnDisk() const;
    // Once the writing is done.
    void close() { m_writer.close(); }

signals:
    void wrote();

private:
    // Verdict on a finish, or nothing when the name was taken meanwhile and the file goes to the next
    // free name first (takeNextFreeName()).
    std::optional<TransferError> judgeOutcome(const VerifyOutcome &outcome, const ExpectedDigest &expected);
    ExpectedDigest expectedDigest() const;
    void takeNextFreeName(std::function<void(TransferError)> done);
    TransferError noFreeName(const QString &name) const;

    QString m_directory;
    QString m_fileName;
    QByteArray m_sha256;
    QUrl m_url;
    TargetServices m_services;
    NameRegistry *m_names = nullptr;
    std::optional<PartOrigin> m_found;
    QString m_verifiedNote;
    std::shared_ptr<PartFile> m_file;   // shared with the disk and verify workers
    PartWriter m_writer{m_file};
};

} // namespace Quiver
