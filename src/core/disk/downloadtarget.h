#pragma once

#include "disk/partfile.h"
#include "disk/partwriter.h"
#include "queue/transfererror.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class QUrl;

namespace Quiver {

class FileRemover;
class NameRegistry;
struct DownloadItem;
struct VerifyOutcome;

// Where one download's bytes go: its folder, its final name (claimed so that nothing is overwritten),
// the .part and the disk thread that fills it, and the last step that syncs, checks and renames it. A
// transfer only feeds it bytes: the network side and the file side stay apart, so several connections
// can one day feed one target.
class DownloadTarget final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DownloadTarget)

public:
    // remover (may be null) has the deletions under way: a .part being deleted is opened only after.
    DownloadTarget(const DownloadItem &item, NameRegistry *names, const FileRemover *remover,
                   QObject *parent = nullptr);

    // Where a new attempt can continue: only from bytes both recorded and on disk (a crash can leave
    // either ahead). 0 when the file has no name yet.
    qint64 resumeOffset(qint64 bytesRecorded) const;

    // Names the file when it has no name yet (after what the server proposed, kept inside the folder),
    // then makes the folder and opens the .part at offset, cutting off anything past it, on the disk
    // thread: bytes can be written at once, and a folder or file that cannot be made or opened ends up
    // as writeError(). An error to end the attempt with now (no free name), or none.
    TransferError open(qint64 offset, const QByteArray &contentDisposition, const QUrl &url);

    QString fileName() const { return m_fileName; }
    QString partPath() const;
    QString targetPath() const;

    // Bytes go to the disk thread in order; wrote() reports progress or a write error.
    void write(QByteArray chunk) { m_writer.append(std::move(chunk)); }
    qint64 pendingBytes() const { return m_writer.pendingBytes(); }
    qint64 bytesWritten() const { return m_writer.bytesOnDisk(); }
    bool hasWriteFailed() const { return m_writer.hasFailed(); }
    TransferError writeError() const;
    // done runs on this thread once every queued byte is in the file (or writing failed).
    void whenWritten(std::function<void()> done) { m_writer.whenIdle(std::move(done)); }

    // The body is complete: syncs the .part, checks its SHA-256 when one is expected, and gives it its
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
    std::optional<TransferError> judgeOutcome(const VerifyOutcome &outcome);
    void takeNextFreeName(std::function<void(TransferError)> done);

    QString m_directory;
    QString m_fileName;
    QByteArray m_sha256;
    NameRegistry *m_names = nullptr;
    const FileRemover *m_remover = nullptr;
    std::shared_ptr<PartFile> m_file;   // shared with the disk and verify workers
    PartWriter m_writer{m_file};
};

} // namespace Quiver
