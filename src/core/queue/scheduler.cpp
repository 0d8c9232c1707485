#include "queue/scheduler.h"

#include "queue/downloadbackend.h"
#include "queue/linkchange.h"
#include "queue/queuemodel.h"
#include "queue/transfer.h"

#include <QRandomGenerator>
#include <QPointer>
#include <QTimer>

namespace Quiver {

Scheduler::Scheduler(QueueModel *model, DownloadBackend *backend, QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_backend(backend)
    , m_random([] { return QRandomGenerator::global()->generateDouble(); })
    , m_retryTimers(this)
    , m_resuming([this](DownloadId id) { resumeOne(id); }, [this] { fill(); })
{
    connect(m_model, &QueueModel::itemsAppended, this, &Scheduler::onItemsAppended);
    connect(m_model, &QueueModel::stateChanged, this, &Scheduler::onStateChanged);
    connect(m_model, &QueueModel::itemsAboutToBeRemoved, this, &Scheduler::onItemsAboutToBeRemoved);
}

Scheduler::~Scheduler()
{
    // Transfers go first, while the network objects they use still exist.
    for (Transfer *transfer : m_running.transfers()) {
        transfer->disconnect(this);
        delete transfer;
    }
    m_running.clear();
    m_capacity.budget().clear();
}

void Scheduler::setLimits(int maxParallel, int perHost)
{
    m_capacity.setLimits(maxParallel, perHost);
    fill();
}

void Scheduler::setPerEngineLimit(int perEngine)
{
    m_capacity.setPerEngineLimit(perEngine);
    fill();
}

void Scheduler::startAll()
{
    // Row by row rather than id by id: no lookup per item in a queue of 100,000.
    QList<DownloadId> paused;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const DownloadItem &item = m_model->at(row);
        if (item.intent == Intent::Pause)
            paused.append(item.id);
    }
    resume(paused);
}

void Scheduler::pauseAll()
{
    pause(m_model->ids());
}

void Scheduler::setRetrySettings(const RetrySettings &settings)
{
    m_retry = settings;
}

void Scheduler::setRandomSource(std::function<double()> random)
{
    m_random = std::move(random);
}

bool Scheduler::isIdle() const
{
    return m_running.isEmpty() && m_retryTimers.isEmpty() && m_waiting.isEmpty() && m_resuming.isEmpty();
}

bool Scheduler::isIn(DownloadId id, DownloadState state) const
{
    const DownloadItem *item = m_model->find(id);
    return item && item->state == state;
}

void Scheduler::onItemsAppended(const QList<DownloadId> &ids)
{
    for (DownloadId id : ids) {
        const DownloadItem *item = m_model->find(id);
        if (item && item->state == DownloadState::Queued && item->intent == Intent::Run)
            m_waiting.add(id, laneOf(*item));
    }
    fill();
}

void Scheduler::onStateChanged(DownloadId id, DownloadState from, DownloadState to)
{
    const DownloadItem *item = m_model->find(id);
    if (!item)
        return;
    if (from == DownloadState::Queued)
        m_waiting.remove(id);
    if (to == DownloadState::Queued && item->intent == Intent::Run)
        m_waiting.add(id, laneOf(*item));
}

void Scheduler::onItemsAboutToBeRemoved(const QList<DownloadId> &ids)
{
    // Nothing is kept for an id that is gone: a resume still under way would hold the queue "busy".
    m_resuming.drop(ids);
    for (DownloadId id : ids) {
        m_retryTimers.stop(id);
        m_waiting.remove(id);
        m_capacity.budget().drop(id);
        if (const auto running = m_running.take(id)) {
            running->transfer->disconnect(this);
            running->transfer->stop();
            running->transfer->deleteLater();
        }
    }
    QTimer::singleShot(0, this, &Scheduler::fill);
}

void Scheduler::fill()
{
    // A transfer may finish while we are starting others; loop instead of recursing.
    if (m_filling) {
        m_refill = true;
        return;
    }
    m_filling = true;
    int launched = 0;
    do {
        m_refill = false;
        while (launched < launchesPerTurn()) {
            const DownloadId next = m_capacity.nextToStart();
            if (next != 0) {
                launch(next);
                ++launched;
            } else if (!m_capacity.reclaimForWaiting()) {
                break;
            }
        }
        m_capacity.lendSpare();
    } while (m_refill && launched < launchesPerTurn());
    m_filling = false;
    if (launched >= launchesPerTurn() && !m_fillPosted) {
        m_fillPosted = true;
        QMetaObject::invokeMethod(this, [this] {
            m_fillPosted = false;
            fill();
        }, Qt::QueuedConnection);
    }
    checkIdle();
}

void Scheduler::launch(DownloadId id)
{
    // Out of the line whatever happens below, so fill() always moves on to the next.
    m_waiting.remove(id);
    const DownloadItem *item = m_model->find(id);
    if (!item)
        return;
    // A remote engine judges its own file: aria2 keeps its progress across a changed link and checks it.
    if (item->linkChanged() && item->engine.isEmpty()) {
        const QString why = LinkChange::whyNotComparable(*item);
        if (!why.isEmpty()) {
            // A range from the new link could prove nothing about the bytes on disk: fetch it from byte 0.
            m_model->update(id, [](DownloadItem &it) {
                it.etag.clear();
                it.lastModified.clear();
            });
            m_model->setProgress(id, 0, -1);
            setNote(id, why);
        }
    }
    m_model->update(id, [](DownloadItem &it) {
        ++it.attempts;
        ++it.attemptsWithoutProgress;
    });
    m_model->setState(id, DownloadState::Connecting);
    // A handler of the note or of the state change may have removed the row, or canceled it.
    const DownloadItem *connecting = m_model->find(id);
    if (!connecting || connecting->state != DownloadState::Connecting)
        return;
    RunningAttempts::Attempt attempt;
    attempt.lane = laneOf(*connecting);
    attempt.local = connecting->engine.isEmpty();
    attempt.bytesAtLaunch = connecting->bytesReceived;
    attempt.transfer = m_backend->create(*connecting, this);
    Transfer *transfer = attempt.transfer;
    m_running.add(id, std::move(attempt));

    connect(transfer, &Transfer::started, this, [this, id](const TransferStart &start) {
        onTransferStarted(id, start);
    });
    connect(transfer, &Transfer::progress, this, [this, id](qint64 onDisk, qint64 total) {
        m_model->setProgress(id, onDisk, total);
    });
    connect(transfer, &Transfer::recordChanged, this, [this, id](const QJsonObject &state) {
        m_model->update(id, [&state](DownloadItem &it) { it.backendState = state; });
    });
    connect(transfer, &Transfer::segmentsChanged, this, [this, id](const SegmentMap &map) {
        m_model->setSegmentMap(id, map);
    });
    connect(transfer, &Transfer::verifying, this, [this, id] {
        m_model->setState(id, DownloadState::Verifying);
    });
    connect(transfer, &Transfer::finished, this, [this, id](const TransferResult &result) {
        onTransferFinished(id, result);
    });
    connect(transfer, &Transfer::connectionsWantedChanged, this, &Scheduler::fill);
    connect(transfer, &Transfer::connectionsReturned, this, [this, id](int count) {
        m_capacity.budget().giveBack(id, count);
        fill();
    });
    transfer->start();
}

void Scheduler::onTransferStarted(DownloadId id, const TransferStart &start)
{
    const DownloadItem *item = m_model->find(id);
    if (!item)
        return;
    QString note = start.note;
    if (note.isEmpty() && item->linkChanged()) {
        // The transfer only continues a changed link's part once it proved the same file; a full body
        // from byte 0 gets the reason it was needed.
        note = start.offset > 0
            ? LinkChange::keptNote(start.offset)
            : LinkChange::whyStartOver(*item, LinkAnswer{false, start.bytesTotal, start.etag, start.lastModified});
    }
    m_model->update(id, [&start](DownloadItem &it) {
        it.fileName = start.fileName;
        it.etag = start.etag;
        it.lastModified = start.lastModified;
        it.partUrl = withoutUserInfo(it.url);   // the bytes on disk are this link's from now on
        if (!start.backendState.isEmpty())
            it.backendState = start.backendState;
    });
    if (!note.isEmpty())
        setNote(id, note);
    m_model->setProgress(id, start.offset, start.bytesTotal);
    m_model->setState(id, DownloadState::Downloading);
}

void Scheduler::onTransferFinished(DownloadId id, const TransferResult &result)
{
    const auto ended = m_running.take(id);
    if (!ended)
        return;
    m_capacity.budget().drop(id);
    ended->transfer->disconnect(this);
    ended->transfer->deleteLater();
    if (m_model->find(id)) {
        applyResult(id, *ended, result);
        enterNextState(id, ended->canceling, result.error);
    }
    fill();
}

// What the attempt leaves behind goes into the item: the link for the next attempt, the bytes on disk,
// the validators and the retry budget.
void Scheduler::applyResult(DownloadId id, const RunningAttempts::Attempt &ended, const TransferResult &result)
{
    const TransferError &error = result.error;
    // A finished file keeps the link it came from; otherwise the next attempt uses the new one.
    if (ended.pendingLink) {
        if (error.isError())
            applyLink(id, *ended.pendingLink);
        else
            setNote(id, tr("The download finished from its old link before the new link could be used. The "
                           "file is complete; the new link was not needed."));
    }

    // An attempt that moved the file forward starts a new count: a server that drops the connection
    // every few megabytes still gets the file done, while one that makes no progress runs out of retries.
    const bool progressed = !error.restartFromZero && result.bytesOnDisk > ended.bytesAtLaunch;
    m_model->update(id, [&result, progressed](DownloadItem &it) {
        if (progressed)
            it.attemptsWithoutProgress = 1;
        if (!result.fileName.isEmpty())
            it.fileName = result.fileName;
        it.etag = result.etag;
        it.lastModified = result.lastModified;
        if (result.error.restartFromZero) {
            it.etag.clear();
            it.lastModified.clear();
        }
        if (!result.backendState.isEmpty())
            it.backendState = result.backendState;
    });
    if (!result.note.isEmpty())
        setNote(id, result.note);
    if (error.restartFromZero)
        m_model->setProgress(id, 0, -1);
    else if (const DownloadItem *item = m_model->find(id))
        m_model->setProgress(id, result.bytesOnDisk, result.bytesTotal >= 0 ? result.bytesTotal : item->bytesTotal);
}

void Scheduler::enterNextState(DownloadId id, bool canceled, const TransferError &error)
{
    const DownloadItem *item = m_model->find(id);
    if (!item)
        return;   // a handler of the new link or the note removed the row
    const Intent intent = item->intent;
    const bool verifying = item->state == DownloadState::Verifying;
    if (!error.isError()) {
        finish(id);
    } else if (canceled) {
        // The user's cancel wins over whatever error the attempt ended with.
        m_model->setState(id, DownloadState::Canceled);
        discardPart(id);
    } else if (error.kind == ErrorKind::OtherFile || error.kind == ErrorKind::PartFound) {
        // Not a failure: the new link serves another file, fetched from byte 0, or a .part of this link
        // was found and is continued; either at once, without using up a retry.
        m_model->update(id, [](DownloadItem &it) { it.attemptsWithoutProgress = qMax(0, it.attemptsWithoutProgress - 1); });
        setNote(id, error.message);
        requeueOrPause(id);
    } else if (verifying) {
        // The file was complete but could not be checked or given its name: a real failure, whatever
        // the user asked meanwhile (a verifying row can be neither paused nor queued again).
        retryOrFail(id, error);
    } else if (error.kind == ErrorKind::Canceled || intent == Intent::Pause) {
        requeueOrPause(id);
    } else {
        retryOrFail(id, error);
    }
}

void Scheduler::finish(DownloadId id)
{
    if (!isIn(id, DownloadState::Verifying))
        m_model->setState(id, DownloadState::Verifying);
    m_model->update(id, [](DownloadItem &it) {
        it.lastError.clear();
        it.lastErrorKind = ErrorKind::None;
        it.attemptsWithoutProgress = 0;
    });
    // Only for a row that got there: a handler of Verifying may have removed it.
    if (m_model->setState(id, DownloadState::Finished))
        emit itemFinished(id);
}

// Stopped on purpose (a pause, a new link) or to start over: back in line, or paused if the user asked
// for that meanwhile.
void Scheduler::requeueOrPause(DownloadId id)
{
    if (const DownloadItem *item = m_model->find(id))
        m_model->setState(id, item->intent == Intent::Pause ? DownloadState::Paused : DownloadState::Queued);
}

void Scheduler::retryOrFail(DownloadId id, const TransferError &error)
{
    const DownloadItem *item = m_model->find(id);
    if (!item)
        return;
    // A backend that retries by itself has given up already when it reports a failure: retrying on top
    // would multiply its attempts.
    const bool backendRetried = m_backend->capabilities(*item).testFlag(DownloadBackend::Capability::RetriesItself);
    const RetryDecision decision = backendRetried ? RetryDecision{}
                                                  : decideRetry(error, item->attemptsWithoutProgress, m_retry, m_random());
    const bool retry = decision.retry && item->intent == Intent::Run;
    QString message = error.message;
    if (!decision.giveUpReason.isEmpty())
        message += QLatin1Char(' ') + decision.giveUpReason;
    m_model->update(id, [&message, &error](DownloadItem &it) {
        it.lastError = message;
        it.lastErrorKind = error.kind;
    });
    if (retry) {
        m_model->update(id, [&decision](DownloadItem &it) {
            it.nextRetryAt = QDateTime::currentDateTimeUtc().addMSecs(decision.delay.count());
        });
        m_model->setState(id, DownloadState::Retrying);
        // No timer for a row a handler of the state change removed (or paused): it would keep the queue
        // from going idle.
        if (!isIn(id, DownloadState::Retrying))
            return;
        m_retryTimers.start(id, decision.delay, [this, id] {
            if (isIn(id, DownloadState::Retrying))
                m_model->setState(id, DownloadState::Queued);
            fill();
        });
    } else if (m_model->setState(id, DownloadState::Failed)) {
        emit itemFailed(id);
    }
}

void Scheduler::resume(const QList<DownloadId> &ids)
{
    m_resuming.resume(ids);
}

void Scheduler::resumeOne(DownloadId id)
{
    const DownloadItem *item = m_model->find(id);
    if (!item)
        return;   // removed meanwhile
    const DownloadState state = item->state;
    m_model->setIntent(id, Intent::Run);
    if (state == DownloadState::Paused)
        m_model->setState(id, DownloadState::Queued);
}

void Scheduler::pause(const QList<DownloadId> &ids)
{
    m_resuming.drop(ids);
    // Intent first for all of them, so stopping one cannot hand its slot to another being paused.
    QList<DownloadId> toStop;
    for (DownloadId id : ids) {
        const DownloadItem *item = m_model->find(id);
        // A verify is not stopped: every byte is in, and it ends in a moment, finished or failed.
        if (!item || isTerminal(item->state) || item->state == DownloadState::Verifying)
            continue;
        const DownloadState state = item->state;
        m_model->setIntent(id, Intent::Pause);
        if (state == DownloadState::Queued || state == DownloadState::Retrying) {
            m_retryTimers.stop(id);
            m_model->setState(id, DownloadState::Paused);
        } else if (m_running.transferOf(id)) {
            toStop.append(id);
        }
    }
    // By id: an attempt may end at once when stopped, and what that sets off may end or remove others.
    for (DownloadId id : std::as_const(toStop)) {
        if (Transfer *transfer = m_running.transferOf(id))
            transfer->stop();   // finishes with Canceled; the handler turns that into Paused
    }
    fill();
}

void Scheduler::cancel(const QList<DownloadId> &ids)
{
    m_resuming.drop(ids);
    for (DownloadId id : ids) {
        const DownloadItem *item = m_model->find(id);
        if (!item || item->state == DownloadState::Finished || item->state == DownloadState::Canceled)
            continue;
        if (Transfer *transfer = m_running.transferOf(id)) {
            m_running.markCanceling(id);
            // A verify is not stopped: the file is complete, and if it lands it is Finished (a finished file
            // wins over the cancel). Marked all the same, so a verify that fails ends Canceled with its
            // .part deleted, as the user asked, not Failed asking for a Retry the user already refused.
            if (item->state != DownloadState::Verifying)
                transfer->stop();
            continue;
        }
        m_retryTimers.stop(id);
        m_model->setState(id, DownloadState::Canceled);
        discardPart(id);
    }
    fill();
}

void Scheduler::retry(const QList<DownloadId> &ids)
{
    for (DownloadId id : ids) {
        const DownloadItem *item = m_model->find(id);
        if (!item || (item->state != DownloadState::Failed && item->state != DownloadState::Canceled))
            continue;
        m_model->update(id, [](DownloadItem &it) {
            it.attempts = 0;
            it.attemptsWithoutProgress = 0;
            it.lastError.clear();
            it.lastErrorKind = ErrorKind::None;
            it.intent = Intent::Run;
        });
        m_model->setState(id, DownloadState::Queued);
    }
    fill();
}

bool Scheduler::changeLink(DownloadId id, const QUrl &url)
{
    const DownloadItem *item = m_model->find(id);
    const QString scheme = url.scheme().toLower();
    if (!item || !url.isValid() || url.host().isEmpty()
        || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
        return false;
    if (item->state == DownloadState::Finished || item->state == DownloadState::Verifying)
        return false;
    if (Transfer *transfer = m_running.transferOf(id)) {
        // The link changes once the attempt has stopped and saved its bytes: an answer still arriving from
        // the old link must not be taken for the new one's.
        m_running.setPendingLink(id, url);
        transfer->stop();
        return true;
    }
    // Out of line while the link changes, so nothing can launch the item half changed.
    const bool waiting = m_waiting.contains(id);
    m_waiting.remove(id);
    applyLink(id, url);
    const DownloadItem *changed = m_model->find(id);
    if (!changed)
        return true;   // a handler of linkChanged removed the row
    if (waiting && changed->state == DownloadState::Queued && changed->intent == Intent::Run)
        m_waiting.add(id, laneOf(*changed));
    switch (changed->state) {
    case DownloadState::Retrying:
        m_retryTimers.stop(id);
        m_model->setState(id, DownloadState::Queued);
        break;
    case DownloadState::Failed:
        retry({id});   // a new link for a dead one is the user asking to try again
        return true;
    default:
        break;         // waiting keeps its place; paused and canceled stay as the user left them
    }
    fill();
    return true;
}

void Scheduler::applyLink(DownloadId id, const QUrl &url)
{
    const DownloadItem *item = m_model->find(id);
    if (!item)
        return;
    const QUrl previous = item->url;
    m_model->update(id, [&url](DownloadItem &it) {
        // Remember where the bytes on disk came from (a queue saved before partUrl existed has none yet).
        if (it.partUrl.isEmpty() && it.bytesReceived > 0)
            it.partUrl = withoutUserInfo(it.url);
        it.url = url;
        it.lastError.clear();   // about the old link
        it.lastErrorKind = ErrorKind::None;
        it.note.clear();
        it.attemptsWithoutProgress = 0;
    });
    emit linkChanged(id, previous);
}

void Scheduler::setNote(DownloadId id, const QString &note)
{
    m_model->update(id, [&note](DownloadItem &it) { it.note = note; });
    emit itemNoted(id);
}

void Scheduler::discardPart(DownloadId id)
{
    const DownloadItem *item = m_model->find(id);
    if (!item)
        return;
    // Even without a file name: a remote engine may hold the download already (the name comes with the
    // first progress), and the backend judges what there is to discard.
    m_backend->discardPart(*item, [self = QPointer(this)](const QStringList &problems) {
        if (self && !problems.isEmpty())
            emit self->filesNotDeleted(problems);
    });
    m_model->setProgress(id, 0, item->bytesTotal);
}

void Scheduler::remove(const QList<DownloadId> &ids, bool deleteFiles)
{
    QList<DownloadItem> leaving;
    for (DownloadId id : ids) {
        const DownloadItem *item = m_model->find(id);
        if (!item)
            continue;
        if (item->state == DownloadState::Verifying && m_running.transferOf(id))
            landThenRelease(*item, deleteFiles);
        else
            leaving.append(*item);
    }
    // Rows next: that stops their transfers, so nothing writes to a file after it is deleted.
    m_model->remove(ids);
    release(leaving, deleteFiles);
}

// Deleting the .part of a verifying item at once would race its rename: the "deleted" file could land
// under its final name a moment later, with its name already given away. The attempt ends first, out
// of the queue's sight, and what it ended as is deleted.
void Scheduler::landThenRelease(DownloadItem item, bool deleteFiles)
{
    const auto attempt = m_running.take(item.id);
    m_capacity.budget().drop(item.id);
    Transfer *transfer = attempt->transfer;
    transfer->disconnect(this);
    connect(transfer, &Transfer::finished, this, [this, transfer, item, deleteFiles](const TransferResult &result) mutable {
        transfer->disconnect(this);
        transfer->deleteLater();
        if (!result.fileName.isEmpty())
            item.fileName = result.fileName;
        item.state = result.error.isError() ? DownloadState::Failed : DownloadState::Finished;
        release({item}, deleteFiles);
    });
}

void Scheduler::release(const QList<DownloadItem> &items, bool deleteFiles)
{
    if (items.isEmpty())
        return;
    m_backend->release(items, deleteFiles, [self = QPointer(this)](const QStringList &problems) {
        if (self && !problems.isEmpty())
            emit self->filesNotDeleted(problems);
    });
}

void Scheduler::checkIdle()
{
    const bool idleNow = isIdle();
    if (idleNow && !m_wasIdle) {
        m_wasIdle = true;
        emit idle();
    } else if (!idleNow) {
        m_wasIdle = false;
    }
}

} // namespace Quiver
