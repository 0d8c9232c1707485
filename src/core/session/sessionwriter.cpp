#include "session/sessionwriter.h"

#include "session/sessionformat.h"
#include "util/foldersync.h"
#include "util/threadpriority.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMutexLocker>
#include <QSet>
#include <QThread>

#include <algorithm>
#include <utility>

#include <sys/stat.h>
#include <unistd.h>

namespace Quiver {

SessionWriter::SessionWriter(const QString &path, QObject *parent)
    : QObject(parent)
    , m_path(path)
{
    // One thread, so writes happen in the order they were asked for and run() is never doubled.
    m_pool.setMaxThreadCount(1);
}

SessionWriter::~SessionWriter()
{
    m_pool.waitForDone();
}

void SessionWriter::setBeforeWriteHook(std::function<void()> hook)
{
    const QMutexLocker lock(&m_mutex);
    m_beforeWrite = std::move(hook);
}

void SessionWriter::checkOwnersThread() const
{
    // The numbers write() hands out, and the latest-state-wins merge, follow the order of the calls: that
    // order exists only among calls from one thread.
    Q_ASSERT_X(QThread::currentThread() == thread(), "SessionWriter",
               "called from a thread other than the one it lives in");
}

quint64 SessionWriter::write(Changes changes)
{
    checkOwnersThread();
    const QMutexLocker lock(&m_mutex);
    enqueue(std::move(changes));
    m_pendingGeneration = ++m_lastGeneration;
    return m_lastGeneration;
}

void SessionWriter::prepare(QList<DownloadItem> items)
{
    checkOwnersThread();
    const QMutexLocker lock(&m_mutex);
    enqueue(Changes{std::nullopt, std::move(items), std::nullopt});
}

qsizetype SessionWriter::itemsNotTakenIn() const
{
    const QMutexLocker lock(&m_mutex);
    qsizetype count = 0;
    for (const QList<DownloadItem> &part : m_pending.parts)
        count += part.size();
    return count;
}

void SessionWriter::enqueue(Changes changes)
{
    if (changes.order) {
        m_pending.order = std::move(changes.order);
        m_pending.partsAfterOrder = false;
    } else if (m_pending.order && !changes.items.isEmpty()) {
        m_pending.partsAfterOrder = true;
    }
    if (changes.checksums)
        m_pending.checksums = std::move(changes.checksums);
    // Parts are taken in in the order they came, so a later copy of an item replaces an earlier one.
    if (!changes.items.isEmpty())
        m_pending.parts.append(std::move(changes.items));
    if (!m_running) {
        m_running = true;
        m_pool.start([this] { run(); });
    }
}

// The items writeNow() is handed a part at a time. SessionStore hands them over in the order's order, so
// each is serialized as the file reaches its row and goes into the file without being kept.
class SessionWriter::ItemStream
{
public:
    ItemStream(QList<DownloadItem> first, const std::function<QList<DownloadItem>()> &more)
        : m_part(std::move(first))
        , m_more(more)
    {
    }

    // The next item, when it is the one of this row; otherwise it waits for its row.
    const DownloadItem *take(DownloadId id)
    {
        fill();
        if (m_next >= m_part.size() || m_part.at(m_next).id != id)
            return nullptr;
        m_tookAny = true;
        return &m_part.at(m_next++);
    }

    // What was not taken (items out of the order's order, which SessionStore never hands over).
    QList<DownloadItem> rest()
    {
        QList<DownloadItem> items;
        for (fill(); m_next < m_part.size(); fill())
            items.append(m_part.at(m_next++));
        return items;
    }

    bool tookAny() const { return m_tookAny; }

private:
    void fill()
    {
        while (m_next >= m_part.size() && m_more) {
            m_part = m_more();
            m_next = 0;
            if (m_part.isEmpty())
                m_more = nullptr;
        }
    }

