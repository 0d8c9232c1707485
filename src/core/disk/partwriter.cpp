#include "disk/partwriter.h"

#include "disk/partfile.h"
#include "disk/targetfolder.h"
#include "util/crashpoint.h"
#include "util/threadpriority.h"

#include <QMetaObject>
#include <QMutex>
#include <QPointer>
#include <QThreadPool>
#include <QTimerEvent>
#include <QWaitCondition>

#include <QFileInfo>

#include <cerrno>
#include <deque>
#include <limits>
#include <optional>

namespace Quiver {

namespace {
// Its own pool: hashing and renaming on the global one must not wait behind a slow disk, and sixteen
// files never need sixteen threads to keep one disk busy.
QThreadPool *diskPool()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(4);
        return p;
    }();
    return pool;
}
} // namespace

struct PartWriter::Shared {
    struct OpenRequest {
        QString directory;
        QString path;
        Start start;
        QList<QFuture<void>> after;
    };

    mutable QMutex mutex;
    QWaitCondition taskEnded;
    std::shared_ptr<PartFile> file;
    std::optional<OpenRequest> openRequest;   // runs before anything queued
    struct Chunk {
        qint64 offset = -1;   // -1: appended after the last byte
        QByteArray bytes;
        bool compare = false; // compared with the file at offset, not written
    };
    std::deque<Chunk> queue;
    // The last step (finishWith()): waiting for the writes, then running on a disk thread, then over.
    enum class Finish { None, Asked, Running, Ran, Skipped };
    Finish finish = Finish::None;
    std::function<void(std::function<void()>)> finishWork;
    qint64 written = 0;   // since open(), compared bytes included
    QByteArray expected;            // what the next appended bytes must be (compared, not written)
    qsizetype expectedAt = 0;
    qint64 pending = 0;
    qint64 onDisk = 0;
    bool running = false;
    bool opened = false;
    bool failed = false;
    bool freshStart = false;
    bool notifyPosted = false;
    QString error;
    PartWriter *owner = nullptr;   // cleared under the mutex when the writer goes away

    // Caller holds the mutex, so owner cannot be destroyed between the check and the post; a posted
    // call to a destroyed object is discarded by Qt.
    void notifyLocked()
    {
        if (!owner || notifyPosted)
            return;
        notifyPosted = true;
        PartWriter *target = owner;
        QMetaObject::invokeMethod(target, [target] { target->onNotified(); }, Qt::QueuedConnection);
    }
};

PartWriter::PartWriter(std::shared_ptr<PartFile> file, QObject *parent)
    : QObject(parent)
    , m_shared(std::make_shared<Shared>())
{
    m_shared->file = std::move(file);
    m_shared->owner = this;
}

PartWriter::~PartWriter()
{
    QMutexLocker lock(&m_shared->mutex);
    m_shared->owner = nullptr;
    m_shared->queue.clear();
    m_shared->pending = 0;
    while (m_shared->running)
        m_shared->taskEnded.wait(&m_shared->mutex);
}

void PartWriter::open(const QString &directory, const QString &path, const Start &start, QList<QFuture<void>> after)
{
    QMutexLocker lock(&m_shared->mutex);
    Q_ASSERT(!m_shared->running && m_shared->queue.empty());
    m_shared->openRequest = Shared::OpenRequest{directory, path, start, std::move(after)};
    m_shared->expected.clear();
    m_shared->expectedAt = 0;
    m_shared->opened = false;
    m_shared->failed = false;
    m_shared->freshStart = false;
    m_shared->error.clear();
    m_shared->onDisk = 0;
    m_shared->written = 0;
    // Not running yet: whatever is queued until the task starts waits for it (enqueue() does not start
    // one while the timer runs).
    m_openTimer.start(openDelayMs, this);
}

void PartWriter::startDeferred()
{
    if (!m_openTimer.isActive())
        return;
    m_openTimer.stop();
    QMutexLocker lock(&m_shared->mutex);
    if (m_shared->running)
        return;
    m_shared->running = true;
    lock.unlock();
    startTask();
}

void PartWriter::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_openTimer.timerId())
        startDeferred();
    else
        QObject::timerEvent(event);
}

void PartWriter::close()
{
    QMutexLocker lock(&m_shared->mutex);
    Q_ASSERT(!m_shared->running && m_shared->queue.empty());
    const ThreadTurn::Scope turn(m_shared->file->turn());
    m_shared->file->close();
    m_shared->opened = false;
}

void PartWriter::append(QByteArray chunk)
{
    enqueue(-1, std::move(chunk));
}

void PartWriter::appendAt(qint64 offset, QByteArray chunk)
{
    Q_ASSERT(offset >= 0);
    enqueue(offset, std::move(chunk));
}

void PartWriter::compareAt(qint64 offset, QByteArray chunk)
{
    Q_ASSERT(offset >= 0);
    enqueue(offset, std::move(chunk), true);
}

