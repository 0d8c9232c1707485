#include "http/segmentedtransfer.h"

#include "disk/partfile.h"
#include "http/responsejudge.h"
#include "queue/retrypolicy.h"
#include "util/headervalue.h"

#include <QJsonArray>
#include <QRandomGenerator>

#include <algorithm>

namespace Quiver {

namespace {
const QString rangesKey = QStringLiteral("ranges");
constexpr qint64 recordIntervalMs = 1000;
// The segment map is for eyes: a few pictures a second are enough, whatever the rate of chunks.
constexpr int mapIntervalMs = 250;
} // namespace

SegmentedTransfer::SegmentedTransfer(const DownloadItem &item, NetworkPool *pool, const TargetServices &services,
                                     const HttpSettings &settings, RateLimiter *limiter, QObject *parent)
    : Transfer(parent)
    , m_item(item)
    , m_pool(pool)
    , m_limiter(limiter)
    , m_services(services)
    , m_settings(settings)
    , m_url(item.url)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, [this] {
        fillConnections();
        publishMap();
        emit connectionsWantedChanged();
    });
    m_mapTimer.setSingleShot(true);
    m_mapTimer.setInterval(mapIntervalMs);
    connect(&m_mapTimer, &QTimer::timeout, this, [this] {
        if (m_phase == Phase::Running)
            emit segmentsChanged(map());
    });
}

SegmentedTransfer::~SegmentedTransfer()
{
    for (SegmentStream *stream : m_streams)
        stream->abandon();
}

std::optional<ByteRanges> SegmentedTransfer::recordedRanges(const DownloadItem &item)
{
    const QJsonValue value = item.backendState.value(rangesKey);
    if (!value.isArray() || item.fileName.isEmpty())
        return std::nullopt;
    bool ok = false;
    ByteRanges ranges = ByteRanges::fromJson(value.toArray(), &ok);
    if (!ok)
        return std::nullopt;
    // A .part shorter than recorded (a crash before the disk had it, or none at all) holds fewer.
    ranges.clipTo(qMax<qint64>(0, PartFile::existingSize(item.partPath())));
    if (item.bytesTotal >= 0)
        ranges.clipTo(item.bytesTotal);
    return ranges;
}

DownloadItem SegmentedTransfer::asOneStream(const DownloadItem &item)
{
    DownloadItem one = item;
    if (const std::optional<ByteRanges> ranges = recordedRanges(item))
        one.bytesReceived = ranges->prefixEnd();
    else if (item.backendState.contains(rangesKey))
        one.bytesReceived = 0;
    one.backendState = {};
    return one;
}

