#pragma once

#include "links/checksumlist.h"
#include "queue/downloaditem.h"
#include "session/namejournal.h"
#include "session/sessionwriter.h"

#include <QFuture>
#include <QHash>
#include <QList>
#include <QModelIndex>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <chrono>
#include <functional>
#include <limits>
#include <optional>
#include <vector>

namespace Quiver {

class QueueModel;

// What SessionStore::load() found.
struct SessionLoadResult {
    QList<DownloadItem> items;   // valid items, in queue order, ready for DownloadEngine::restore()
    ChecksumList checksums;      // the checksum lists kept with them, for DownloadEngine::addChecksums()
    QStringList problems;        // translated sentences, one per skipped item or damaged file
    QString quarantinedPath;     // where a damaged file was moved; empty when it was fine
    bool unreadable = false;     // the file exists but could not be opened: nothing was loaded, and
                                 // saving would overwrite what could not be read
};

// Keeps a QueueModel in a file so a later run continues it (quiver-cli --session, the window's queue).
//
// What the file holds, and what is refused when it is read, is SessionFormat's. Writes go through
// QSaveFile plus fsync, so a crash leaves either the old file or the new one, never a mix. They are
// coalesced: a state change, an append or a removal schedules a save within saveDelay; progress alone
// within progressSaveDelay, so a hundred progress ticks cost one write.
//
// Timed saves run on SessionWriter's thread: this thread only copies the rows that changed since the
// last save (the model's dataChanged, rowsInserted and rowsRemoved say which), so a queue of 100,000
// rows with a few running downloads costs it well under a millisecond a save. saveNow() waits for the
// file, for callers that are about to quit.
class SessionStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionStore)

public:
    // Starts watching model for changes at once; nothing is read or written until load() or a change.
    SessionStore(QueueModel *model, const QString &path, QObject *parent = nullptr);
    ~SessionStore() override;

    QString path() const { return m_path; }

    // Reads the file, and the names its journal recorded after it was last written: an item gets the name
    // recorded for it, and a link recorded but not in the file (added and started just before the end
    // of the run) comes back as a queued item. A missing file is an empty session without problems. Items that fail validation
    // are skipped with a problem each. A file that cannot be parsed (or has an unknown version) is
    // renamed to PATH.corrupt-YYYYMMDD-hhmmss, keeping whatever complete item lines could be salvaged.
    // Loading does not touch the model: pass the items to DownloadEngine::restore().
    SessionLoadResult load();

    // Makes a name chosen for a link durable before its .part is created (the journal beside the file,
    // PATH.journal); load() applies it. See NameJournal.
    QFuture<void> recordName(const QUrl &link, const QString &directory, const QString &fileName);

    // The checksum lists to keep with the queue (all of them, merged: see DownloadEngine::checksums()),
    // saved soon like a change of the queue.
    void setChecksums(const ChecksumList &checksums);

    // Writes now if anything changed since the last write (or always, with force), and returns once
    // the file is on the disk, also when a timed save was still being written.
    bool saveNow(bool force = false);
    // True while some change is not known to be on the disk: not yet written, being written, or its
    // write failed.
    bool isDirty() const { return m_dirty || m_reported < m_submitted || m_lastWriteFailed; }
    int saveCount() const { return m_saveCount; }
    QString lastError() const { return m_lastError; }

    // Tests shorten these; the defaults keep a busy queue at one write every few seconds.
    void setDelays(std::chrono::milliseconds saveDelay, std::chrono::milliseconds progressSaveDelay);
    // Runs on the writing thread just before each write: tests hold a timed save in flight with it.
    void setBeforeWriteHook(std::function<void()> hook);
    // Rows handed to the writer that it has not serialized yet (bounded while a big save goes over).
    qsizetype rowsNotTakenIn() const { return m_writer.itemsNotTakenIn(); }

signals:
    void saved();
    void saveFailed(const QString &message);

private:
    void scheduleSave(std::chrono::milliseconds delay);
    void onStructureChanged();
    void onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight);
    void onRowsInserted(int first, int last);
    void onRowsRemoved(int first, int last);
    void onEverythingChanged();
    void onItemsAboutToBeRemoved(const QList<DownloadId> &ids);
    void onModelReset();
    void markEveryRowChanged();
    void saveInBackground();
    void continueHandOver();
    QList<DownloadItem> takeChangedItems(qsizetype limit);
    // The order if rows came or went, and up to itemLimit changed rows (the rest stay marked).
    SessionWriter::Changes takeChanges(qsizetype itemLimit = std::numeric_limits<qsizetype>::max());
    void report(quint64 generation, const SessionWriter::Result &result);
    bool failed(const QString &message);
    QString quarantine(QStringList *problems);
    void applyJournal(QList<DownloadItem> *items) const;

    QueueModel *m_model = nullptr;
    QString m_path;
    QTimer m_timer;
    std::chrono::milliseconds m_saveDelay{1000};
    std::chrono::milliseconds m_progressSaveDelay{3000};
    QString m_lastError;
    int m_saveCount = 0;
    bool m_dirty = false;
    bool m_blocked = false;   // the file exists but was unreadable: never overwrite it
    std::optional<ChecksumList> m_checksumsToWrite;   // set since the last hand-over to the writer

    // Parallel to the model's rows: 1 where the row changed since its item was last handed to the
    // writer. Rows start out changed, so the first save writes them all.
    std::vector<char> m_rowChanged;
    bool m_orderChanged = true;      // rows came or went since the last hand-over
    std::vector<int> m_rowsGoing;    // rows announced as about to be removed, sorted
    quint64 m_submitted = 0;         // the number of the last write handed to the writer
    quint64 m_reported = 0;          // the number of the last write whose outcome was reported
    bool m_lastWriteFailed = false;  // the last reported write failed, so its changes are not on disk
    bool m_handOverQueued = false;   // a big save is being handed over, a part per turn
    bool m_waitingForWriter = false; // ... and waits for the writer to take in what it has
    NameJournal m_journal;
    quint64 m_handOverTicket = 0;    // the journal's last entry when the save being handed over began
    QHash<quint64, quint64> m_journalTicketOf;   // write number -> the journal entries it covers
    SessionWriter m_writer;          // last: destroyed first, waiting for the write in flight
};

} // namespace Quiver
