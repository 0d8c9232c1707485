#include "http/httptransfer.h"

#include "http/networkpool.h"
#include "http/replyerror.h"
#include "http/responsejudge.h"
#include "util/headervalue.h"
#include "util/units.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSslError>

#include <algorithm>
#include <limits>

namespace Quiver {

namespace {
// Reading pauses while this much waits for the disk; the socket then slows to the disk's pace. Per
// download: with 4 MiB, 16 downloads in the window held 100 MB more whenever the disk thread fell behind
// for a moment (bench/README.md, Memory), and 1 MiB still keeps the disk thread fed.
constexpr qint64 writeHighWater = 1024 * 1024;
constexpr qint64 maxErrorPageBytes = 256 * 1024;

// "30" for whole seconds, "0.5" otherwise.
QString seconds(std::chrono::milliseconds duration)
{
    return QString::number(double(duration.count()) / 1000.0, 'g', 4);
}

} // namespace

HttpTransfer::HttpTransfer(const DownloadItem &item, NetworkPool *pool, const TargetServices &services,
                           const HttpSettings &settings, RateLimiter *limiter, QObject *parent)
    : Transfer(parent)
    , m_item(item)
    , m_pool(pool)
    , m_settings(settings)
    , m_target(item, services)
{
    if (limiter)
        m_rate = limiter->join(item.id, [this] { onReadyRead(); });
    m_connectTimer.setSingleShot(true);
    m_connectTimer.setInterval(m_settings.connectTimeout);
    m_stallTimer.setSingleShot(true);
    m_stallTimer.setInterval(m_settings.stallTimeout);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] { onTimeout(TimeoutKind::Connect); });
    connect(&m_stallTimer, &QTimer::timeout, this, [this] { onTimeout(TimeoutKind::Stall); });
    connect(&m_target, &DownloadTarget::wrote, this, &HttpTransfer::onWrote);
}

HttpTransfer::~HttpTransfer()
{
    releaseReply();
}

void HttpTransfer::start()
{
    Q_ASSERT(m_phase == Phase::Idle);
    m_resumePoint = m_target.resumeOffset(m_item.bytesReceived);
    m_requestedOffset = ResponseJudge::rangeStartFor(m_resumePoint);
    m_previousHop = m_item.url;
    sendRequest(m_item.url);
}

void HttpTransfer::sendRequest(const QUrl &url)
{
    QNetworkRequest request(url);
    // Exact bytes, so Content-Length and Range offsets mean what they say (Qt would otherwise decompress).
    request.setRawHeader("Accept-Encoding", "identity");
    request.setRawHeader("User-Agent", m_settings.userAgent);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setMaximumRedirectsAllowed(qMax(0, m_settings.maxRedirects - m_redirects));
    if (m_requestedOffset > 0) {
        request.setRawHeader("Range", "bytes=" + QByteArray::number(m_requestedOffset) + '-');
        // A weak ETag must not be used for a range; a date is the next best validator.
        if (HeaderValue::isStrongEtag(m_item.etag))
            request.setRawHeader("If-Range", m_item.etag);
        else if (!m_item.lastModified.isEmpty())
            request.setRawHeader("If-Range", m_item.lastModified);
    }

    m_manager = m_pool->acquire();
    // Per manager, not per request (Qt has no per-request proxy); every transfer sets it before its
    // get(), so a changed setting applies to the next attempts of a shared manager too.
    m_manager->setProxy(m_settings.useSystemProxy ? QNetworkProxy(QNetworkProxy::DefaultProxy)
                                                  : QNetworkProxy(QNetworkProxy::NoProxy));
    m_reply = m_manager->get(request);
    // Right after get(): Qt reads this before returning to the event loop.
    m_reply->setReadBufferSize(m_settings.readBufferSize);
    m_phase = Phase::WaitingForHeaders;
    watchReply();
    m_connectTimer.start();
}