void SegmentedTransfer::start()
{
    Q_ASSERT(m_phase == Phase::Idle);
    std::optional<ByteRanges> ranges = recordedRanges(m_item);
    const bool validated = HeaderValue::isStrongEtag(m_item.etag) || !m_item.lastModified.isEmpty();
    if (!ranges && m_item.bytesReceived > 0 && m_item.bytesTotal > 0 && validated
        && m_item.bytesTotal - m_item.bytesReceived >= 2 * m_settings.minSegmentSize) {
        // The bytes of one stream (it ran with one connection, and the user asked for more since): they
        // are the range at the start of the file, and the rest is fetched in segments like any hole. The
        // connection that continues after them first compares an overlap, as one stream's resume does.
        ByteRanges prefix;
        prefix.add({0, m_item.bytesReceived});
        prefix.clipTo(qMax<qint64>(0, PartFile::existingSize(m_item.partPath())));
        if (!prefix.isEmpty())
            ranges = prefix;
    }
    if (ranges && !ranges->isEmpty() && m_item.bytesTotal > 0 && validated) {
        // Continue every recorded range; each request proves with If-Range that the file is the same.
        m_entity.total = m_item.bytesTotal;
        m_entity.etag = HeaderValue::isStrongEtag(m_item.etag) ? m_item.etag : QByteArray();
        m_entity.lastModified = m_item.lastModified;
        m_done = *ranges;
        m_queued = *ranges;
        for (const ByteRange &range : ranges->ranges()) {
            if (range.end < m_entity.total)
                m_unverified.append(range.end);
        }
        m_target = std::make_unique<DownloadTarget>(m_item, m_services);
        connect(m_target.get(), &DownloadTarget::wrote, this, &SegmentedTransfer::onWrote);
        PartWriter::Start start;
        start.keepAll = true;
        const TransferError error = m_target->open(start, {});
        m_phase = Phase::Running;
        QMetaObject::invokeMethod(this, [this, error] {
            if (m_phase != Phase::Running)
                return;
            if (error.isError()) {
                endAll(Ending::Fail, error);
                return;
            }
            emit started(TransferStart{m_target->fileName(), m_done.coveredBytes(), m_entity.total, m_item.etag,
                                       m_item.lastModified, state(), {}});
            if (m_phase == Phase::Running)
                fillConnections();
            publishMap();
            if (m_phase == Phase::Running)
                emit connectionsWantedChanged();
        }, Qt::QueuedConnection);
        return;
    }
    if (m_item.bytesReceived > 0 || ranges) {
        // Bytes of one stream (or ranges that can no longer be proven): one stream continues them.
        delegate(asOneStream(m_item), {});
        return;
    }
    m_phase = Phase::Probing;
    auto *probe = new SegmentStream(m_pool, m_settings, m_item.url, SegmentEntity{}, ByteRange{0, 0}, m_limiter,
                                    m_item.id, this);
    m_streams.push_back(probe);
    connect(probe, &SegmentStream::probed, this, [this, probe](const SegmentProbe &answer) { onProbed(probe, answer); });
    connect(probe, &SegmentStream::ended, this, [this, probe](SegmentStream::Outcome outcome, const TransferError &error) {
        onStreamEnded(probe, outcome, error);
    });
    connect(probe, &SegmentStream::wroteRange, this, [this](ByteRange range) {
        m_queued.add(range);
        m_queuedTotal += range.size();
        m_inFlight.emplace_back(m_queuedTotal, range);
    });
    probe->start();
}

void SegmentedTransfer::onProbed(SegmentStream *probe, const SegmentProbe &answer)
{
    const bool pays = answer.entity.total >= 2 * m_settings.minSegmentSize;
    if (!answer.servesRanges || !pays) {
        // One stream does it, exactly as without segments: it judges this answer as its own and reads it
        // to the end, so a small file, a server without ranges or an error page costs one request.
        std::erase(m_streams, probe);
        const SegmentStream::Answer reply = probe->handOver();
        probe->deleteLater();
        delegate(m_item, {}, reply);
        return;
    }
    m_entity = answer.entity;
    m_url = probe->finalUrl();
    m_target = std::make_unique<DownloadTarget>(m_item, m_services);
    connect(m_target.get(), &DownloadTarget::wrote, this, &SegmentedTransfer::onWrote);
    // A fresh start: anything an old .part held goes. Its origin records no validators and no size, so
    // nothing takes its size for the bytes it holds: only the ranges in the queue file say that.
    PartWriter::Start start;
    const TransferError error = m_target->open(start, answer.contentDisposition);
    if (error.kind == ErrorKind::PartFound) {
        // A .part of this link is under the name: one stream continues it, as it would without segments.
        std::erase(m_streams, probe);
        probe->abandon();
        probe->deleteLater();
        m_target.reset();
        delegate(m_item, {});
        return;
    }
    if (error.isError()) {
        endAll(Ending::Fail, error);
        return;
    }
    m_phase = Phase::Running;
    probe->setTarget(m_target.get());
    emit started(TransferStart{m_target->fileName(), 0, m_entity.total, answer.entity.etag.isEmpty() ? m_item.etag : answer.entity.etag,
                               answer.entity.lastModified, state(), {}});
    if (m_phase != Phase::Running)
        return;
    // The whole file is the probe's until the scheduler lends more connections: alone, it is one stream.
    probe->accept(m_entity, m_entity.total);
    publishMap();
    if (m_phase == Phase::Running)
        emit connectionsWantedChanged();
}

