#pragma once

#include <QBasicTimer>
#include <QFuture>
#include <QObject>
#include <QString>

#include "disk/partorigin.h"

#include <functional>
#include <memory>

namespace Quiver {

class PartFile;

// Writes one download's bytes to its open .part on a disk thread. A write() to a busy disk can sleep for
// a second behind the kernel's writeback; on the event loop that would freeze the window and every other
// transfer. The caller queues what it reads and stops reading from the network while pendingBytes() is
// high, so a slow disk slows the socket instead of filling memory.
//
// Opening the file is the disk thread's work too: on a slow or hung disk, making the folder and opening
// the .part would block the same way.
//
// Order is kept (one writer task per file at a time). Once a write fails, nothing more is written and
// the rest is dropped: the file keeps exactly the bytes before the failure.
class PartWriter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PartWriter)

public:
    // Nothing else may use file while the writer is busy: its turns (PartFile::turn()) are the disk
    // thread's until isIdle().
    explicit PartWriter(std::shared_ptr<PartFile> file, QObject *parent = nullptr);
    // Drops what is still queued and waits for a write in progress, so that a later attempt never finds
    // an old one still appending to the same .part.
    ~PartWriter() override;

    // Where writing starts, and what is checked first.
    struct Start {
        qint64 offset = 0;    // the file is cut here, and appended bytes go here on...
        qint64 keepUpTo = 0;  // ...unless this is further: the file is cut here instead, and the first
                              // keepUpTo - offset bytes appended must equal what the file holds there
                              // (they are compared, not written): an answer proves it continues the file
        PartOrigin origin;    // recorded on the file as it is opened
        bool keepAll = false; // a segmented download: nothing is cut, the bytes are placed by appendAt()
    };

    // Makes the folder and opens the file at path on the disk thread, once everything in after has
    // finished (a deletion of the same .part asked for earlier, the recording of its name). What is appended meanwhile is written after it.
    // The writer fails (hasFailed()) when the folder or file cannot be made or opened, and with
    // needsFreshStart() when the file holds fewer bytes than it should or the compared bytes differ.
    // Only when idle.
    //
    // The disk thread is called a moment later (openDelay), or as soon as a few chunks wait, the finish
    // is asked for or someone waits for the writer: a small file's whole body is there by then, and it
    // is opened, written and finished in one trip to the disk thread instead of three.
    void open(const QString &directory, const QString &path, const Start &start, QList<QFuture<void>> after = {});
    void append(QByteArray chunk);
    // Writes chunk at offset, in turn with everything queued (pwrite): the segments of one download.
    void appendAt(qint64 offset, QByteArray chunk);
    // Compares chunk with what the file holds at offset, in turn with everything queued, and writes
    // nothing: a resumed segment's overlap. Bytes that differ fail the writer with needsFreshStart().
    void compareAt(qint64 offset, QByteArray chunk);
    // Closes the file on this thread. Only when idle.
    void close();

    qint64 pendingBytes() const;   // queued, not yet in the file
    qint64 bytesOnDisk() const;    // the file's size as far as written
    // Every byte handed over since open() that is now in the file, in the order handed over: a caller
    // that remembers what it queued knows which of its chunks have landed.
    qint64 bytesWrittenSinceOpen() const;
    bool isIdle() const;           // nothing queued, nothing being written
    bool isOpen() const;           // the last open() succeeded and close() has not been called
    bool hasFailed() const;
    bool needsFreshStart() const;  // the file is shorter than it should be, or does not match the answer
    QString errorString() const;

    // Calls done on this object's thread once everything queued is written or writing failed; at once
    // when already idle. A destroyed writer never calls it.
    void whenIdle(std::function<void()> done);

    // The last step, once everything queued is in the file: work runs on the disk thread that wrote the
    // last bytes, right after them (a small file is opened, filled and finished in one trip there, with
    // no hop back to this thread in between), or on a disk thread at once when all is written already.
    // It runs after the writer let go of the file (work takes its turn) and is not waited for by the
    // destructor; it calls the function it is given once done, from any thread. Then done(true) runs on
    // this object's thread. When writing failed, work is skipped and done(false) runs instead. Nothing
    // may be queued after it. A destroyed writer calls neither.
    void finishWith(std::function<void(std::function<void()> finished)> work, std::function<void(bool ran)> done);

    static constexpr int openDelayMs = 20;
    static constexpr qint64 openWithoutDelayBytes = 512 * 1024;

signals:
    // Bytes reached the file, or writing failed. Coalesced: one per event-loop pass at most.
    void wrote();

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    struct Shared;
    struct Opened {
        QString error;
        bool freshStart = false;
        QByteArray expected;
    };

    void enqueue(qint64 offset, QByteArray chunk, bool compare = false);
    void startTask();
    void startDeferred();   // the open's task, now
    static Opened openFile(PartFile &file, const QString &directory, const QString &path, const Start &start,
                           const QList<QFuture<void>> &after);
    void onNotified();
    static void drain(const std::shared_ptr<Shared> &shared);

    std::shared_ptr<Shared> m_shared;
    std::vector<std::function<void()>> m_idleCallbacks;
    std::function<void(bool)> m_finished;
    QBasicTimer m_openTimer;   // running: the open waits for its task (openDelayMs)
};

} // namespace Quiver