void PartWriter::enqueue(qint64 offset, QByteArray chunk, bool compare)
{
    if (chunk.isEmpty())
        return;
    QMutexLocker lock(&m_shared->mutex);
    if (m_shared->failed)
        return;
    m_shared->pending += chunk.size();
    m_shared->queue.push_back(Shared::Chunk{offset, std::move(chunk), compare});
    if (m_openTimer.isActive()) {
        if (m_shared->pending >= openWithoutDelayBytes) {
            lock.unlock();
            startDeferred();
        }
        return;
    }
    if (!m_shared->running) {
        m_shared->running = true;
        lock.unlock();
        startTask();
    }
}

void PartWriter::startTask()
{
    std::shared_ptr<Shared> shared = m_shared;
    diskPool()->start([shared] { drain(shared); });
}

void PartWriter::drain(const std::shared_ptr<Shared> &shared)
{
    // Copying 600 MiB/s into the page cache takes a good share of a CPU; on a busy machine the window's
    // thread comes first, and back-pressure slows the downloads a little instead.
    lowerThisThreadsPriority();
    PartFile &file = *shared->file;
    // The file is this thread's from here until running goes false (the owner's thread waits for that).
    file.turn().take();
    QMutexLocker lock(&shared->mutex);
    if (auto request = std::exchange(shared->openRequest, std::nullopt); request && shared->owner) {
        lock.unlock();
        const Opened opened = openFile(file, request->directory, request->path, request->start, request->after);
        lock.relock();
        shared->opened = opened.error.isEmpty();
        shared->onDisk = shared->opened ? file.size() : 0;
        shared->expected = opened.expected;
        shared->expectedAt = 0;
        if (!shared->opened) {
            shared->failed = true;
            shared->freshStart = opened.freshStart;
            shared->error = opened.error;
            shared->queue.clear();
            shared->pending = 0;
        }
    }
    while (!shared->queue.empty() && !shared->failed && shared->owner) {
        std::deque<Shared::Chunk> batch;
        batch.swap(shared->queue);
        for (const Shared::Chunk &item : batch) {
            const QByteArray &chunk = item.bytes;
            lock.unlock();
            bool same = true;
            bool ok = false;
            qsizetype compared = 0;
            if (item.compare) {
                const std::optional<QByteArray> held = file.readBack(item.offset, chunk.size());
                same = !held || *held == chunk;
                ok = held && same;
            } else if (item.offset >= 0) {
                ok = file.writeAt(item.offset, chunk.constData(), chunk.size());
            } else {
                compared = qMin(chunk.size(), shared->expected.size() - shared->expectedAt);
                same = compared == 0
                    || QByteArrayView(chunk).first(compared) == QByteArrayView(shared->expected).sliced(shared->expectedAt, compared);
                ok = same
                    && (compared == chunk.size() || file.write(chunk.constData() + compared, chunk.size() - compared));
            }
            lock.relock();
            shared->expectedAt += compared;
            shared->onDisk = file.size();
            if (!ok) {
                shared->failed = true;
                shared->freshStart = !same;
                const QString name = QFileInfo(file.path()).fileName();
                if (same)
                    shared->error = file.errorString();
                else if (item.compare)
                    shared->error = tr("The partial file “%1” holds other bytes before byte %2 than the server sends "
                                       "now: the file changed on the server, or the partial file was damaged.")
                                        .arg(name).arg(item.offset + chunk.size());
                else
                    shared->error = tr("The end of the partial file “%1” differs from what the server sends "
                                       "now: the file changed on the server, or the partial file was damaged.")
                                        .arg(name);
                shared->queue.clear();
                shared->pending = 0;
                break;
            }
            // A writer going away empties the queue and waits only for the write in progress.
            if (!shared->owner)
                break;
            shared->pending -= chunk.size();
            shared->written += chunk.size();
        }
        shared->notifyLocked();
    }
    file.turn().give();
    std::function<void(std::function<void()>)> work;
    if (shared->finish == Shared::Finish::Asked && shared->queue.empty()) {
        if (shared->failed || !shared->owner) {
            shared->finish = Shared::Finish::Skipped;
        } else {
            shared->finish = Shared::Finish::Running;
            work = std::exchange(shared->finishWork, {});
        }
    }
    shared->running = false;
    shared->notifyLocked();
    shared->taskEnded.wakeAll();
    lock.unlock();
    if (work) {
        // The writer no longer holds the file: a destructor does not wait for this, and the step ends
        // whenever work says so (a folder sync shared with other files may end it on another thread).
        work([shared] {
            QMutexLocker relock(&shared->mutex);
            shared->finish = Shared::Finish::Ran;
            shared->notifyLocked();
        });
    }
}

qint64 PartWriter::pendingBytes() const
{
    QMutexLocker lock(&m_shared->mutex);
    return m_shared->pending;
}