// Only what the transfer wants changes here: more connections come as the scheduler lends them (never
// more than the caps leave), and the ones above the new count go back to it at once.
bool SegmentedTransfer::setConnections(int count)
{
    if (m_phase == Phase::Delegated)
        return false;
    count = qBound(1, count, maxSegments);
    if (count == m_settings.segments)
        return true;
    m_settings.segments = count;
    if (m_phase != Phase::Running)
        return true;
    const int returned = m_slots - count;
    if (returned > 0) {
        m_slots = count;
        // The retry timer stands for a connection that waits to try again: it goes first.
        if (connectionCount() > m_slots && m_retryTimer.isActive())
            m_retryTimer.stop();
        while (connectionCount() > m_slots)
            dropNewestStream();
        publishMap();
        emit connectionsReturned(returned);
        return true;
    }
    emit connectionsWantedChanged();
    return true;
}

SegmentMap SegmentedTransfer::map() const
{
    SegmentMap map;
    map.total = m_entity.total;
    map.done = m_queued.ranges();
    for (const SegmentStream *stream : m_streams) {
        if (stream->position() < stream->end())
            map.running.append({stream->position(), stream->end()});
    }
    std::sort(map.running.begin(), map.running.end(), [](const ByteRange &a, const ByteRange &b) { return a.begin < b.begin; });
    return map;
}

void SegmentedTransfer::publishMap()
{
    if (m_phase == Phase::Running && !m_mapTimer.isActive())
        m_mapTimer.start();
}

int SegmentedTransfer::connectionsWanted() const
{
    const bool givingUp = m_failuresWithoutProgress > m_settings.segmentRetries;
    if (m_phase != Phase::Running || m_retryTimer.isActive() || givingUp || !hasWorkToShare())
        return m_slots;
    return qMax(m_slots, desiredConnections());
}

int SegmentedTransfer::addConnections(int count)
{
    if (m_phase != Phase::Running || count <= 0)
        return 0;
    int taken = 0;
    ByteRanges claimed = m_queued;
    for (const SegmentStream *stream : m_streams)
        claimed.add({stream->position(), stream->end()});
    if (m_streams.size() == 1 && claimed.gaps(m_entity.total).isEmpty()) {
        // One connection holds all that is left (the probe, most often): cut its rest in even pieces at
        // once rather than halving it again and again.
        SegmentStream *only = m_streams.front();
        const QList<ByteRange> pieces = planPieces({{only->position(), only->end()}}, count + 1, m_settings.minSegmentSize);
        if (pieces.size() > 1) {
            only->setEnd(pieces.first().end);
            for (qsizetype i = 1; i < pieces.size() && m_phase == Phase::Running; ++i) {
                ++m_slots;
                ++taken;
                launch(pieces[i]);
            }
        }
    }
    while (taken < count && m_phase == Phase::Running) {
        ++m_slots;
        if (!launchOne()) {
            --m_slots;
            break;
        }
        ++taken;
    }
    if (taken > 0)
        publishMap();
    return taken;
}

void SegmentedTransfer::reclaimConnection()
{
    if (m_slots <= 1)
        return;
    --m_slots;
    if (int(m_streams.size()) <= m_slots || m_phase != Phase::Running)
        return;
    dropNewestStream();
    publishMap();
}

// The latest connection goes; its bytes stay, and the rest of its range is a hole the others take.
void SegmentedTransfer::dropNewestStream()
{
    SegmentStream *last = m_streams.back();
    m_streams.pop_back();
    if (last->position() < last->compareUntil())
        m_unverified.append(last->compareUntil());
    last->abandon();
    last->deleteLater();
}

