#pragma once

#include "queue/downloaditem.h"
#include "queue/retrypolicy.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <functional>
#include <set>

class QTimer;

namespace Quiver {

class QueueModel;
class Transfer;
class TransferFactory;
struct TransferResult;

// Turns the user's intent into running transfers: a global cap and a per-host cap, applied as a sliding
// window (a slot is refilled the moment a transfer ends), retries with backoff, pause, cancel. It is the
// only place that starts or stops transfers and the only caller of QueueModel::setState().
class Scheduler final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Scheduler)

public:
    Scheduler(QueueModel *model, TransferFactory *factory, QObject *parent = nullptr);
    ~Scheduler() override;

    void setLimits(int maxParallel, int perHost);
    int maxParallel() const { return m_maxParallel; }
    int perHost() const { return m_perHost; }
    void setRetrySettings(const RetrySettings &settings);
    // The attempts an item gets without progress before it fails: the first and its retries. What a
    // retrying row's "attempt 2 of 6" counts to.
    int attemptLimit() const { return m_retry.maxRetries + 1; }
    // Tests pass a fixed source so backoff delays are predictable.
    void setRandomSource(std::function<double()> random);

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

    int activeCount() const { return int(m_active.size()); }
    int waitingCount() const;
    bool isIdle() const;

signals:
    void idle();   // nothing running, waiting for a slot, or waiting to retry
    void itemFinished(Quiver::DownloadId id);
    void itemFailed(Quiver::DownloadId id);
    void itemNoted(Quiver::DownloadId id);   // the item's note changed (a new link kept or restarted it)
    void linkChanged(Quiver::DownloadId id, const QUrl &previous);

private:
    void onItemsAppended(const QList<DownloadId> &ids);
    void onStateChanged(DownloadId id, DownloadState from, DownloadState to);
    void onItemsAboutToBeRemoved(const QList<DownloadId> &ids);
    void onTransferFinished(DownloadId id, const TransferResult &result);
    void fill();
    void launch(DownloadId id);
    void scheduleRetry(DownloadId id, std::chrono::milliseconds delay);
    void stopRetryTimer(DownloadId id);
    void discardPart(DownloadId id);
    void applyLink(DownloadId id, const QUrl &url);
    void setNote(DownloadId id, const QString &note);
    void eraseWaiting(DownloadId id, const QString &host);
    void checkIdle();
    void resumeSome();
    void dropPendingResumes(const QList<DownloadId> &ids);
    static QString hostOf(const QUrl &url);

    QueueModel *m_model = nullptr;
    TransferFactory *m_factory = nullptr;
    RetrySettings m_retry;
    std::function<double()> m_random;
    int m_maxParallel = 8;
    int m_perHost = 6;

    QHash<DownloadId, Transfer *> m_active;
    QHash<QString, int> m_activeByHost;
    // Waiting items per host, each in queue order (ids grow with the queue): picking the next item is
    // a look at each host's first entry, not a walk over the whole queue.
    QHash<QString, std::set<DownloadId>> m_waiting;
    QHash<DownloadId, QTimer *> m_retryTimers;
    QHash<DownloadId, qint64> m_bytesAtLaunch;   // to tell an attempt that made progress
    QSet<DownloadId> m_canceling;
    QHash<DownloadId, QUrl> m_pendingLinks;      // new links of running items, applied once they stopped
    QList<DownloadId> m_resuming;   // ids given to resume(), done up to m_resumeNext
    qsizetype m_resumeNext = 0;
    QTimer *m_resumeTimer = nullptr;
    bool m_filling = false;
    bool m_refill = false;
    bool m_wasIdle = true;
};

} // namespace Quiver