void HttpTransfer::adopt(QNetworkAccessManager *manager, QNetworkReply *reply)
{
    Q_ASSERT(m_phase == Phase::Idle && m_item.bytesReceived == 0);
    m_manager = manager;
    m_reply = reply;
    m_askedFromZero = true;
    // A segment's read buffer is smaller (SegmentStream); this is the whole download now.
    m_reply->setReadBufferSize(m_settings.readBufferSize);
    m_previousHop = reply->url();
    m_phase = Phase::WaitingForHeaders;
    watchReply();
    // Its signals so far went to the one who sent it: what they said is taken up here, in their order.
    onMetaDataChanged();
    if (m_reply && m_reply->bytesAvailable() > 0)
        onReadyRead();
    if (m_reply && m_reply->isFinished())
        onReplyFinished();
}

void HttpTransfer::watchReply()
{
    connect(m_reply, &QNetworkReply::redirected, this, &HttpTransfer::onRedirected);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &HttpTransfer::onMetaDataChanged);
    connect(m_reply, &QNetworkReply::readyRead, this, [this] { onReadyRead(); });
    connect(m_reply, &QNetworkReply::finished, this, &HttpTransfer::onReplyFinished);
    connect(m_reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        // Never ignored: the handshake fails and the reason reaches the row.
        for (const QSslError &error : errors)
            m_sslErrors.append(error.errorString());
    });
}

void HttpTransfer::stop()
{
    if (m_phase == Phase::Done || m_phase == Phase::Verifying)
        return;
    m_stopRequested = true;
    if (m_reply && m_reply->isRunning()) {
        onReadyRead(ReadMode::Everything);   // abort() drops unread data; keep every byte that already arrived
        // Writing may have failed (disk full) and completed the transfer already.
        if (m_phase != Phase::Done && m_reply)
            m_reply->abort();
    } else {
        TransferError error;
        error.kind = ErrorKind::Canceled;
        fail(error);
    }
}

void HttpTransfer::onRedirected(const QUrl &target)
{
    ++m_redirects;
    const QString scheme = target.scheme().toLower();
    TransferError error;
    error.kind = ErrorKind::Redirect;
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https")) {
        error.message = tr("The server redirected to “%1”, which is not a web address. Quiver only follows "
                           "http and https redirects.")
                            .arg(cleanForDisplay(target.toDisplayString(QUrl::RemoveUserInfo)));
        fail(error);
        return;
    }
    // Qt's policy refuses this too; checking here keeps the rule ours and the message clear.
    if (m_previousHop.scheme() == QLatin1String("https") && scheme == QLatin1String("http")) {
        error.message = tr("The secure link redirects to an insecure address (%1). Quiver does not follow "
                           "https links to http.")
                            .arg(cleanForDisplay(target.toDisplayString(QUrl::RemoveUserInfo)));
        fail(error);
        return;
    }
    m_previousHop = target;
    m_connectTimer.start();   // each hop gets the full time to answer
}

void HttpTransfer::onMetaDataChanged()
{
    if (m_phase == Phase::Receiving && m_reply) {
        // Qt re-sent the request under us (it does so on some early closes) and a new answer begins:
        // its bytes must not be appended to the ones already written. End this attempt; the next one
        // continues from what is on disk.
        TransferError error;
        error.kind = ErrorKind::Network;
        error.message = tr("The connection was interrupted and re-opened mid-file. Quiver will continue from "
                           "the bytes already saved.");
        fail(error);
        return;
    }
    if (m_phase != Phase::WaitingForHeaders || !m_reply)
        return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status < 200)
        return;   // Qt reports an interim state between redirect hops; the real answer follows
    const QByteArray location = m_reply->rawHeader("Location");
    if (status >= 300 && status < 400 && !location.isEmpty()) {
        // Qt 6.4 at times hands over a hop's headers a second time after following it, and then merges
        // them into the next answer's: the hop's Content-Disposition, Content-Length or Set-Cookie would
        // pass for the final server's. A hop that points at where the reply already is, is that replay;
        // the target is asked afresh instead.
        // It costs a request like a hop, and a server redirecting to itself looks the same: it counts
        // towards the limit.
        const QUrl target = m_reply->url();
        if (m_redirects > 0 && target.resolved(QUrl(QString::fromUtf8(location))) == target) {
            if (++m_redirects > m_settings.maxRedirects) {
                TransferError error;
                error.kind = ErrorKind::Redirect;
                error.message = tr("The link redirects too many times (more than %1); it probably loops. Check the link.")
                                    .arg(m_settings.maxRedirects);
                fail(error);
                return;
            }
            releaseReply();
            sendRequest(target);
        }
        return;   // a hop: redirected() decides, or Qt ends the reply with the reason it refused it
    }
    m_connectTimer.stop();
    acceptResponse();
}

