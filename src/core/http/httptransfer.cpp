#include "http/httptransfer.h"

#include "http/contentrange.h"
#include "links/filenames.h"
#include "queue/linkchange.h"
#include "queue/nameregistry.h"
#include "disk/partfinisher.h"
#include "http/replyerror.h"
#include "http/networkpool.h"
#include "queue/retrypolicy.h"
#include "disk/targetfolder.h"
#include "util/units.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFuture>
#include <QFutureWatcher>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslError>

namespace Quiver {

namespace {
constexpr qint64 chunkSize = 256 * 1024;
// Reading pauses while this much waits for the disk; the socket then slows to the disk's pace.
constexpr qint64 writeHighWater = 4 * 1024 * 1024;
constexpr qint64 maxErrorPageBytes = 256 * 1024;

bool isStrongEtag(const QByteArray &etag)
{
    return !etag.isEmpty() && !etag.startsWith("W/");
}

// "30" for whole seconds, "0.5" otherwise.
QString seconds(std::chrono::milliseconds duration)
{
    return QString::number(double(duration.count()) / 1000.0, 'g', 4);
}

} // namespace

HttpTransfer::HttpTransfer(const DownloadItem &item, NetworkPool *pool, NameRegistry *names,
                           const HttpSettings &settings, QObject *parent)
    : Transfer(parent)
    , m_item(item)
    , m_pool(pool)
    , m_names(names)
    , m_settings(settings)
    , m_file(std::make_shared<PartFile>())
{
    m_connectTimer.setSingleShot(true);
    m_connectTimer.setInterval(m_settings.connectTimeout);
    m_stallTimer.setSingleShot(true);
    m_stallTimer.setInterval(m_settings.stallTimeout);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] { onTimeout(TimeoutKind::Connect); });
    connect(&m_stallTimer, &QTimer::timeout, this, [this] { onTimeout(TimeoutKind::Stall); });
    connect(&m_writer, &PartWriter::wrote, this, &HttpTransfer::onWrote);
}

HttpTransfer::~HttpTransfer()
{
    releaseReply();
}

void HttpTransfer::start()
{
    Q_ASSERT(m_phase == Phase::Idle);
    if (!m_item.fileName.isEmpty() && m_item.bytesReceived > 0) {
        // Continue only from bytes that are both recorded and on disk (a crash can leave either ahead).
        const qint64 onDisk = PartFile::existingSize(m_item.partPath());
        m_requestedOffset = onDisk < 0 ? 0 : qMin(onDisk, m_item.bytesReceived);
    }
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
        if (isStrongEtag(m_item.etag))
            request.setRawHeader("If-Range", m_item.etag);
        else if (!m_item.lastModified.isEmpty())
            request.setRawHeader("If-Range", m_item.lastModified);
    }

    m_manager = m_pool->acquire();
    m_reply = m_manager->get(request);
    // Right after get(): Qt reads this before returning to the event loop.
    m_reply->setReadBufferSize(m_settings.readBufferSize);
    m_phase = Phase::WaitingForHeaders;
    connect(m_reply, &QNetworkReply::redirected, this, &HttpTransfer::onRedirected);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &HttpTransfer::onMetaDataChanged);
    connect(m_reply, &QNetworkReply::readyRead, this, [this] { onReadyRead(); });
    connect(m_reply, &QNetworkReply::finished, this, &HttpTransfer::onReplyFinished);
    connect(m_reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        // Never ignored: the handshake fails and the reason reaches the row.
        for (const QSslError &error : errors)
            m_sslErrors.append(error.errorString());
    });
    m_connectTimer.start();
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

TransferError HttpTransfer::cannotResume(const QString &why) const
{
    TransferError error;
    error.kind = ErrorKind::Protocol;
    error.restartFromZero = true;
    error.message = tr("The server cannot continue the partial download (%1), so the next attempt starts from the beginning.").arg(why);
    return error;
}

