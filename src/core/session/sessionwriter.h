#pragma once

#include "links/checksumlist.h"
#include "queue/downloaditem.h"
#include "session/writtenlines.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QSaveFile>
#include <QString>
#include <QThreadPool>
#include <QWaitCondition>

#include <functional>
#include <optional>

namespace Quiver {

// Writes the session file of SessionStore on a thread of its own, so that saving a queue of 100,000
// rows costs the owner's thread (the GUI thread) only a copy of the rows that changed.
//
// It serializes only the items it is given again; the order of the items comes only when rows came or
// went. The line of an item that did not change since the last file is copied from that file
// (WrittenLines); only the lines of items changed since are kept in memory. One write is in flight at a
// time: what arrives meanwhile is merged into the next write, so the latest state wins and no change is
// lost, not even one whose write failed (its line stays for the next write). Each write goes through
// QSaveFile plus fsync, so a crash leaves the old file or the new one, never a mix.
class SessionWriter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionWriter)

public:
    struct Changes {
        std::optional<QList<DownloadId>> order;   // every id in row order; only when rows came or went
        QList<DownloadItem> items;                // items whose lines must be serialized again
        std::optional<ChecksumList> checksums;    // the checksum lists, when they changed
    };

    struct Result {
        bool ok = true;
        QString error;   // a translated sentence when !ok
        // Lines were lost with this write (items serialized straight into a file that failed, or a last
        // file another program changed): the owner must hand over every row again.
        bool resendEveryRow = false;
    };

    // write(), writeNow() and prepare() are called from the thread the writer lives in (asserted).
    explicit SessionWriter(const QString &path, QObject *parent = nullptr);
    // Waits for the write in flight: a queue handed over must reach the disk.
    ~SessionWriter() override;

    // Queues a write of the whole file with these changes taken in and returns its number; write
    // numbers grow by one per call. Returns at once.
    quint64 write(Changes changes);

    // The same, but written on the calling thread (after the write in flight, if any), and returns once
    // the file is on the disk: for saves that must be done before the program goes on, such as the
    // last one before it quits. waitFor() then tells how it went.
    // moreItems, when given, is called on the calling thread until it returns none, and each part is
    // serialized as it comes, straight into the file when its items come in the order's order (as
    // SessionStore hands them): a save of 100,000 changed rows then holds neither a copy of all of them
    // nor all their lines.
    quint64 writeNow(Changes changes, const std::function<QList<DownloadItem>()> &moreItems = {});

    // Hands over items ahead of a write() and returns at once: their lines are serialized, but nothing
    // is written until the next write(). A save of 100,000 changed rows comes in parts this way, so
    // that no single turn of the owner's event loop has to copy them all.
    void prepare(QList<DownloadItem> items);

    // How many prepared items the writing thread has not taken in yet. An owner handing over a big save
    // waits for partsTakenIn() before it copies more: copies made faster than they are serialized pile up
    // (25 MB for 100,000 rows).
    qsizetype itemsNotTakenIn() const;

    // Blocks until the write numbered generation (or a later one that took it in) is done, and says
    // how it went.
    Result waitFor(quint64 generation);

    // Runs on the writing thread just before each file is written: tests hold a write in flight with it.
    void setBeforeWriteHook(std::function<void()> hook);

signals:
    // After each write, from the writing thread (so queued to receivers in the owner's thread).
    // generation is the number of the last write() the file took in.
    void written(quint64 generation, bool ok, const QString &error, bool resendEveryRow);
    // The writing thread took in prepared items (queued to receivers in the owner's thread).
    void partsTakenIn();

private:
    // What waits for the writing thread. Items stay in the lists they came in: appending 4,096 rows at
    // a time to one growing list would copy every row already waiting, on the owner's thread.
    struct Pending {
        std::optional<QList<DownloadId>> order;
        QList<QList<DownloadItem>> parts;
        std::optional<ChecksumList> checksums;
        // Parts were prepared after the order came: they may hold new rows that the order does not name
        // yet, so the order must not be taken as the list of rows whose lines are worth keeping.
        bool partsAfterOrder = false;
        bool isEmpty() const { return !order && parts.isEmpty() && !checksums; }
    };
    class ItemStream;

    void checkOwnersThread() const;
    void enqueue(Changes changes);   // with m_mutex held
    void run();
    void takeIn(Pending pending);
    void takeIn(const DownloadItem &item);
    Result writeFile(ItemStream *stream = nullptr);
    bool writeLines(QSaveFile *file, ItemStream *stream, QList<WrittenLines::Span> *spans, QList<DownloadId> *used,
                    bool *linesLost);

    const QString m_path;
    QThreadPool m_pool;

    // Shared between the owner's thread and the writing thread.
    mutable QMutex m_mutex;
    QWaitCondition m_finished;
    Pending m_pending;
    quint64 m_pendingGeneration = 0;    // the write asked for; 0 while none is (prepare() only)
    quint64 m_lastGeneration = 0;       // the last number write() handed out
    quint64 m_finishedGeneration = 0;
    Result m_lastResult;
    bool m_running = false;             // a run() is on the pool or about to be
    std::function<void()> m_beforeWrite;

    // The writing thread's alone: run() never runs twice at once.
    QHash<DownloadId, QByteArray> m_lines;   // items handed over since the last file was written
    QList<DownloadId> m_order;
    WrittenLines m_written;                  // the last file written, for the lines of the other items
    QList<QByteArray> m_checksumLines;   // one per checksum entry, after the items
    QByteArray m_chunk;   // what goes to the file next; kept, so a write does not fault in fresh memory
};

} // namespace Quiver
