#pragma once

#include <QCoreApplication>
#include <QByteArray>
#include <QCryptographicHash>
#include <QString>

#include "disk/partorigin.h"
#include "util/threadturn.h"

#include <optional>

namespace Quiver {

// The NAME.part file of one download. It is opened without following symlinks, created owner-only and
// not executable, locked against every other writer (flock), and only ever renamed to its final name
// without replacing anything that is there.
//
// Threads take turns with it (the disk thread opens and fills it, a worker syncs, hashes and renames it,
// the owner closes it): each use happens inside a ThreadTurn::Scope on turn(), and a use out of turn
// fails an assertion in debug builds.
class PartFile final
{
    Q_DISABLE_COPY_MOVE(PartFile)
    Q_DECLARE_TR_FUNCTIONS(Quiver::PartFile)

public:
    PartFile() = default;
    ~PartFile();

    // Opens (or creates) path for writing at offset: the file is cut to offset, so bytes beyond what
    // was verified never survive. Fails on a symlink, a directory or anything but a regular file, and,
    // without changing a byte, on a file another PartFile (here or in another process) has open. The
    // origin (when it has a link) is recorded on the file before any byte is written.
    bool open(const QString &path, qint64 offset, const PartOrigin &origin = {});
    // size bytes from offset, read back from the disk; nothing (and errorString()) when they cannot be.
    std::optional<QByteArray> readBack(qint64 offset, qint64 size);
    // Appends; every few MiB it also has the kernel start writing the new span to the disk (and waits for
    // the span before it), so dirty pages stay bounded and sync() at the end waits only for the tail.
    bool write(const char *data, qint64 size);
    // Writes at offset (pwrite), for the segments of one download that fill the file at their own
    // places; the size is the end of the furthest byte written.
    bool writeAt(qint64 offset, const char *data, qint64 size);
    // Flushes to the disk (fsync); safe to call from a worker thread while nothing writes.
    bool sync();
    // The digest (SHA-256, SHA-512, ...) of what the file holds now, read back from the disk; nothing
    // (and errorString()) when it cannot be read.
    std::optional<QByteArray> digest(QCryptographicHash::Algorithm algorithm);
    void close();
    bool isOpen() const { m_turn.check(); return m_fd >= 0; }
    qint64 size() const { m_turn.check(); return m_size; }
    QString errorString() const { m_turn.check(); return m_error; }
    QString path() const { m_turn.check(); return m_path; }

    // Whether commit() syncs the folder so the new name is on the disk before it returns, or leaves that
    // to the caller (syncFolderThen(), which shares one sync among files finishing together).
    enum class FolderSync { Now, ByCaller };
    // Gives the finished file its final mode (as a normal file the user created), keeps only its link of
    // its origin, and renames it to target, never replacing an existing file. Returns false with
    // errorExists() when target exists.
    bool commit(const QString &target, FolderSync folderSync = FolderSync::Now);
    bool errorExists() const { m_turn.check(); return m_exists; }
    // The errno of the last failure, 0 when it had none (another writer holds the file).
    int errorCode() const { m_turn.check(); return m_errorCode; }

    ThreadTurn &turn() { return m_turn; }

    // The size of an existing part file, without following symlinks; -1 when there is none.
    static qint64 existingSize(const QString &path);

private:
    bool fail(const QString &what, int error);
    void startWriteback();
    void closeDescriptor();
    bool failBusy();

    QString m_path;
    QString m_error;
    qint64 m_size = 0;
    qint64 m_writebackFrom = 0;   // bytes from here on have not been handed to the disk yet
    qint64 m_inWritebackFrom = -1;// the span being written back began here (up to m_writebackFrom); -1: none
    int m_fd = -1;
    int m_errorCode = 0;
    bool m_exists = false;
    ThreadTurn m_turn;
};

} // namespace Quiver
