#include "queue/scheduler.h"

#include "queue/linkchange.h"
#include "queue/queuemodel.h"
#include "queue/transfer.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTimer>

namespace Quiver {

namespace {
// Ids mostly arrive in queue order (Start All, a pasted list), i.e. after every id already waiting:
// hinting the end makes each such insert constant time instead of a walk down the tree.
void insertWaiting(std::set<DownloadId> &ids, DownloadId id)
{
    ids.insert(ids.end(), id);
}
} // namespace

Scheduler::Scheduler(QueueModel *model, TransferFactory *factory, QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_factory(factory)
    , m_random([] { return QRandomGenerator::global()->generateDouble(); })
    , m_resumeTimer(new QTimer(this))
{
    m_resumeTimer->setSingleShot(true);
    m_resumeTimer->setInterval(0);
    connect(m_resumeTimer, &QTimer::timeout, this, &Scheduler::resumeSome);
    connect(m_model, &QueueModel::itemsAppended, this, &Scheduler::onItemsAppended);
    connect(m_model, &QueueModel::stateChanged, this, &Scheduler::onStateChanged);
    connect(m_model, &QueueModel::itemsAboutToBeRemoved, this, &Scheduler::onItemsAboutToBeRemoved);
}

Scheduler::~Scheduler()
{
    // Transfers go first, while the network objects they use still exist.
    for (Transfer *transfer : std::as_const(m_active)) {
        transfer->disconnect(this);
        delete transfer;
    }
    m_active.clear();
}

void Scheduler::setLimits(int maxParallel, int perHost)
{
    m_maxParallel = qMax(1, maxParallel);
    m_perHost = qMax(1, perHost);
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

QString Scheduler::hostOf(const QUrl &url)
{
    return url.host().toLower();
}

int Scheduler::waitingCount() const
{
    int count = 0;
    for (const auto &ids : m_waiting)
        count += int(ids.size());
    return count;
}

bool Scheduler::isIdle() const
{
    return m_active.isEmpty() && m_retryTimers.isEmpty() && waitingCount() == 0 && m_resuming.isEmpty();
}

void Scheduler::onItemsAppended(const QList<DownloadId> &ids)
{
    for (DownloadId id : ids) {
        const DownloadItem *item = m_model->find(id);
        if (item && item->state == DownloadState::Queued && item->intent == Intent::Run)
            insertWaiting(m_waiting[hostOf(item->url)], id);
    }
    fill();
}

void Scheduler::onStateChanged(DownloadId id, DownloadState from, DownloadState to)
{
    const DownloadItem *item = m_model->find(id);
    if (!item)
        return;
    if (from == DownloadState::Queued)
        eraseWaiting(id, hostOf(item->url));
    if (to == DownloadState::Queued && item->intent == Intent::Run)
        insertWaiting(m_waiting[hostOf(item->url)], id);
}

void Scheduler::eraseWaiting(DownloadId id, const QString &host)
{
    auto it = m_waiting.find(host);
    if (it != m_waiting.end()) {
        it->erase(id);
        if (it->empty())
            m_waiting.erase(it);
    }
}

void Scheduler::onItemsAboutToBeRemoved(const QList<DownloadId> &ids)
{
    for (DownloadId id : ids) {
        stopRetryTimer(id);
        m_pendingLinks.remove(id);
        if (Transfer *transfer = m_active.take(id)) {
            const DownloadItem *item = m_model->find(id);
            if (item)
                --m_activeByHost[hostOf(item->url)];
            transfer->disconnect(this);
            transfer->stop();
            transfer->deleteLater();
        }
        if (const DownloadItem *item = m_model->find(id)) {
            auto it = m_waiting.find(hostOf(item->url));
            if (it != m_waiting.end())
                it->erase(id);
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
    do {
        m_refill = false;
        while (m_active.size() < m_maxParallel) {
            DownloadId best = 0;
            for (auto it = m_waiting.cbegin(); it != m_waiting.cend(); ++it) {
                if (it->empty() || m_activeByHost.value(it.key()) >= m_perHost)
                    continue;
                const DownloadId candidate = *it->begin();
                if (best == 0 || candidate < best)
                    best = candidate;
            }
            if (best == 0)
                break;
            launch(best);
        }
    } while (m_refill);
    m_filling = false;
    checkIdle();
}

void Scheduler::launch(DownloadId id)
{
    const DownloadItem *item = m_model->find(id);
    Q_ASSERT(item);
    if (item->linkChanged()) {
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
    const QString host = hostOf(item->url);
    m_model->update(id, [](DownloadItem &it) {
        ++it.attempts;
        ++it.attemptsWithoutProgress;
    });
    m_model->setState(id, DownloadState::Connecting);

    Transfer *transfer = m_factory->create(*m_model->find(id), this);
    m_active.insert(id, transfer);
    m_bytesAtLaunch.insert(id, m_model->find(id)->bytesReceived);
    ++m_activeByHost[host];

    connect(transfer, &Transfer::started, this, [this, id](const TransferStart &start) {
        const DownloadItem *item = m_model->find(id);
        QString note;
        if (item->linkChanged()) {
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
            it.partUrl = it.url.adjusted(QUrl::RemoveUserInfo);   // the bytes on disk are this link's from now on
        });
        if (!note.isEmpty())
            setNote(id, note);
        m_model->setProgress(id, start.offset, start.bytesTotal);
        m_model->setState(id, DownloadState::Downloading);
    });
    connect(transfer, &Transfer::progress, this, [this, id](qint64 onDisk, qint64 total) {
        m_model->setProgress(id, onDisk, total);
    });
    connect(transfer, &Transfer::verifying, this, [this, id] {
        m_model->setState(id, DownloadState::Verifying);
    });
    connect(transfer, &Transfer::finished, this, [this, id](const TransferResult &result) {
        onTransferFinished(id, result);
    });
    transfer->start();
}

void Scheduler::onTransferFinished(DownloadId id, const TransferResult &result)
{
    Transfer *transfer = m_active.take(id);
    if (!transfer)
        return;
    transfer->disconnect(this);
    transfer->deleteLater();
    const DownloadItem *item = m_model->find(id);
    if (!item)
        return;
    --m_activeByHost[hostOf(item->url)];
    // A finished file keeps the link it came from; otherwise the next attempt uses the new one.
    if (const auto link = m_pendingLinks.constFind(id); link != m_pendingLinks.cend()) {
        const QUrl url = *link;
        m_pendingLinks.erase(link);
        if (result.error.isError())
            applyLink(id, url);
        else
            setNote(id, tr("The download finished from its old link before the new link could be used. The "
                           "file is complete; the new link was not needed."));
    }

    const TransferError &error = result.error;
    // An attempt that moved the file forward starts a new count: a server that drops the connection
    // every few megabytes still gets the file done, while one that makes no progress runs out of retries.
    const bool progressed = !error.restartFromZero && result.bytesOnDisk > m_bytesAtLaunch.take(id);
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
    });
    if (error.restartFromZero)
        m_model->setProgress(id, 0, -1);
    else
        m_model->setProgress(id, result.bytesOnDisk, result.bytesTotal >= 0 ? result.bytesTotal : item->bytesTotal);

    if (!error.isError()) {
        if (item->state != DownloadState::Verifying)
            m_model->setState(id, DownloadState::Verifying);
        m_model->update(id, [](DownloadItem &it) {
            it.lastError.clear();
            it.attemptsWithoutProgress = 0;
        });
        m_model->setState(id, DownloadState::Finished);
        emit itemFinished(id);
    } else if (m_canceling.remove(id)) {
        // The user's cancel wins over whatever error the attempt ended with.
        m_model->setState(id, DownloadState::Canceled);
        discardPart(id);
    } else if (error.kind == ErrorKind::OtherFile) {
        // Not a failure: the new link serves another file, fetched from byte 0 at once without using up a
        // retry.
        m_model->update(id, [](DownloadItem &it) { it.attemptsWithoutProgress = qMax(0, it.attemptsWithoutProgress - 1); });
        setNote(id, error.message);
        m_model->setState(id, item->intent == Intent::Pause ? DownloadState::Paused : DownloadState::Queued);
    } else if (error.kind == ErrorKind::Canceled || item->intent == Intent::Pause) {
        m_model->setState(id, item->intent == Intent::Pause ? DownloadState::Paused : DownloadState::Queued);
    } else {
        const RetryDecision decision = decideRetry(error, item->attemptsWithoutProgress, m_retry, m_random());
        QString message = error.message;
        if (!decision.giveUpReason.isEmpty())
            message += QLatin1Char(' ') + decision.giveUpReason;
        m_model->update(id, [&message](DownloadItem &it) { it.lastError = message; });
        if (decision.retry && item->intent == Intent::Run) {
            m_model->update(id, [&decision](DownloadItem &it) {
                it.nextRetryAt = QDateTime::currentDateTimeUtc().addMSecs(decision.delay.count());
            });
            m_model->setState(id, DownloadState::Retrying);
            scheduleRetry(id, decision.delay);
        } else {
            m_model->setState(id, DownloadState::Failed);
            emit itemFailed(id);
        }
    }
    fill();
}

void Scheduler::scheduleRetry(DownloadId id, std::chrono::milliseconds delay)
{
    stopRetryTimer(id);
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    timer->setTimerType(Qt::PreciseTimer);
    connect(timer, &QTimer::timeout, this, [this, id] {
        stopRetryTimer(id);
        const DownloadItem *item = m_model->find(id);
        if (item && item->state == DownloadState::Retrying)
            m_model->setState(id, DownloadState::Queued);
        fill();
    });
    m_retryTimers.insert(id, timer);
    timer->start(delay);
}

void Scheduler::stopRetryTimer(DownloadId id)
{
    if (QTimer *timer = m_retryTimers.take(id)) {
        timer->stop();
        timer->deleteLater();
    }
}

void Scheduler::resume(const QList<DownloadId> &ids)
{
    m_resuming.append(ids);
    resumeSome();
}

void Scheduler::resumeSome()
{
    // Resuming a row costs about a microsecond (the model, the waiting lists, the session and the view all
    // hear of it): 10,000 rows per turn keep each turn near 10 ms.
    constexpr qsizetype partSize = 10'000;
    const qsizetype end = qMin(m_resuming.size(), m_resumeNext + partSize);
    for (; m_resumeNext < end; ++m_resumeNext) {
        const DownloadId id = m_resuming.at(m_resumeNext);
        const DownloadItem *item = m_model->find(id);
        if (!item)
            continue;   // removed meanwhile
        m_model->setIntent(id, Intent::Run);
        if (item->state == DownloadState::Paused)
            m_model->setState(id, DownloadState::Queued);
    }
    if (m_resumeNext < m_resuming.size()) {
        m_resumeTimer->start();
    } else {
        m_resuming.clear();
        m_resumeNext = 0;
    }
    fill();
}

void Scheduler::dropPendingResumes(const QList<DownloadId> &ids)
{
    if (m_resumeNext >= m_resuming.size() || ids.isEmpty())
        return;
    const QSet<DownloadId> dropped(ids.cbegin(), ids.cend());
    m_resuming.erase(std::remove_if(m_resuming.begin() + m_resumeNext, m_resuming.end(),
                                    [&dropped](DownloadId id) { return dropped.contains(id); }),
                     m_resuming.end());
    if (m_resumeNext == m_resuming.size()) {
        m_resumeTimer->stop();
        m_resuming.clear();
        m_resumeNext = 0;
    }
}

void Scheduler::pause(const QList<DownloadId> &ids)
{
    dropPendingResumes(ids);
    // Intent first for all of them, so stopping one cannot hand its slot to another being paused.
    QList<Transfer *> toStop;
    for (DownloadId id : ids) {
        const DownloadItem *item = m_model->find(id);
        if (!item || isTerminal(item->state))
            continue;
        m_model->setIntent(id, Intent::Pause);
        if (item->state == DownloadState::Queued || item->state == DownloadState::Retrying) {
            stopRetryTimer(id);
            m_model->setState(id, DownloadState::Paused);
        } else if (Transfer *transfer = m_active.value(id)) {
            toStop.append(transfer);
        }
    }
    for (Transfer *transfer : std::as_const(toStop))
        transfer->stop();   // finishes with Canceled; the handler turns that into Paused
    fill();
}

void Scheduler::cancel(const QList<DownloadId> &ids)
{
    dropPendingResumes(ids);
    for (DownloadId id : ids) {
        const DownloadItem *item = m_model->find(id);
        if (!item || item->state == DownloadState::Finished || item->state == DownloadState::Canceled)
            continue;
        if (Transfer *transfer = m_active.value(id)) {
            if (item->state == DownloadState::Verifying)
                continue;   // the file is complete; let it land
            m_canceling.insert(id);
            transfer->stop();
            continue;
        }
        stopRetryTimer(id);
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
    if (Transfer *transfer = m_active.value(id)) {
        // The link changes once the attempt has stopped and saved its bytes: an answer still arriving from
        // the old link must not be taken for the new one's.
        m_pendingLinks.insert(id, url);
        transfer->stop();
        return true;
    }
    const bool waiting = item->state == DownloadState::Queued && item->intent == Intent::Run;
    if (waiting)
        eraseWaiting(id, hostOf(item->url));
    applyLink(id, url);
    if (waiting)
        insertWaiting(m_waiting[hostOf(url)], id);
    switch (item->state) {
    case DownloadState::Retrying:
        stopRetryTimer(id);
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
    const QUrl previous = m_model->find(id)->url;
    m_model->update(id, [&url](DownloadItem &it) {
        // Remember where the bytes on disk came from (a queue saved before partUrl existed has none yet).
        if (it.partUrl.isEmpty() && it.bytesReceived > 0)
            it.partUrl = it.url.adjusted(QUrl::RemoveUserInfo);
        it.url = url;
        it.lastError.clear();   // about the old link
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
    if (!item || item->fileName.isEmpty())
        return;
    QFile::remove(item->partPath());
    m_model->setProgress(id, 0, item->bytesTotal);
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
