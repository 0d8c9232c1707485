#pragma once

#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace Quiver {

class PartFile;

// Writes one download's bytes to its open .part on a disk thread. A write() to a busy disk can sleep for
// a second behind the kernel's writeback; on the event loop that would freeze the window and every other
// transfer. The caller queues what it reads and stops reading from the network while pendingBytes() is
// high, so a slow disk slows the socket instead of filling memory.
//
// Order is kept (one writer task per file at a time). Once a write fails, nothing more is written and
// the rest is dropped: the file keeps exactly the bytes before the failure.
class PartWriter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PartWriter)

public:
    // file must stay open until isIdle(); nothing else may write to it meanwhile.
    explicit PartWriter(std::shared_ptr<PartFile> file, QObject *parent = nullptr);
    // Drops what is still queued and waits for a write in progress, so that a later attempt never finds
    // an old one still appending to the same .part.
    ~PartWriter() override;

    // Restarts the count from the file's current size; call after (re)opening the file.
    void reset();
    void append(QByteArray chunk);

    qint64 pendingBytes() const;   // queued, not yet in the file
    qint64 bytesOnDisk() const;    // the file's size as far as written
    bool isIdle() const;           // nothing queued, nothing being written
    bool hasFailed() const;
    QString errorString() const;

    // Calls done on this object's thread once everything queued is written or writing failed; at once
    // when already idle. A destroyed writer never calls it.
    void whenIdle(std::function<void()> done);

signals:
    // Bytes reached the file, or writing failed. Coalesced: one per event-loop pass at most.
    void wrote();

private:
    struct Shared;

    void startTask();
    void onNotified();
    static void drain(const std::shared_ptr<Shared> &shared);

    std::shared_ptr<Shared> m_shared;
    std::vector<std::function<void()>> m_idleCallbacks;
};

} // namespace Quiver
