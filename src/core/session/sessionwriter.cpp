#include "session/sessionwriter.h"

#include "session/sessionformat.h"
#include "util/foldersync.h"
#include "util/threadpriority.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMutexLocker>
#include <QThread>

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
    if (changes.order)
        m_pending.order = std::move(changes.order);
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
        if (!changes.items.isEmpty())
            pending.parts.append(std::move(changes.items));
        generation = ++m_lastGeneration;
    }
    takeIn(std::move(pending));
    while (moreItems) {
        QList<DownloadItem> part = moreItems();
        if (part.isEmpty())
            break;
        Pending more;
        more.parts.append(std::move(part));
        takeIn(std::move(more));
    }
    const Result result = writeFile();
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
        emit written(generation, result.ok, result.error);
    }
}

void SessionWriter::takeIn(Pending pending)
{
    for (const QList<DownloadItem> &part : std::as_const(pending.parts)) {
        for (const DownloadItem &item : part) {
            // Compact JSON escapes every newline, so each item is exactly one line: see
            // SessionFormat::parse()'s salvage of a damaged file.
            QByteArray line = QJsonDocument(SessionFormat::toJson(item)).toJson(QJsonDocument::Compact);
            // toJson() grows its buffer as it goes: without this a kept line holds twice its size, which
            // was a fifth of quiver-cli's memory with 100,000 items.
            line.squeeze();
            m_lines.insert(item.id, std::move(line));
        }
    }
    if (pending.checksums) {
        m_checksumLines.clear();
        for (const QJsonObject &entry : SessionFormat::checksumsToJson(*pending.checksums))
            m_checksumLines.append(QJsonDocument(entry).toJson(QJsonDocument::Compact));
    }
    if (!pending.order)
        return;
    m_order = std::move(*pending.order);
    // The lines of removed rows go as soon as there are more lines than rows. Not before an order
    // comes: prepared lines of new rows are not in the old order yet.
    if (m_lines.size() > m_order.size()) {
        QHash<DownloadId, QByteArray> kept;
        kept.reserve(m_order.size());
        for (DownloadId id : std::as_const(m_order)) {
            const auto line = m_lines.constFind(id);
            if (line != m_lines.cend())
                kept.insert(id, *line);
        }
        m_lines = std::move(kept);
    }
}

SessionWriter::Result SessionWriter::writeFile()
{
    auto failed = [this](const QString &reason) {
        // SessionStore's words, which the translations already carry.
        return Result{false, tr("Could not save the session to “%1”: %2.").arg(m_path, reason)};
    };
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return failed(file.errorString());
    // Links can carry tokens in their query strings: the file is the user's alone.
    ::fchmod(file.handle(), S_IRUSR | S_IWUSR);
    // The data must be on the disk before the rename makes it the session, or a power cut could leave
    // an empty file in its place.
    if (!writeLines(&file) || !file.flush() || ::fsync(file.handle()) != 0) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return failed(reason);
    }
    if (!file.commit())
        return failed(file.errorString());
    syncFolderOf(m_path);
    return {};
}

// The file is written a megabyte at a time rather than joined first: 100,000 rows make 30 MB.
bool SessionWriter::writeLines(QSaveFile *file)
{
    constexpr qsizetype chunkSize = 1 << 20;
    m_chunk.reserve(chunkSize);
    m_chunk.resize(0);
    auto put = [this, file](QByteArrayView bytes) {
        if (m_chunk.size() + bytes.size() > chunkSize && !m_chunk.isEmpty()) {
            if (file->write(m_chunk) != m_chunk.size())
                return false;
            m_chunk.resize(0);
        }
        m_chunk.append(bytes);
        return true;
    };
    bool ok = put(SessionFormat::header) && put("\n");
    bool first = true;
    for (qsizetype i = 0; ok && i < m_order.size(); ++i) {
        const auto line = m_lines.constFind(m_order.at(i));
        if (line == m_lines.cend())
            continue;   // cannot happen: a new row's item comes before the order that names it
        ok = (first || put(",\n")) && put(*line);
        first = false;
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