bool SegmentedTransfer::hasWorkToShare() const
{
    ByteRanges claimed = m_queued;
    for (const SegmentStream *stream : m_streams)
        claimed.add({stream->position(), stream->end()});
    if (!claimed.gaps(m_entity.total).isEmpty())
        return true;
    for (const SegmentStream *stream : m_streams) {
        if (splitPoint(stream->position(), stream->end(), qMax<qint64>(4096, m_settings.minSegmentSize / 4)) >= 0)
            return true;
    }
    return false;
}

// Lent connections that have no stream any more go back at once: a waiting download may start on them
// (the scheduler lends them again when nobody waits).
void SegmentedTransfer::returnSpareConnections()
{
    const int spare = qMin(m_slots - 1, m_slots - connectionCount());
    if (spare <= 0)
        return;
    m_slots -= spare;
    emit connectionsReturned(spare);
}

void SegmentedTransfer::fillConnections()
{
    while (m_phase == Phase::Running && connectionCount() < m_slots && launchOne()) {
    }
}

// The largest range nobody works on, or else the second half of the largest one still running.
bool SegmentedTransfer::launchOne()
{
    ByteRanges claimed = m_queued;
    for (const SegmentStream *stream : m_streams)
        claimed.add({stream->position(), stream->end()});
    const QList<ByteRange> gaps = claimed.gaps(m_entity.total);
    if (!gaps.isEmpty()) {
        launch(*std::max_element(gaps.begin(), gaps.end(), [](const ByteRange &a, const ByteRange &b) { return a.size() < b.size(); }));
        return true;
    }
    SegmentStream *largest = nullptr;
    for (SegmentStream *stream : m_streams) {
        if (!largest || stream->end() - stream->position() > largest->end() - largest->position())
            largest = stream;
    }
    // Halves smaller than a planned piece: the end of a download is where one slow connection would
    // otherwise hold everything up.
    const qint64 cut = largest ? splitPoint(largest->position(), largest->end(), qMax<qint64>(4096, m_settings.minSegmentSize / 4)) : -1;
    if (cut < 0)
        return false;
    const qint64 end = largest->end();
    largest->setEnd(cut);
    launch({cut, end});
    return true;
}

SegmentStream *SegmentedTransfer::launch(ByteRange range)
{
    qint64 begin = range.begin;
    if (const qsizetype at = m_unverified.indexOf(range.begin); at >= 0) {
        // A recorded range ends here: ask again for a little of it, to compare with the file.
        m_unverified.removeAt(at);
        qint64 held = 0;
        for (const ByteRange &done : m_done.ranges()) {
            if (done.end == range.begin)
                held = done.size();
        }
        begin = range.begin - qMin(ResponseJudge::maxOverlap, held);
    }
    auto *stream = new SegmentStream(m_pool, m_settings, m_url, m_entity, {begin, range.end}, m_limiter, m_item.id, this);
    stream->compareBefore(range.begin);
    stream->setTarget(m_target.get());
    m_streams.push_back(stream);
    connect(stream, &SegmentStream::wroteRange, this, [this](ByteRange written) {
        m_queued.add(written);
        m_queuedTotal += written.size();
        m_inFlight.emplace_back(m_queuedTotal, written);
    });
    connect(stream, &SegmentStream::ended, this, [this, stream](SegmentStream::Outcome outcome, const TransferError &error) {
        onStreamEnded(stream, outcome, error);
    });
    stream->start();
    return stream;
}