bool HttpTransfer::acceptResponse()
{
    const QNetworkReply &reply = *m_reply;
    ResponseHead head;
    head.status = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    head.reasonPhrase = reply.attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
    head.contentRange = reply.rawHeader("Content-Range");
    head.contentType = reply.rawHeader("Content-Type");
    head.contentEncoding = reply.rawHeader("Content-Encoding");
    bool lengthKnown = false;
    const qint64 length = reply.header(QNetworkRequest::ContentLengthHeader).toLongLong(&lengthKnown);
    head.contentLength = lengthKnown && length >= 0 ? length : -1;
    head.etag = reply.rawHeader("ETag");
    head.lastModified = reply.rawHeader("Last-Modified");
    head.retryAfter = reply.rawHeader("Retry-After");
    const ResponseVerdict verdict = ResponseJudge::judge(head, m_item, m_requestedOffset, QDateTime::currentDateTimeUtc(),
                                                         m_askedFromZero);

    switch (verdict.action) {
    case ResponseVerdict::Action::Refuse:
        fail(verdict.error);
        return false;
    case ResponseVerdict::Action::DrainThenFail:
        // onReadyRead() gives up on a page that goes on too long.
        m_pendingError = verdict.error;
        m_stallTimer.start();
        return false;
    case ResponseVerdict::Action::AlreadyComplete:
        m_discardBody = true;
        break;
    case ResponseVerdict::Action::Write:
        break;
    }
    m_bodyEnd = verdict.bodyEnd;
    m_total = verdict.total;
    m_etag = verdict.etag;
    m_lastModified = verdict.lastModified;

    PartWriter::Start start;
    start.offset = verdict.offset;
    // A body continuing the .part begins with bytes it already holds: they are compared, not written.
    start.keepUpTo = verdict.action == ResponseVerdict::Action::Write && verdict.offset > 0 ? m_resumePoint : verdict.offset;
    // As the item will keep them (emitFinished()): a 206 that did not repeat its validators keeps the old.
    const bool freshBody = verdict.offset == 0;
    start.origin.etag = freshBody || !m_etag.isEmpty() ? m_etag : m_item.etag;
    start.origin.lastModified = freshBody || !m_lastModified.isEmpty() ? m_lastModified : m_item.lastModified;
    start.origin.total = m_total;
    const TransferError error = m_target.open(start, reply.rawHeader("Content-Disposition"));
    if (error.isError()) {
        fail(error);
        return false;
    }
    m_queuedEnd = verdict.offset;
    m_acceptedOffset = verdict.offset;
    // Receiving before anyone hears of it: a handler of started() may stop this transfer at once.
    m_phase = Phase::Receiving;
    m_stallTimer.start();
    // Bytes compared at the start are not new: the file continues where it held what it trusted.
    emit started(TransferStart{m_target.fileName(), qMax(start.offset, start.keepUpTo), m_total, m_etag, m_lastModified, {}});
    return m_phase == Phase::Receiving;
}

