#pragma once

#include "disk/leftoverparts.h"
#include "http/httptransfer.h"
#include "queue/downloaditem.h"
#include "queue/retrypolicy.h"

#include <QObject>

#include <memory>

namespace Quiver {

namespace Aria2 {
class Backend;
struct Endpoint;
}

class ChecksumList;
class DownloadBackend;
class EngineRouter;
class HttpBackend;
class SmallFetch;
class NameRegistry;
class QueuedLinks;
class RateLimiter;
class QueueModel;
class Scheduler;
class SessionStore;
struct Link;

struct EngineSettings {
    int maxParallel = 8;
    int perHost = 6;
    // Downloads each remote engine runs at once; they take none of the two caps above (see Scheduler).
    // aria2's own default for max-concurrent-downloads: more would wait in the daemon's line while the
    // window showed them running.
    int perEngine = 5;
    qint64 rateLimit = 0;   // bytes per second for all downloads together; 0: no limit
    HttpSettings http;
    RetrySettings retry;
};

// The core put together: the queue model, the scheduler and the engines that run the downloads: this
// computer's HTTP engine and any number of remote aria2 daemons, each row on its own (DownloadItem::engine).
// The window and quiver-cli are thin fronts on this one object.
class DownloadEngine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DownloadEngine)

public:
    explicit DownloadEngine(QObject *parent = nullptr);
    // Links added without an engine go to this remote one (quiver-cli --remote): folders are then the
    // daemon's, taken as given, and nothing is looked for on this computer's disk.
    explicit DownloadEngine(std::unique_ptr<Aria2::Backend> defaultEngine, QObject *parent = nullptr);
    ~DownloadEngine() override;

    // The remote engines, by the names the user gave them. Setting one that exists replaces it: its running
    // rows are stopped and queued again on the new one (a changed address or token applies at once).
    // Removing one leaves its rows in the queue; their next attempt fails with a sentence until an engine
    // of that name is set again.
    void setRemoteEngine(std::unique_ptr<Aria2::Backend> backend);
    void removeRemoteEngine(const QString &name);
    QStringList remoteEngineNames() const;
    Aria2::Backend *remoteEngine(const QString &name) const;
    // The engine add() queues on: empty for this computer.
    QString defaultEngine() const { return m_defaultEngine; }

    QueueModel *model() const { return m_model.get(); }
    Scheduler *scheduler() const { return m_scheduler.get(); }
    // Which links are queued (or on their way): claim new links there before add().
    QueuedLinks *queuedLinks() const { return m_queuedLinks.get(); }
    NameRegistry *names() const;
    int networkManagerCount() const;
    // The rate limit every transfer reads through (set with applySettings() and setDownloadRateLimit()).
    RateLimiter *rateLimiter() const;

    // Applies to the running queue at once: caps refill the window, timeouts and retries apply to the
    // next attempt.
    void applySettings(const EngineSettings &settings);
    const EngineSettings &settings() const { return m_settings; }

    // Queues links into directory (a link's own dir= is taken relative to it). Names given with out=
    // are claimed now, so two links cannot ask for the same file. With Intent::Pause they wait for Start.
    // The links are taken as they are: pass them through queuedLinks()->claimNew() first to leave out
    // those already queued.
    QList<DownloadId> add(const QList<Link> &links, const QString &directory, Intent intent = Intent::Run);
    // The same on the named engine (empty: this computer); directory is then a folder on that machine.
    QList<DownloadId> addTo(const QString &engine, const QList<Link> &links, const QString &directory,
                            Intent intent = Intent::Run);

    // Limits each of these downloads to bytesPerSecond on top of the global limit (0: no limit of its own);
    // running ones slow down or speed up at once. Kept on the items, so the queue file keeps it.
    void setDownloadRateLimit(const QList<DownloadId> &ids, qint64 bytesPerSecond);

    // Gives each of these downloads its own number of connections (1 to maxSegments; 0: the global
    // setting, EngineSettings::http.segments). Kept on the items, so the queue file keeps it. A segmented
    // download that runs takes the new count at once without fetching again what it has. One running as
    // one stream that is asked for more is started again at once, its bytes on disk kept as the first
    // range (when a validator and at least two minimum pieces make segments possible at all).
    // A change of the global count reaches running segmented downloads that follow it, and the others at
    // their next attempt: restarting every running download for a new default would be out of proportion.
    void setDownloadSegments(const QList<DownloadId> &ids, int count);

    // Takes items off the list: stops them, and deletes their file (finished) or .part (unfinished)
    // when asked, off this thread. Their names become free again. See Scheduler::remove().
    void remove(const QList<DownloadId> &ids, bool deleteFiles);

    // The queue is kept in store: a name chosen for a download is recorded in its journal before the
    // .part is created (so a crash never leaves a .part that no queue entry owns).
    void keepNamesIn(SessionStore *store);

    // Leftovers: .part files of Quiver's in folders (and in the folders of the queue's items) that no item
    // owns and no link of this run will continue. lookForLeftovers() reads the folders off this thread and
    // tells with leftoversFound() when there are any; leftoversAmong() filters what findIn() found.
    void lookForLeftovers(const QStringList &folders);
    QList<LeftoverPart> leftoversAmong(const QList<LeftoverPart> &parts) const;
    // Queues each leftover's link to continue it under its own name in its folder.
    QList<DownloadId> continueLeftovers(const QList<LeftoverPart> &parts);
    // Deletes them (off this thread); filesNotDeleted() tells what could not go.
    void deleteLeftovers(const QList<LeftoverPart> &parts);
    QStringList queueFolders() const;

    // Puts back items from an earlier run with their names, validators and byte counts, so they
    // continue from their .part files (a remote row takes up its gid on its engine, or is added there again
    // continuing from its file when the daemon forgot it, at its next attempt). Items that were running go back to the queue; one that was
    // verifying and whose .part has already become its complete final file comes back Finished.
    // Queued items with Intent::Run start at once; paused, failed and finished ones stay as they are.
    // Their links count as queued.
    QList<DownloadId> restore(QList<DownloadItem> items);

    // Checksum lists (ChecksumList): every download that finishes from now on under a name a list has is
    // checked against it.
    void addChecksums(const ChecksumList &list);
    // Fetches a checksum list from a link over the engine's network code (the caller owns the fetch; its
    // finished() gives the bytes for ChecksumList::parse).
    SmallFetch *fetchChecksumList(const QUrl &url, QObject *parent);
    // Every list added so far, merged.
    const ChecksumList &checksums() const;
    // Keeps the checksum lists in store's file from now on (those added so far, and each one added
    // later), so downloads continued after a restart are still checked: give the lists load() found to
    // addChecksums() first.
    void keepChecksumsIn(SessionStore *store);

signals:
    // Files the user asked to delete (Remove with its files, Cancel) could not be: one sentence each.
    void filesNotDeleted(const QStringList &problems);
    void leftoversFound(const QList<Quiver::LeftoverPart> &parts);
    // addChecksums() added a list.
    void checksumsAdded();

private:
    // Running rows of engine: stopped and queued again, so their next attempt runs on its backend as set now.
    void restartRunningOn(const QString &engine);

    EngineSettings m_settings;
    QString m_defaultEngine;
    // Declaration order is destruction order in reverse: the scheduler (and its transfers) must go
    // before the network managers and names the transfers use.
    std::unique_ptr<HttpBackend> m_backend;
    std::unique_ptr<EngineRouter> m_engines;
    std::unique_ptr<QueueModel> m_model;
    std::unique_ptr<Scheduler> m_scheduler;
    std::unique_ptr<QueuedLinks> m_queuedLinks;
};

} // namespace Quiver
