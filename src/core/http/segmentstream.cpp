#include "http/segmentstream.h"

#include "disk/downloadtarget.h"
#include "http/contentrange.h"
#include "http/networkpool.h"
#include "http/replyerror.h"
#include "util/headervalue.h"
#include "util/units.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>

#include <algorithm>

namespace Quiver {

namespace {
// As for one stream: reading pauses while this much of the whole download waits for the disk.
constexpr qint64 writeHighWater = 8 * 1024 * 1024;
// A segment is one of up to 16 connections that share a download's bandwidth, so each brings its blocks
// at a fraction of one stream's pace: 512 KiB blocks saved no CPU here and, 16 at once, added 14 MiB to the
// peak RSS (bench/README.md, "The write path").
constexpr qint64 segmentReadBuffer = 128 * 1024;
} // namespace

SegmentStream::SegmentStream(NetworkPool *pool, const HttpSettings &settings, const QUrl &url,
                             const SegmentEntity &entity, ByteRange range, RateLimiter *limiter, DownloadId id,
                             QObject *parent)
    : QObject(parent)
    , m_pool(pool)
    , m_settings(settings)
    , m_url(url)
    , m_finalUrl(url)
    , m_entity(entity)
    , m_position(range.begin)
    , m_end(range.end)
{
    if (m_settings.readBufferSize == 0 || m_settings.readBufferSize > segmentReadBuffer)
        m_settings.readBufferSize = segmentReadBuffer;
    m_accepted = entity.total >= 0;
    if (limiter)
        m_rate = limiter->join(id, [this] { onReadyRead(); });
    m_connectTimer.setSingleShot(true);
    m_connectTimer.setInterval(m_settings.connectTimeout);
    m_stallTimer.setSingleShot(true);
    m_stallTimer.setInterval(m_settings.stallTimeout);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] { onTimeout(false); });
    connect(&m_stallTimer, &QTimer::timeout, this, [this] { onTimeout(true); });
}

SegmentStream::~SegmentStream()
{
    releaseReply();
}

void SegmentStream::start()
{
    QNetworkRequest request(m_url);
    request.setRawHeader("Accept-Encoding", "identity");
    request.setRawHeader("User-Agent", m_settings.userAgent);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setMaximumRedirectsAllowed(m_settings.maxRedirects);
    if (m_accepted) {
        // A closed range: a server that would send more is cut off at our end anyway.
        m_requestedEnd = m_end;
        request.setRawHeader("Range", "bytes=" + QByteArray::number(m_position) + '-' + QByteArray::number(m_requestedEnd - 1));
        request.setRawHeader("If-Range", m_entity.ifRange());
    } else {
        request.setRawHeader("Range", "bytes=0-");
    }
    m_manager = m_pool->acquire();
    // As HttpTransfer does: the proxy setting is the manager's, set before each get().
    m_manager->setProxy(m_settings.useSystemProxy ? QNetworkProxy(QNetworkProxy::DefaultProxy)
                                                  : QNetworkProxy(QNetworkProxy::NoProxy));
    m_reply = m_manager->get(request);
    m_reply->setReadBufferSize(m_settings.readBufferSize);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &SegmentStream::onHead);
    connect(m_reply, &QNetworkReply::readyRead, this, &SegmentStream::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &SegmentStream::onFinished);
    m_connectTimer.start();
}

bool SegmentStream::checkRange(const SegmentProbe &probe, QString *why) const
{
    const std::optional<ContentRange> range = parseContentRange(m_reply->rawHeader("Content-Range"));
    if (probe.entity.total != m_entity.total) {
        *why = tr("the file's size changed from %1 to %2").arg(Units::bytes(m_entity.total), Units::bytes(probe.entity.total));
        return false;
    }
    if (!m_entity.etag.isEmpty() ? probe.entity.etag != m_entity.etag
                                 : probe.entity.lastModified != m_entity.lastModified) {
        *why = tr("the file changed on the server (its ETag or date is not the same)");
        return false;
    }
    if (!range || range->first != m_position || range->last < m_position || range->last >= m_requestedEnd) {
        *why = tr("it answered a request for bytes %1 to %2 with “%3”")
                   .arg(m_position).arg(m_requestedEnd - 1).arg(cleanForDisplay(QString::fromLatin1(m_reply->rawHeader("Content-Range"))));
        return false;
    }
    return true;
}