void HttpTransfer::onReadyRead(ReadMode mode)
{
    if (!m_reply)
        return;
    if (m_phase != Phase::Receiving || m_pendingError.isError() || m_discardBody) {
        // An error page is never saved; past a sane size it is not worth reading either.
        m_skippedBytes += m_reply->skip(m_reply->bytesAvailable());
        if (m_pendingError.isError() && m_skippedBytes > maxErrorPageBytes)
            fail(m_pendingError);
        else if (m_pendingError.isError())
            m_stallTimer.start();
        return;
    }
    if (m_target.hasWriteFailed()) {
        onWrote();
        return;
    }
    m_stallTimer.start();
    if (mode == ReadMode::UpToHighWater && m_target.pendingBytes() >= writeHighWater)
        return;   // onWrote() reads on
    // A stop or a timeout keeps every byte that arrived; otherwise the rate limit has its say once per
    // pass, and a reader with more to read queues behind the others.
    qint64 allowed = mode == ReadMode::Everything || !m_rate ? std::numeric_limits<qint64>::max()
                                                             : m_rate->grant(m_reply->bytesAvailable());
    const qint64 chunkSize = m_settings.readChunkSize();
    while (allowed > 0 && m_reply->bytesAvailable() > 0
           && (mode == ReadMode::Everything || m_target.pendingBytes() < writeHighWater)) {
        // No more than is there: read(n) allocates n and keeps it, so a 1 KiB body held 256 KiB until its
        // writer was done with it (8 MiB for 16 small downloads at once).
        QByteArray chunk = m_reply->read(std::min({chunkSize, m_reply->bytesAvailable(), allowed}));
        if (chunk.isEmpty())
            break;
        allowed -= chunk.size();
        const bool overflow = m_bodyEnd >= 0 && m_queuedEnd + chunk.size() > m_bodyEnd;
        if (overflow)
            chunk.truncate(m_bodyEnd - m_queuedEnd);
        m_queuedEnd += chunk.size();
        m_target.write(std::move(chunk));
        if (overflow) {
            TransferError error;
            error.kind = ErrorKind::Protocol;
            error.message = tr("The server sent more data than it announced. Quiver kept only the announced "
                               "%1 and will check the file again.").arg(Units::bytes(m_bodyEnd));
            fail(error);
            return;
        }
    }
    if (allowed == 0 && m_reply->bytesAvailable() > 0)
        m_rate->waitForTokens();
    else if (m_endDeferred && m_reply->bytesAvailable() == 0)
        onReplyFinished();
}

// The disk thread made progress: report it, and read on if reading paused for the disk to catch up.
void HttpTransfer::onWrote()
{
    if (m_target.hasWriteFailed()) {
        if (m_phase == Phase::Receiving)
            fail(m_target.writeError());
        return;
    }
    if (m_phase != Phase::Receiving)
        return;
    emit progress(m_target.bytesWritten(), m_total);
    if (!m_reply)
        return;
    // A slow disk is not a stalled server: the server only waits for us.
    m_stallTimer.start();
    if (m_reply->bytesAvailable() > 0)
        onReadyRead();
}

void HttpTransfer::onTimeout(TimeoutKind kind)
{
    if (!m_reply || !m_reply->isRunning())
        return;
    if (kind == TimeoutKind::Stall && m_rate && m_rate->isWaiting()) {
        m_stallTimer.start();   // the rate limit holds the reading back, not the server
        return;
    }
    m_timedOut = kind;
    if (m_phase == Phase::Receiving)
        onReadyRead(ReadMode::Everything);
    if (m_phase != Phase::Done && m_reply)
        m_reply->abort();
}

void HttpTransfer::onReplyFinished()
{
    if (m_phase == Phase::Done || m_phase == Phase::Verifying)
        return;
    const bool clean = !m_pendingError.isError() && m_timedOut == TimeoutKind::None && !m_stopRequested;
    if (m_phase == Phase::Receiving && clean && m_rate && m_rate->isLimited() && m_reply->bytesAvailable() > 0) {
        // The last bytes (up to a read buffer's worth) are read at the limited rate too; the reply keeps
        // them meanwhile, and the last read comes back here.
        m_endDeferred = true;
        m_stallTimer.start();
        onReadyRead();
        return;
    }
    m_endDeferred = false;
    if (m_phase == Phase::Receiving && clean)
        onReadyRead(ReadMode::Everything);
    m_connectTimer.stop();
    m_stallTimer.stop();
    if (m_phase == Phase::Done)
        return;   // draining failed and already completed

    TransferError error = m_pendingError;
    if (m_stopRequested) {
        // The user's stop wins over whatever the server was saying at that moment.
        error = {};
        error.kind = ErrorKind::Canceled;
    } else if (!error.isError() && m_timedOut != TimeoutKind::None) {
        error.kind = ErrorKind::Timeout;
        error.message = m_timedOut == TimeoutKind::Connect
            ? tr("No response from %1 within %2 s.").arg(m_item.url.host()).arg(seconds(m_settings.connectTimeout))
            : tr("No data for %1 s.").arg(seconds(m_settings.stallTimeout));
    } else if (!error.isError() && m_phase == Phase::WaitingForHeaders) {
        // No acceptable headers ever arrived: let the reply's own error speak, or judge the status now.
        if (m_reply->error() == QNetworkReply::NoError && acceptResponse()) {
            onReadyRead(ReadMode::Everything);
            if (m_phase == Phase::Receiving)
                finishBody();
            return;
        }
        if (m_phase == Phase::Done)
            return;
        error = m_pendingError.isError() ? m_pendingError : errorFromReply();
    } else if (!error.isError() && m_reply->error() != QNetworkReply::NoError) {
        const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        // A 416 we accepted as "already complete" arrives as an error reply too.
        if (!(status == 416 && m_discardBody))
            error = errorFromReply();
    }
    if (error.isError()) {
        m_pendingError = {};
        fail(error);
        return;
    }
    finishBody();
}