    QList<DownloadItem> m_part;
    qsizetype m_next = 0;
    std::function<QList<DownloadItem>()> m_more;
    bool m_tookAny = false;
};

quint64 SessionWriter::writeNow(Changes changes, const std::function<QList<DownloadItem>()> &moreItems)
{
    checkOwnersThread();
    Pending pending;
    quint64 generation = 0;
    {
        QMutexLocker lock(&m_mutex);
        // The lines and the file are the writing thread's until its run ends.
        while (m_running)
            m_finished.wait(&m_mutex);
        // Nothing else is pending: run() only ends when nothing is.
        m_running = true;   // keeps the pool out while this thread writes
        pending.order = std::move(changes.order);
        pending.checksums = std::move(changes.checksums);
        generation = ++m_lastGeneration;
    }
    takeIn(std::move(pending));
    ItemStream stream(std::move(changes.items), moreItems);
    const Result result = writeFile(&stream);
    const QMutexLocker lock(&m_mutex);
    m_finishedGeneration = generation;
    m_lastResult = result;
    m_running = false;
    m_finished.wakeAll();
    return generation;
}

SessionWriter::Result SessionWriter::waitFor(quint64 generation)
{
    QMutexLocker lock(&m_mutex);
    while (m_finishedGeneration < generation)
        m_finished.wait(&m_mutex);
    return m_lastResult;
}

void SessionWriter::run()
{
    // Serializing 100,000 rows takes a good part of a second; the window must not wait for a CPU meanwhile.
    lowerThisThreadsPriority();
    for (;;) {
        Pending pending;
        quint64 generation = 0;
        std::function<void()> beforeWrite;
        {
            const QMutexLocker lock(&m_mutex);
            if (m_pendingGeneration == 0 && m_pending.isEmpty()) {
                m_running = false;
                m_finished.wakeAll();   // writeNow() may be waiting for this
                return;
            }
            pending = std::exchange(m_pending, Pending());
            generation = std::exchange(m_pendingGeneration, 0);
            beforeWrite = m_beforeWrite;
        }
        const bool hadParts = !pending.parts.isEmpty();
        takeIn(std::move(pending));
        if (hadParts)
            emit partsTakenIn();
        if (generation == 0)
            continue;   // prepared lines only: the write() that completes them follows
        if (beforeWrite)
            beforeWrite();
        const Result result = writeFile();
        {
            const QMutexLocker lock(&m_mutex);
            m_finishedGeneration = generation;
            m_lastResult = result;
            m_finished.wakeAll();
        }
        emit written(generation, result.ok, result.error, result.resendEveryRow);
    }
}

void SessionWriter::takeIn(const DownloadItem &item)
{
    // Compact JSON escapes every newline, so each item is exactly one line: see
    // SessionFormat::parse()'s salvage of a damaged file.
    QByteArray line = QJsonDocument(SessionFormat::toJson(item)).toJson(QJsonDocument::Compact);
    // toJson() grows its buffer as it goes: without this a kept line holds twice its size.
    line.squeeze();
    m_lines.insert(item.id, std::move(line));
}

void SessionWriter::takeIn(Pending pending)
{
    for (const QList<DownloadItem> &part : std::as_const(pending.parts)) {
        for (const DownloadItem &item : part)
            takeIn(item);
    }
    if (pending.checksums) {
        m_checksumLines.clear();
        for (const QJsonObject &entry : SessionFormat::checksumsToJson(*pending.checksums))
            m_checksumLines.append(QJsonDocument(entry).toJson(QJsonDocument::Compact));
    }
    if (!pending.order)
        return;
    m_order = std::move(*pending.order);
    // The lines of removed rows go when an order comes. Not when parts came after it: prepared lines
    // of new rows are not in that order yet.
    if (pending.partsAfterOrder || m_lines.isEmpty())
        return;
    // Rows are only ever appended, with growing ids, so the order is sorted; should that change, a set.
    const bool sorted = std::is_sorted(m_order.cbegin(), m_order.cend());
    QSet<DownloadId> inOrder;
    if (!sorted)
        inOrder = QSet<DownloadId>(m_order.cbegin(), m_order.cend());
    for (auto it = m_lines.begin(); it != m_lines.end();) {
        const bool kept = sorted ? std::binary_search(m_order.cbegin(), m_order.cend(), it.key())
                                 : inOrder.contains(it.key());
        it = kept ? std::next(it) : m_lines.erase(it);
    }
}

SessionWriter::Result SessionWriter::writeFile(ItemStream *stream)
{
    auto failed = [this](const QString &reason) {
        // SessionStore's words, which the translations already carry.
        return Result{false, tr("Could not save the session to “%1”: %2.").arg(m_path, reason)};
    };
    QList<DownloadItem> rest;
    // Items that came out of order were written with their older lines: they go into the next file.
    auto takeInRest = [this, stream, &rest] {
        if (stream)
            rest = stream->rest();
        for (const DownloadItem &item : std::as_const(rest))
            takeIn(item);
    };
    // A streamed item's line went only into this file: if it fails, it is gone.
    auto failedWithStream = [&](const QString &reason) {
        takeInRest();
        Result result = failed(reason);
        result.resendEveryRow = stream && stream->tookAny();
        return result;
    };
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return failedWithStream(file.errorString());
    // Links can carry tokens in their query strings: the file is the user's alone.
    ::fchmod(file.handle(), S_IRUSR | S_IWUSR);
    QList<WrittenLines::Span> spans;
    QList<DownloadId> used;
    bool linesLost = false;
    const bool ok = writeLines(&file, stream, &spans, &used, &linesLost);
    if (linesLost) {
        file.cancelWriting();
        m_written.clear();
        Result result = failedWithStream(tr("another program changed the file while it was open; the whole queue is "
                                            "written again"));
        result.resendEveryRow = true;
        return result;
    }
    // The data must be on the disk before the rename makes it the session, or a power cut could leave
    // an empty file in its place.
    struct stat temporary {};
    if (!ok || !file.flush() || ::fsync(file.handle()) != 0 || ::fstat(file.handle(), &temporary) != 0) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return failedWithStream(reason);
    }
    if (!file.commit())
        return failedWithStream(file.errorString());
    syncFolderOf(m_path);
    // These lines are in the file now: from here on they are copied from it.
    for (DownloadId id : std::as_const(used))
        m_lines.remove(id);
    m_written.adopt(m_path, temporary, m_order, std::move(spans));
    takeInRest();
    return rest.isEmpty() ? Result{} : writeFile();
}