void SegmentedTransfer::onStreamEnded(SegmentStream *stream, SegmentStream::Outcome outcome, const TransferError &error)
{
    std::erase(m_streams, stream);
    stream->deleteLater();
    if (stream->position() < stream->compareUntil())
        m_unverified.append(stream->compareUntil());   // the overlap was not compared in full: next time
    if (m_phase == Phase::Probing) {
        // The probe failed before any answer could be judged: the download's attempt fails as one would.
        endAll(Ending::Fail, error);
        return;
    }
    if (m_phase != Phase::Running)
        return;
    switch (outcome) {
    case SegmentStream::Outcome::Mismatch:
        m_fallbackWhy = error.message;
        endAll(Ending::Fallback);
        return;
    case SegmentStream::Outcome::Failed: {
        const qint64 done = m_queued.coveredBytes();
        m_failuresWithoutProgress = done > m_doneAtLastFailure ? 1 : m_failuresWithoutProgress + 1;
        m_doneAtLastFailure = done;
        m_endError = error;
        if (m_failuresWithoutProgress > m_settings.segmentRetries) {
            // The other connections take over the range as they become free; none is added.
            if (m_streams.empty() && !m_retryTimer.isActive())
                endAll(Ending::Fail, error);
            else
                returnSpareConnections();
            return;
        }
        if (!m_retryTimer.isActive()) {
            m_retryTimer.start(backoffDelay(m_failuresWithoutProgress, std::chrono::milliseconds(1000),
                                            std::chrono::milliseconds(30000), QRandomGenerator::global()->generateDouble()));
        }
        returnSpareConnections();
        return;
    }
    case SegmentStream::Outcome::Done:
        break;
    }
    if (m_queued.gaps(m_entity.total).isEmpty()) {
        if (m_streams.empty())
            endAll(Ending::Complete);
        else
            returnSpareConnections();
        return;
    }
    returnSpareConnections();
    fillConnections();
    publishMap();
}

void SegmentedTransfer::onWrote()
{
    if (!m_target)
        return;
    const qint64 written = m_target->bytesWrittenSinceOpen();
    while (!m_inFlight.empty() && m_inFlight.front().first <= written) {
        m_done.add(m_inFlight.front().second);
        m_inFlight.pop_front();
    }
    if (m_target->hasWriteFailed()) {
        if (m_phase == Phase::Running)
            endAll(Ending::Fail, m_target->writeError());
        return;
    }
    if (m_phase != Phase::Running)
        return;
    emit progress(m_done.coveredBytes(), m_entity.total);
    record(false);
    publishMap();
    // The disk caught up: the streams that paused for it read on (a copy: one may end meanwhile).
    const std::vector<SegmentStream *> streams = m_streams;
    for (SegmentStream *stream : streams) {
        if (m_phase != Phase::Running)
            break;
        if (std::find(m_streams.begin(), m_streams.end(), stream) != m_streams.end())
            stream->readMore();
    }
}

void SegmentedTransfer::record(bool now)
{
    if (!now && m_sinceRecord.isValid() && m_sinceRecord.elapsed() < recordIntervalMs)
        return;
    m_sinceRecord.restart();
    emit recordChanged(state());
}

QJsonObject SegmentedTransfer::state() const
{
    return QJsonObject{{rangesKey, m_done.toJson()}};
}

void SegmentedTransfer::endAll(Ending ending, TransferError error)
{
    if (m_phase == Phase::Settling || m_phase == Phase::Verifying || m_phase == Phase::Done || m_phase == Phase::Delegated)
        return;
    m_phase = Phase::Settling;
    m_ending = ending;
    if (error.isError() || ending != Ending::Fail)
        m_endError = error;
    m_retryTimer.stop();
    const std::vector<SegmentStream *> streams = std::exchange(m_streams, {});
    for (SegmentStream *stream : streams) {
        stream->abandon();
        stream->deleteLater();
    }
    returnSpareConnections();
    if (!m_target) {
        settle();
        return;
    }
    // What the result says is on disk must be on disk.
    m_target->whenWritten([this] {
        onWrote();
        settle();
    });
}