qint64 PartWriter::bytesWrittenSinceOpen() const
{
    QMutexLocker lock(&m_shared->mutex);
    return m_shared->written;
}

qint64 PartWriter::bytesOnDisk() const
{
    QMutexLocker lock(&m_shared->mutex);
    return m_shared->onDisk;
}

bool PartWriter::isIdle() const
{
    if (m_openTimer.isActive())
        return false;
    QMutexLocker lock(&m_shared->mutex);
    return !m_shared->running && m_shared->queue.empty() && m_shared->finish != Shared::Finish::Running;
}

bool PartWriter::isOpen() const
{
    QMutexLocker lock(&m_shared->mutex);
    return m_shared->opened;
}

bool PartWriter::needsFreshStart() const
{
    QMutexLocker lock(&m_shared->mutex);
    return m_shared->freshStart;
}

// On the disk thread.
PartWriter::Opened PartWriter::openFile(PartFile &file, const QString &directory, const QString &path,
                                        const Start &start, const QList<QFuture<void>> &after)
{
    // A deletion or a journal write runs elsewhere and never waits for a writer: no cycle.
    for (QFuture<void> done : after)
        done.waitForFinished();
    crashPoint("before-part");
    Opened opened;
    const qint64 cut = start.keepAll ? std::numeric_limits<qint64>::max() : qMax(start.offset, start.keepUpTo);
    // The folder is made only when the file cannot be opened for want of it: for every file but the
    // first of a folder, checking first would be a system call for nothing.
    bool ok = file.open(path, cut, start.origin);
    if (!ok && (file.errorCode() == ENOENT || file.errorCode() == ENOTDIR)) {
        opened.error = TargetFolder::prepare(directory);
        if (!opened.error.isEmpty())
            return opened;
        ok = file.open(path, cut, start.origin);
    }
    if (!ok) {
        opened.error = file.errorString();
        return opened;
    }
    crashPoint("part-created");
    if (start.keepAll) {
        // The segments' owner knows which bytes are there and places every new one itself.
    } else if (file.size() != cut) {
        opened.freshStart = true;
        opened.error = tr("The partial file “%1” is shorter than recorded.").arg(QFileInfo(path).fileName());
    } else if (cut > start.offset) {
        const std::optional<QByteArray> tail = file.readBack(start.offset, cut - start.offset);
        if (tail)
            opened.expected = *tail;
        else
            opened.error = file.errorString();
    }
    if (!opened.error.isEmpty())
        file.close();
    return opened;
}

bool PartWriter::hasFailed() const
{
    QMutexLocker lock(&m_shared->mutex);
    return m_shared->failed;
}

QString PartWriter::errorString() const
{
    QMutexLocker lock(&m_shared->mutex);
    return m_shared->error;
}

void PartWriter::whenIdle(std::function<void()> done)
{
    startDeferred();   // someone waits: the open is not put off any more
    if (isIdle()) {
        done();
        return;
    }
    m_idleCallbacks.push_back(std::move(done));
}

void PartWriter::finishWith(std::function<void(std::function<void()>)> work, std::function<void(bool)> done)
{
    QMutexLocker lock(&m_shared->mutex);
    Q_ASSERT(m_shared->finish == Shared::Finish::None);
    m_finished = std::move(done);
    m_shared->finishWork = std::move(work);
    m_shared->finish = Shared::Finish::Asked;
    if (m_openTimer.isActive()) {
        lock.unlock();
        startDeferred();   // open, write and finish: one task
        return;
    }
    if (m_shared->running)
        return;   // the task writing now runs it after its last bytes
    m_shared->running = true;
    lock.unlock();
    startTask();
}

void PartWriter::onNotified()
{
    bool idle = false;
    std::optional<bool> finished;
    {
        QMutexLocker lock(&m_shared->mutex);
        m_shared->notifyPosted = false;
        idle = !m_shared->running && m_shared->queue.empty() && m_shared->finish != Shared::Finish::Running;
        if (m_shared->finish == Shared::Finish::Ran || m_shared->finish == Shared::Finish::Skipped) {
            finished = m_shared->finish == Shared::Finish::Ran;
            m_shared->finish = Shared::Finish::None;
        }
    }
    if (finished && m_finished) {
        // Instead of wrote(): the finish is what its owner waits for now, not progress. It may destroy us.
        const QPointer<PartWriter> alive(this);
        std::exchange(m_finished, {})(*finished);
        if (!alive)
            return;
    } else {
        emit wrote();
    }
    if (idle && !m_idleCallbacks.empty()) {
        // A callback may queue more (or destroy us via its owner): take the list first.
        std::vector<std::function<void()>> callbacks;
        callbacks.swap(m_idleCallbacks);
        for (auto &callback : callbacks)
            callback();
    }
}

} // namespace Quiver