// The file is written a megabyte at a time rather than joined first: 100,000 rows make 30 MB.
bool SessionWriter::writeLines(QSaveFile *file, ItemStream *stream, QList<WrittenLines::Span> *spans,
                               QList<DownloadId> *used, bool *linesLost)
{
    constexpr qsizetype chunkSize = 1 << 20;
    m_chunk.reserve(chunkSize);
    m_chunk.resize(0);
    qint64 position = 0;   // in the file, of what put() takes next
    auto put = [this, file, &position](QByteArrayView bytes) {
        if (m_chunk.size() + bytes.size() > chunkSize && !m_chunk.isEmpty()) {
            if (file->write(m_chunk) != m_chunk.size())
                return false;
            m_chunk.resize(0);
        }
        m_chunk.append(bytes);
        position += bytes.size();
        return true;
    };
    m_written.checkIntact();
    spans->reserve(m_order.size());
    bool ok = put(SessionFormat::header) && put("\n");
    QByteArray streamed;
    for (qsizetype i = 0; ok && i < m_order.size(); ++i) {
        const DownloadId id = m_order.at(i);
        QByteArrayView line;
        if (const DownloadItem *item = stream ? stream->take(id) : nullptr) {
            streamed = QJsonDocument(SessionFormat::toJson(*item)).toJson(QJsonDocument::Compact);
            line = streamed;
            used->append(id);   // an older line of it, if any, is out of date now
        } else if (const auto kept = m_lines.constFind(id); kept != m_lines.cend()) {
            line = *kept;
            used->append(id);
        } else {
            line = m_written.line(i, id);
        }
        if (line.isEmpty()) {
            // Neither handed over nor in the last file as it was written.
            *linesLost = true;
            return false;
        }
        ok = (i == 0 || put(",\n"));
        spans->append(WrittenLines::Span{position, line.size()});
        ok = ok && put(line);
    }
    if (!m_checksumLines.isEmpty()) {
        ok = ok && put("\n") && put(SessionFormat::checksumsSection) && put("\n");
        for (qsizetype i = 0; ok && i < m_checksumLines.size(); ++i)
            ok = (i == 0 || put(",\n")) && put(m_checksumLines.at(i));
    }
    ok = ok && put("\n]}\n") && file->write(m_chunk) == m_chunk.size();
    m_chunk.resize(0);
    return ok;
}

} // namespace Quiver