bool HttpTransfer::acceptResponse()
{
    QNetworkReply &reply = *m_reply;
    const int status = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray encoding = reply.rawHeader("Content-Encoding").trimmed().toLower();
    qint64 offset = 0;

    if (status == 206) {
        const auto range = parseContentRange(reply.rawHeader("Content-Range"));
        if (!range || range->isUnsatisfied()) {
            fail(cannotResume(tr("its answer has no valid Content-Range")));
            return false;
        }
        if (range->first != m_requestedOffset) {
            fail(cannotResume(tr("it sent bytes from %1 when asked for %2").arg(range->first).arg(m_requestedOffset)));
            return false;
        }
        if (reply.header(QNetworkRequest::ContentTypeHeader).toString().startsWith(QLatin1String("multipart/"))
            || (!encoding.isEmpty() && encoding != "identity")) {
            fail(cannotResume(tr("it sent the part in a form that cannot be appended")));
            return false;
        }
        // A changed link must prove it serves the same file; If-Range alone trusts a server to honour it.
        if (m_item.linkChanged()) {
            const QString why = LinkChange::whyStartOver(
                m_item, LinkAnswer{true, range->total, reply.rawHeader("ETag"), reply.rawHeader("Last-Modified")});
            if (!why.isEmpty()) {
                fail(LinkChange::otherFile(why));
                return false;
            }
        }
        if (m_item.bytesTotal >= 0 && range->total >= 0 && range->total != m_item.bytesTotal) {
            fail(cannotResume(tr("the file on the server changed size")));
            return false;
        }
        offset = range->first;
        m_bodyEnd = range->last + 1;
        m_total = range->total >= 0 ? range->total : (m_item.bytesTotal >= 0 ? m_item.bytesTotal : -1);
    } else if (status == 416 && m_requestedOffset > 0) {
        const auto range = parseContentRange(reply.rawHeader("Content-Range"));
        if (m_item.linkChanged()) {
            // Only a 206 can prove a new link serves the same file (see linkchange.h).
            fail(LinkChange::otherFile(LinkChange::whyStartOver(
                m_item, LinkAnswer{false, range ? range->total : -1, reply.rawHeader("ETag"),
                                   reply.rawHeader("Last-Modified")})));
            return false;
        }
        if (range && range->isUnsatisfied() && range->total == m_requestedOffset
            && (m_item.bytesTotal < 0 || m_item.bytesTotal == range->total)) {
            // Everything is already on disk: a crash hit after the last byte but before the rename.
            // The 416's own body is an error page, never file content.
            offset = m_requestedOffset;
            m_discardBody = true;
            m_bodyEnd = m_total = range->total;
        } else {
            fail(cannotResume(tr("the file on the server is now smaller than the part already downloaded")));
            return false;
        }
    } else if (status >= 200 && status < 300 && status != 204) {
        // A 200 to a Range request: the server ignored it, or If-Range saw a new version. Start over.
        const QVariant length = reply.header(QNetworkRequest::ContentLengthHeader);
        bool known = false;
        const qint64 contentLength = length.toLongLong(&known);
        m_bodyEnd = m_total = (length.isValid() && known && contentLength >= 0) ? contentLength : -1;
    } else {
        TransferError error;
        error.kind = ErrorKind::HttpStatus;
        error.httpStatus = status;
        error.message = httpStatusMessage(status, reply.attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray());
        if (status == 429 || status == 503)
            error.retryAfter = parseRetryAfter(reply.rawHeader("Retry-After"), QDateTime::currentDateTimeUtc());
        // The error page is read and dropped rather than aborted: that keeps the connection reusable.
        // onReadyRead() gives up on a page that goes on too long.
        m_pendingError = error;
        m_stallTimer.start();
        return false;
    }

    m_etag = reply.rawHeader("ETag");
    m_lastModified = reply.rawHeader("Last-Modified");
    // Validators are sent back in If-Range and kept in the session: a control character (an escape
    // sequence, a line break) would make either refuse them, so such a value is no validator at all.
    const auto storable = [](const QByteArray &value, qsizetype limit) {
        return value.size() <= limit && std::none_of(value.begin(), value.end(), [](char c) {
                   return (c >= 0 && c < 0x20) || c == 0x7f;
               });
    };
    if (!storable(m_etag, 1024))
        m_etag.clear();
    if (!storable(m_lastModified, 128))
        m_lastModified.clear();
    return prepareFile(offset);
}

bool HttpTransfer::prepareFile(qint64 offset)
{
    TransferError error;
    error.kind = ErrorKind::LocalFile;
    error.message = TargetFolder::prepare(m_item.directory);
    if (!error.message.isEmpty()) {
        fail(error);
        return false;
    }
    if (m_item.fileName.isEmpty()) {
        // Only the final 2xx answer may name the file, and only inside the target folder.
        const QString name = FileNames::choose(m_reply->rawHeader("Content-Disposition"), m_item.url);
        const QString path = m_names->claim(m_item.directory, name);
        if (path.isEmpty()) {
            error.message = tr("Every variant of the name “%1” is already taken in “%2”. Choose another folder.")
                                .arg(name, m_item.directory);
            fail(error);
            return false;
        }
        m_item.fileName = QFileInfo(path).fileName();
    }
    if (!m_file->open(m_item.partPath(), offset) || m_file->size() != offset) {
        error.message = m_file->isOpen() ? tr("The partial file “%1” is shorter than recorded.").arg(m_item.fileName)
                                         : m_file->errorString();
        error.restartFromZero = m_file->isOpen();
        if (error.restartFromZero)
            error.kind = ErrorKind::Protocol;
        fail(error);
        return false;
    }
    m_writer.reset();
    m_received = offset;
    m_acceptedOffset = offset;
    // Receiving before anyone hears of it: a handler of started() may stop this transfer at once.
    m_phase = Phase::Receiving;
    m_stallTimer.start();
    emit started(TransferStart{m_item.fileName, offset, m_total, m_etag, m_lastModified});
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
    if (m_writer.hasFailed()) {
        onWrote();
        return;
    }
    m_stallTimer.start();
    while (m_reply->bytesAvailable() > 0
           && (mode == ReadMode::Everything || m_writer.pendingBytes() < writeHighWater)) {
        QByteArray chunk = m_reply->read(chunkSize);
        if (chunk.isEmpty())
            break;
        const bool overflow = m_bodyEnd >= 0 && m_received + chunk.size() > m_bodyEnd;
        if (overflow)
            chunk.truncate(m_bodyEnd - m_received);
        m_received += chunk.size();
        m_writer.append(std::move(chunk));
        if (overflow) {
            TransferError error;
            error.kind = ErrorKind::Protocol;
            error.message = tr("The server sent more data than it announced. Quiver kept only the announced "
                               "%1 and will check the file again.").arg(Units::bytes(m_bodyEnd));
            fail(error);
            return;
        }
    }
}