void SegmentStream::onHead()
{
    if (!m_reply || m_headSeen)
        return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status < 200 || (status >= 300 && status < 400))
        return;   // a hop: Qt follows it
    m_headSeen = true;
    m_connectTimer.stop();
    m_finalUrl = m_reply->url();
    if (status >= 400 && m_accepted)
        return;   // onFinished() words the error
    SegmentProbe probe;
    const QByteArray encoding = m_reply->rawHeader("Content-Encoding").trimmed().toLower();
    const std::optional<ContentRange> range = parseContentRange(m_reply->rawHeader("Content-Range"));
    const QByteArray etag = m_reply->rawHeader("ETag");
    probe.entity.etag = HeaderValue::isStrongEtag(etag) ? etag : QByteArray();
    probe.entity.lastModified = m_reply->rawHeader("Last-Modified");
    probe.entity.total = range ? range->total : -1;
    probe.contentDisposition = m_reply->rawHeader("Content-Disposition");
    probe.servesRanges = status == 206 && range && !range->isUnsatisfied() && range->total > 0
        && (encoding.isEmpty() || encoding == "identity")
        && (!probe.entity.etag.isEmpty() || !probe.entity.lastModified.isEmpty());
    if (!m_accepted) {
        if (probe.servesRanges && range->first != 0)
            probe.servesRanges = false;
        emit probed(probe);   // the owner accepts or abandons this stream
        return;
    }
    QString why;
    if (status != 206) {
        why = tr("it sent the whole file (HTTP %1) instead of the range asked for").arg(status);
    } else if (!(encoding.isEmpty() || encoding == "identity")) {
        why = tr("it compressed a range");
    } else if (checkRange(probe, &why)) {
        m_end = qMin(m_end, range->last + 1);   // a server may send less than asked; the rest is asked again
        m_stallTimer.start();
        return;
    }
    TransferError error;
    error.kind = ErrorKind::Protocol;
    error.message = why;
    endWith(Outcome::Mismatch, error);
}

void SegmentStream::accept(const SegmentEntity &entity, qint64 end)
{
    m_entity = entity;
    m_accepted = true;
    m_end = end;
    m_stallTimer.start();
    // An answer that ended while the owner decided: reading it empty ends the stream.
    m_endDeferred = m_reply && m_reply->isFinished();
    onReadyRead();
}

void SegmentStream::abandon()
{
    m_ended = true;
    m_rate.reset();
    m_connectTimer.stop();
    m_stallTimer.stop();
    releaseReply();
}

SegmentStream::Answer SegmentStream::handOver()
{
    Q_ASSERT(!m_accepted && m_headSeen);
    Answer answer{std::exchange(m_manager, nullptr), m_reply.data()};
    if (answer.reply)
        answer.reply->disconnect(this);
    m_reply = nullptr;
    abandon();
    return answer;
}

void SegmentStream::setEnd(qint64 end)
{
    if (end >= m_end)
        return;
    m_end = qMax(end, m_position);
    if (m_position >= m_end && m_accepted && m_headSeen)
        endWith(Outcome::Done);
}

void SegmentStream::readMore()
{
    if (m_reply && m_reply->bytesAvailable() > 0)
        onReadyRead();
}

void SegmentStream::onReadyRead()
{
    if (m_ended || !m_reply || !m_accepted || !m_headSeen || !m_target)
        return;
    m_stallTimer.start();
    readBody();
    if (m_ended)
        return;
    if (m_position >= m_end)
        endWith(Outcome::Done);
    else if (m_endDeferred && m_reply->bytesAvailable() == 0)
        onFinished();
}

