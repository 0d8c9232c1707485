#pragma once

#include "http/httptransfer.h"
#include "http/ratelimiter.h"
#include "queue/transfererror.h"
#include "util/byteranges.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace Quiver {

class DownloadTarget;
class NetworkPool;

// The entity a segmented download fetches: every range must come from this one.
struct SegmentEntity {
    qint64 total = -1;
    QByteArray etag;           // strong, or empty
    QByteArray lastModified;
    QByteArray ifRange() const { return etag.isEmpty() ? lastModified : etag; }
};

// What a probe's answer (the first range request, "bytes=0-") says about the entity. Any final answer is
// one, an error page too: whoever does not split it reads it as one stream.
struct SegmentProbe {
    bool servesRanges = false;   // 206 for bytes 0- with a Content-Range total and a validator, identity
    SegmentEntity entity;
    QByteArray contentDisposition;
};

// One ranged GET of a segmented download: asks for [position, end) with If-Range, checks that the answer
// is exactly that part of the same entity, and writes the body at its offsets into the download's target.
// The end can move closer while it runs (another connection took the rest). It never decides about the
// download: it ends Done, Failed (the connection's fault: retry the range) or Mismatch (the server does
// not serve this entity in ranges any more: no range may be mixed in).
class SegmentStream final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SegmentStream)

public:
    enum class Outcome { Done, Failed, Mismatch };

    // entity.total < 0 makes this the probe: it asks for "bytes=0-" and waits in probed() for the owner
    // to accept() or drop it. The body is read through limiter (may be null: no limit) as download id's.
    SegmentStream(NetworkPool *pool, const HttpSettings &settings, const QUrl &url, const SegmentEntity &entity,
                  ByteRange range, RateLimiter *limiter, DownloadId id, QObject *parent = nullptr);
    ~SegmentStream() override;

    void start();
    // The probe continues as a segment of the accepted entity, its body written into target.
    void accept(const SegmentEntity &entity, qint64 end);
    void setTarget(DownloadTarget *target) { m_target = target; }
    // The bytes before offset are on disk already: they are compared with the file, not written (the
    // overlap that proves a resumed range continues the same bytes). Before start().
    void compareBefore(qint64 offset) { m_compareUntil = offset; }
    qint64 compareUntil() const { return m_compareUntil; }
    // Stops at once; nothing more is written and ended() is not emitted.
    void abandon();
    // The probe's answer, whose head has arrived and whose body nobody has read yet, goes to whoever
    // continues it (HttpTransfer::adopt()); this stream then ends as abandon() does. The manager is still
    // counted as in use in the pool: the new owner releases it with the reply.
    struct Answer {
        QNetworkAccessManager *manager = nullptr;
        QNetworkReply *reply = nullptr;
    };
    Answer handOver();

    qint64 position() const { return m_position; }   // the next byte to write
    qint64 end() const { return m_end; }
    // Shortens the range (never extends it); a stream at its new end is done.
    void setEnd(qint64 end);
    // Reads what waits, when the disk has caught up.
    void readMore();
    QUrl finalUrl() const { return m_finalUrl; }

signals:
    void probed(const Quiver::SegmentProbe &probe);
    void wroteRange(Quiver::ByteRange range);   // handed to the target, not yet on disk
    void ended(Quiver::SegmentStream::Outcome outcome, const Quiver::TransferError &error);

private:
    void onHead();
    void onReadyRead();
    void onFinished();
    void readBody();
    void onTimeout(bool stalled);
    bool checkRange(const SegmentProbe &probe, QString *why) const;
    void endWith(Outcome outcome, TransferError error = {});
    void releaseReply();

    NetworkPool *m_pool;
    HttpSettings m_settings;
    QUrl m_url;
    QUrl m_finalUrl;
    SegmentEntity m_entity;
    DownloadTarget *m_target = nullptr;
    QNetworkAccessManager *m_manager = nullptr;
    QPointer<QNetworkReply> m_reply;
    std::unique_ptr<RateLimiter::Reader> m_rate;
    QTimer m_connectTimer;
    QTimer m_stallTimer;
    qint64 m_position = 0;
    qint64 m_end = 0;
    qint64 m_requestedEnd = 0;   // what the request asked for; the end may move closer meanwhile
    qint64 m_compareUntil = 0;
    bool m_endDeferred = false;  // the reply ended, but its last bytes wait for the rate limit or the disk
    bool m_headSeen = false;
    bool m_accepted = false;
    bool m_ended = false;
    bool m_timedOut = false;
    bool m_stalled = false;
};

} // namespace Quiver

Q_DECLARE_METATYPE(Quiver::SegmentProbe)