void SegmentedTransfer::settle()
{
    // The last picture: no connection runs any more, and what is on disk stays to be seen.
    m_mapTimer.stop();
    if (m_target && m_ending != Ending::Fallback)
        emit segmentsChanged(SegmentMap{m_entity.total, m_done.ranges(), {}});
    switch (m_ending) {
    case Ending::Complete:
        m_phase = Phase::Verifying;
        emit verifying();
        m_target->finish([this](const TransferError &error) { emitFinished(error); });
        return;
    case Ending::Fallback: {
        DownloadItem item = m_item;
        item.fileName = m_target->fileName();
        item.bytesTotal = m_entity.total;
        item.etag = m_entity.etag.isEmpty() ? m_item.etag : m_entity.etag;
        item.lastModified = m_entity.lastModified;
        // The bytes before the first hole are of the entity every range proved; If-Range on the one
        // stream's request restarts from zero if the file itself changed.
        item.bytesReceived = m_done.prefixEnd();
        item.backendState = {};
        m_target->close();
        m_target.reset();   // its lock on the .part goes with it: the one stream opens it next
        delegate(item, tr("The server stopped serving this file in pieces (%1). Quiver continues with one connection.")
                           .arg(m_fallbackWhy));
        return;
    }
    case Ending::Stop: {
        TransferError canceled;
        canceled.kind = ErrorKind::Canceled;
        emitFinished(canceled);
        return;
    }
    case Ending::Fail:
    case Ending::None:
        emitFinished(m_endError);
        return;
    }
}

void SegmentedTransfer::delegate(DownloadItem item, const QString &note, SegmentStream::Answer answer)
{
    m_phase = Phase::Delegated;
    m_mapTimer.stop();
    emit segmentsChanged({});   // one stream: no map to draw
    returnSpareConnections();
    auto *one = new HttpTransfer(item, m_pool, m_services, m_settings, m_limiter);
    m_delegate.reset(one);
    connect(one, &Transfer::started, this, [this, note](TransferStart start) {
        start.note = note;
        start.backendState = QJsonObject{{rangesKey, QJsonValue::Null}};
        emit started(start);
    });
    connect(one, &Transfer::progress, this, &Transfer::progress);
    connect(one, &Transfer::verifying, this, &Transfer::verifying);
    connect(one, &Transfer::finished, this, [this](TransferResult result) {
        if (result.backendState.isEmpty())
            result.backendState = QJsonObject{{rangesKey, QJsonValue::Null}};
        m_phase = Phase::Done;
        emit finished(result);
    });
    if (answer.reply)
        one->adopt(answer.manager, answer.reply);
    else
        one->start();
}

void SegmentedTransfer::emitFinished(TransferError error)
{
    m_phase = Phase::Done;
    TransferResult result;
    result.error = error;
    result.bytesTotal = m_entity.total;
    result.etag = m_entity.etag.isEmpty() ? m_item.etag : m_entity.etag;
    result.lastModified = m_entity.lastModified.isEmpty() ? m_item.lastModified : m_entity.lastModified;
    if (m_target) {
        result.fileName = m_target->fileName();
        m_target->close();
    }
    if (error.restartFromZero) {
        // The bytes on disk did not prove to be this file's (an overlap that differed): none is kept.
        result.bytesOnDisk = 0;
        result.backendState = QJsonObject{{rangesKey, QJsonValue::Null}};
    } else if (error.isError()) {
        result.bytesOnDisk = m_done.coveredBytes();
        result.backendState = state();
    } else {
        result.bytesOnDisk = m_entity.total;
        result.backendState = QJsonObject{{rangesKey, QJsonValue::Null}};
    }
    if (m_target && !error.isError())
        m_target.reset();
    emit finished(result);
}

void SegmentedTransfer::stop()
{
    switch (m_phase) {
    case Phase::Delegated:
        m_delegate->stop();
        return;
    case Phase::Idle:
    case Phase::Probing:
    case Phase::Running:
        endAll(Ending::Stop);
        return;
    case Phase::Settling:
    case Phase::Verifying:
    case Phase::Done:
        return;
    }
}

} // namespace Quiver