// As one stream does: what the rate limit grants in this pass, while the disk keeps up; a stream with
// more to read than granted queues behind the others.
void SegmentStream::readBody()
{
    if (m_target->pendingBytes() >= writeHighWater)
        return;   // readMore() reads on
    const qint64 wanted = std::min(m_reply->bytesAvailable(), m_end - m_position);
    qint64 allowed = m_rate ? m_rate->grant(wanted) : wanted;
    while (allowed > 0 && m_position < m_end && m_reply->bytesAvailable() > 0 && m_target->pendingBytes() < writeHighWater) {
        qint64 size = std::min({m_settings.readChunkSize(), m_reply->bytesAvailable(), m_end - m_position, allowed});
        const bool overlap = m_position < m_compareUntil;
        if (overlap)
            size = std::min(size, m_compareUntil - m_position);
        QByteArray chunk = m_reply->read(size);
        if (chunk.isEmpty())
            break;
        allowed -= chunk.size();
        const ByteRange range{m_position, m_position + chunk.size()};
        if (overlap)
            m_target->compareAt(m_position, std::move(chunk));
        else
            m_target->writeAt(m_position, std::move(chunk));
        m_position = range.end;
        emit wroteRange(range);
        if (m_ended)
            return;
    }
    if (m_rate && allowed == 0 && m_position < m_end && m_reply->bytesAvailable() > 0)
        m_rate->waitForTokens();
}

void SegmentStream::onTimeout(bool stalled)
{
    if (m_ended || !m_reply)
        return;
    if (stalled && (m_endDeferred || (m_rate && m_rate->isWaiting()))) {
        m_stallTimer.start();   // the rate limit or the disk holds the reading back, not the server
        return;
    }
    m_timedOut = true;
    m_stalled = stalled;
    m_reply->abort();
}

void SegmentStream::onFinished()
{
    if (m_ended || !m_reply)
        return;
    m_connectTimer.stop();
    if (m_reply->error() == QNetworkReply::NoError && m_accepted && m_headSeen && !m_timedOut && !m_endDeferred) {
        // What arrived is read at the rate limit's and the disk's pace: the reply keeps it meanwhile, and
        // the read that empties it short of the range's end comes back here.
        m_endDeferred = true;
        onReadyRead();
        return;
    }
    m_stallTimer.stop();
    if (!m_accepted && m_reply->error() == QNetworkReply::NoError && !m_headSeen) {
        onHead();   // a body-less answer: the owner hears of it as a probe
        if (m_ended || !m_accepted)
            return;
    }
    TransferError error;
    if (m_timedOut) {
        error.kind = ErrorKind::Timeout;
        error.message = m_stalled ? tr("No data for %1 s.").arg(double(m_settings.stallTimeout.count()) / 1000.0)
                                  : tr("No response from %1 within %2 s.")
                                        .arg(m_url.host()).arg(double(m_settings.connectTimeout.count()) / 1000.0);
    } else if (m_reply->error() != QNetworkReply::NoError) {
        ReplyError::Context context;
        context.host = m_url.host();
        context.maxRedirects = m_settings.maxRedirects;
        error = ReplyError::describe(*m_reply, context);
    } else {
        error.kind = ErrorKind::Network;
        error.message = tr("The connection ended at byte %1 of a range that ends at %2.").arg(m_position).arg(m_end);
    }
    endWith(Outcome::Failed, error);
}

void SegmentStream::endWith(Outcome outcome, TransferError error)
{
    if (m_ended)
        return;
    m_ended = true;
    m_rate.reset();
    m_connectTimer.stop();
    m_stallTimer.stop();
    releaseReply();
    emit ended(outcome, error);
}

void SegmentStream::releaseReply()
{
    m_pool->release(m_manager, m_reply, this);
}

} // namespace Quiver
