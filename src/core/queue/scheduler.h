#pragma once

#include "queue/capacity.h"
#include "queue/downloaditem.h"
#include "queue/pendingresumes.h"
#include "queue/retrypolicy.h"
#include "queue/retrytimers.h"
#include "queue/runningattempts.h"
#include "queue/waitingline.h"

#include <QObject>

#include <functional>

class QTimer;

namespace Quiver {

class QueueModel;
class Transfer;
class DownloadBackend;
struct TransferError;
struct TransferResult;
struct TransferStart;

// Turns the user's intent into running transfers: a global cap and a per-host cap, applied as a sliding
// window (a slot is refilled the moment a transfer ends), retries with backoff, pause, cancel. It is the
// only place that starts or stops transfers and the only caller of QueueModel::setState().
//
// Downloads on a remote engine (DownloadItem::engine) take none of this computer's slots: their
// connections are the daemon's, under aria2's own limits. Each engine has a cap of its own instead
// (setPerEngineLimit(), aria2's max-concurrent-downloads by default), so a row shown running is running
// there, not waiting in the daemon's own line, and the rest wait here in queue order.
//
// Every call that emits a signal (QueueModel::setState(), the scheduler's own signals) may run a handler
// that adds or removes rows, which moves the model's items in memory or drops the one at hand: after such a
// call an item is looked up again by id, never read through a pointer taken before.
class Scheduler final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Scheduler)

public:
    Scheduler(QueueModel *model, DownloadBackend *backend, QObject *parent = nullptr);
    ~Scheduler() override;

    void setLimits(int maxParallel, int perHost);
    int maxParallel() const { return m_capacity.maxParallel(); }
    int perHost() const { return m_capacity.perHost(); }
    void setPerEngineLimit(int perEngine);
    int perEngineLimit() const { return m_capacity.perEngine(); }
    void setRetrySettings(const RetrySettings &settings);
    // The attempts an item gets without progress before it fails: the first and its retries. What a
    // retrying row's "attempt 2 of 6" counts to.
    int attemptLimit() const { return m_retry.maxRetries + 1; }
    // Tests pass a fixed source so backoff delays are predictable.
    void setRandomSource(std::function<double()> random);
    // The most attempts one turn of the event loop launches: a remote engine's cap raised to thousands lets
    // Start All launch them all at once, which held the window up for 75 ms at 3,000 rows; the rest go in
    // the next turns.
    static constexpr int launchesPerTurn() { return 200; }

    // Paused -> Queued. A long list is worked through a part per event-loop turn (the first part at once,
    // which fills every free slot), so Start All on 100,000 rows never holds up the window; a pause or
    // cancel given meanwhile takes those ids out of what is left.
    void resume(const QList<DownloadId> &ids);
    void pause(const QList<DownloadId> &ids);
    void cancel(const QList<DownloadId> &ids);   // stops for good and deletes the .part
    void retry(const QList<DownloadId> &ids);    // Failed/Canceled -> Queued with a fresh attempt count
    void startAll();                             // resumes every paused item
    void pauseAll();
    // Gives an unfinished item a new link (an expired one replaced). Its folder, name and bytes on disk stay;
    // the next answer decides whether they are kept (see linkchange.h). A running item is stopped and
    // queued again, a failed one is queued with a fresh retry budget, a waiting one keeps waiting, and a
    // paused or canceled one stays so. False for a finished (or verifying) item or a link that is not
    // http(s) with a host.
    bool changeLink(DownloadId id, const QUrl &url);
    // Takes items off the list: stops them, and deletes their file (finished) or .part (unfinished) when
    // asked; then their names are free again. A verifying item is not stopped but left to land first
    // (its file is complete, and may be getting its final name at this moment): what is deleted is then
    // whichever file it ended as.
    void remove(const QList<DownloadId> &ids, bool deleteFiles);

    int activeCount() const { return int(m_running.size()); }
    // Connections the running attempts hold: one each, and the extra ones lent to segmented downloads.
    int connectionCount() const { return int(m_running.size()) + m_capacity.budget().extraTotal(); }
    int waitingCount() const { return m_waiting.size(); }
    bool isIdle() const;

signals:
    void idle();   // nothing running, waiting for a slot, or waiting to retry
    void itemFinished(Quiver::DownloadId id);
    void itemFailed(Quiver::DownloadId id);
    void itemNoted(Quiver::DownloadId id);   // the item's note changed (a new link kept or restarted it)
    void linkChanged(Quiver::DownloadId id, const QUrl &previous);
    // Files the user asked to delete (Remove, Cancel) could not be: one sentence each.
    void filesNotDeleted(const QStringList &problems);

private:
    void onItemsAppended(const QList<DownloadId> &ids);
    void onStateChanged(DownloadId id, DownloadState from, DownloadState to);
    void onItemsAboutToBeRemoved(const QList<DownloadId> &ids);
    void onTransferStarted(DownloadId id, const TransferStart &start);
    void onTransferFinished(DownloadId id, const TransferResult &result);
    void applyResult(DownloadId id, const RunningAttempts::Attempt &ended, const TransferResult &result);
    void enterNextState(DownloadId id, bool canceled, const TransferError &error);
    void finish(DownloadId id);
    void retryOrFail(DownloadId id, const TransferError &error);
    void requeueOrPause(DownloadId id);
    void fill();
    void launch(DownloadId id);
    bool isIn(DownloadId id, DownloadState state) const;
    void discardPart(DownloadId id);
    void release(const QList<DownloadItem> &items, bool deleteFiles);
    void landThenRelease(DownloadItem item, bool deleteFiles);
    void applyLink(DownloadId id, const QUrl &url);
    void setNote(DownloadId id, const QString &note);
    void checkIdle();
    void resumeOne(DownloadId id);

    QueueModel *m_model = nullptr;
    DownloadBackend *m_backend = nullptr;
    RetrySettings m_retry;
    std::function<double()> m_random;

    RunningAttempts m_running;
    WaitingLine m_waiting;
    Capacity m_capacity{m_waiting, m_running};   // after both: it keeps references to them
    RetryTimers m_retryTimers;
    PendingResumes m_resuming;
    bool m_filling = false;
    bool m_refill = false;
    bool m_fillPosted = false;   // a fill() stopped at launchesPerTurn() goes on in the next turn
    bool m_wasIdle = true;
};

} // namespace Quiver