TransferError HttpTransfer::errorFromReply() const
{
    ReplyError::Context context;
    context.host = m_item.url.host();
    context.bytesReceived = m_acceptedOffset >= 0 ? m_queuedEnd : 0;
    context.maxRedirects = m_settings.maxRedirects;
    context.sslErrors = m_sslErrors;
    return ReplyError::describe(*m_reply, context);
}

void HttpTransfer::finishBody()
{
    const qint64 size = m_queuedEnd;
    if (m_bodyEnd >= 0 && size < m_bodyEnd) {
        TransferError error;
        error.kind = ErrorKind::Network;
        error.message = tr("The connection ended after %1 of %2.")
                            .arg(Units::bytes(size), Units::bytes(m_bodyEnd));
        fail(error);
        return;
    }
    if (m_total >= 0 && size != m_total) {
        // A server that caps each range (or sent a 206 nobody asked for) gave us only a piece: the next
        // attempt asks for the rest.
        TransferError error;
        error.kind = ErrorKind::Network;
        error.message = tr("The server sent the file only up to %1 of %2.").arg(Units::bytes(size), Units::bytes(m_total));
        fail(error);
        return;
    }
    if (m_total < 0)
        m_total = size;   // close-delimited or chunked: the length is what arrived in full
    verifyAndCommit();
}

void HttpTransfer::verifyAndCommit()
{
    m_phase = Phase::Verifying;
    releaseReply();
    emit verifying();
    m_target.finish([this](const TransferError &error) {
        if (error.isError())
            fail(error);
        else
            succeed();
    });
}

void HttpTransfer::fail(TransferError error)
{
    if (m_phase == Phase::Done)
        return;
    if (m_reply && m_reply->isRunning()) {
        // abort() finishes the reply synchronously; onReplyFinished() completes with this error.
        m_pendingError = error;
        m_reply->abort();
        return;
    }
    TransferResult result;
    result.error = error;
    complete(result);
}

void HttpTransfer::succeed()
{
    TransferResult result;
    result.note = m_target.verifiedNote();
    complete(result);
}

void HttpTransfer::complete(TransferResult result)
{
    if (m_phase == Phase::Done)
        return;
    m_phase = Phase::Done;
    m_connectTimer.stop();
    m_stallTimer.stop();
    m_rate.reset();
    releaseReply();
    // What the result says is on disk must be on disk: the next attempt continues from it.
    m_target.whenWritten([this, result]() mutable { emitFinished(std::move(result)); });
}

void HttpTransfer::emitFinished(TransferResult result)
{
    result.bytesOnDisk = m_target.sizeOnDisk();
    if (!result.error.isError())
        result.bytesOnDisk = m_total >= 0 ? m_total : result.bytesOnDisk;
    result.bytesTotal = m_total;
    result.fileName = m_target.fileName();
    if (const std::optional<PartOrigin> &found = m_target.foundPart()) {
        // What the found .part records, for the attempt that continues it.
        result.bytesTotal = found->total;
        result.etag = found->etag;
        result.lastModified = found->lastModified;
        m_target.close();
        emit finished(result);
        return;
    }
    // After a fresh body from byte 0 the old validators describe another version of the file: keep the
    // new ones even when the server sent none. A 206 that did not repeat them keeps the old ones.
    const bool freshBody = m_acceptedOffset == 0;
    result.etag = freshBody || !m_etag.isEmpty() ? m_etag : m_item.etag;
    result.lastModified = freshBody || !m_lastModified.isEmpty() ? m_lastModified : m_item.lastModified;
    m_target.close();
    emit finished(result);
}

void HttpTransfer::releaseReply()
{
    m_pool->release(m_manager, m_reply, this);
}

} // namespace Quiver