// The disk thread made progress: report it, and read on if reading paused for the disk to catch up.
void HttpTransfer::onWrote()
{
    if (m_writer.hasFailed()) {
        if (m_phase == Phase::Receiving) {
            TransferError error;
            error.kind = ErrorKind::LocalFile;
            error.message = m_writer.errorString();
            fail(error);
        }
        return;
    }
    if (m_phase != Phase::Receiving)
        return;
    emit progress(m_writer.bytesOnDisk(), m_total);
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
    context.bytesReceived = m_file->isOpen() ? m_received : 0;
    context.maxRedirects = m_settings.maxRedirects;
    context.sslErrors = m_sslErrors;
    return ReplyError::describe(*m_reply, context);
}

void HttpTransfer::finishBody()
{
    const qint64 size = m_received;
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
    // Every byte must be in the file before it is synced, hashed and renamed.
    m_writer.whenIdle([this] { startVerifyWorker(); });
}

void HttpTransfer::startVerifyWorker()
{
    if (m_writer.hasFailed()) {
        TransferError error;
        error.kind = ErrorKind::LocalFile;
        error.message = m_writer.errorString();
        fail(error);
        return;
    }
    // The watcher is our child, so a transfer removed meanwhile never hears back.
    auto *watcher = new QFutureWatcher<VerifyOutcome>(this);
    connect(watcher, &QFutureWatcher<VerifyOutcome>::finished, this, [this, watcher] {
        watcher->deleteLater();
        commit(watcher->result());
    });
    watcher->setFuture(finishPartFile(m_file, m_item.partPath(), m_item.targetPath(), m_item.sha256));
}

void HttpTransfer::commit(const VerifyOutcome &outcome)
{
    TransferError error;
    error.kind = ErrorKind::LocalFile;
    if (!outcome.synced) {
        error.message = outcome.error;
        fail(error);
        return;
    }
    if (!m_item.sha256.isEmpty() && outcome.sha256 != m_item.sha256) {
        error.kind = ErrorKind::Checksum;
        error.restartFromZero = true;
        error.message = tr("The file's SHA-256 is %1, but the link list expects %2. The download was kept as "
                           "“%3” and not given its final name.")
                            .arg(QString::fromLatin1(outcome.sha256.toHex()), QString::fromLatin1(m_item.sha256.toHex()),
                                 QFileInfo(m_item.partPath()).fileName());
        fail(error);
        return;
    }
    if (!outcome.committed && outcome.targetExists) {
        // Someone created the name while we downloaded: never replace it, take the next free one.
        const QString taken = m_item.targetPath();
        const QString other = m_names->claim(m_item.directory, m_item.fileName);
        if (!other.isEmpty() && m_file->commit(other)) {
            m_names->release(taken);
            m_item.fileName = QFileInfo(other).fileName();
            succeed();
            return;
        }
        m_names->release(other);
        error.message = m_file->errorString();
        fail(error);
        return;
    }
    if (!outcome.committed) {
        error.message = outcome.error;
        fail(error);
        return;
    }
    succeed();
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
    complete(TransferResult{});
}

void HttpTransfer::complete(TransferResult result)
{
    if (m_phase == Phase::Done)
        return;
    m_phase = Phase::Done;
    m_connectTimer.stop();
    m_stallTimer.stop();
    releaseReply();
    // What the result says is on disk must be on disk: the next attempt continues from it.
    m_writer.whenIdle([this, result]() mutable { emitFinished(std::move(result)); });
}

void HttpTransfer::emitFinished(TransferResult result)
{
    result.bytesOnDisk = m_file->isOpen() ? m_file->size()
                                          : qMax<qint64>(0, PartFile::existingSize(m_item.partPath()));
    if (!result.error.isError())
        result.bytesOnDisk = m_total >= 0 ? m_total : result.bytesOnDisk;
    result.bytesTotal = m_total;
    result.fileName = m_item.fileName;
    // After a fresh body from byte 0 the old validators describe another version of the file: keep the
    // new ones even when the server sent none. A 206 that did not repeat them keeps the old ones.
    const bool freshBody = m_acceptedOffset == 0;
    result.etag = freshBody || !m_etag.isEmpty() ? m_etag : m_item.etag;
    result.lastModified = freshBody || !m_lastModified.isEmpty() ? m_lastModified : m_item.lastModified;
    m_file->close();
    emit finished(result);
}

void HttpTransfer::releaseReply()
{
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        if (reply->isRunning())
            reply->abort();
        reply->deleteLater();
    }
    if (m_manager) {
        m_pool->release(m_manager);
        m_manager = nullptr;
    }
}

} // namespace Quiver
