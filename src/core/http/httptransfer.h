#pragma once

#include "disk/downloadtarget.h"
#include "http/ratelimiter.h"
#include "queue/transfer.h"

#include <QPointer>
#include <QTimer>

#include <chrono>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class QSslError;

namespace Quiver {

class FileRemover;
class NameRegistry;
class NetworkPool;

struct HttpSettings {
    std::chrono::milliseconds connectTimeout{30000};   // dispatch (or a redirect hop) until response headers
    std::chrono::milliseconds stallTimeout{30000};   // no body bytes for this long
    int maxRedirects = 10;
    // Bounds what Qt holds for us per reply, and the size of each block its network thread reads from
    // the socket and hands over. Every block costs both threads a round of wake-ups: at 128 KiB that was
    // most of the CPU time of a 1 GiB download, at 512 KiB it costs about as much CPU as curl (bench/README.md,
    // "The write path"); larger blocks no longer fit the caches and cost more again. 16 replies at full
    // speed hold at most 8 MiB.
    qint64 readBufferSize = 512 * 1024;
    // The most read from a reply at once: a whole block. QIODevice::read() hands a block on without
    // copying it when asked for exactly its size, which is what is there when Qt handed over one block.
    qint64 readChunkSize() const { return readBufferSize > 0 ? readBufferSize : 1024 * 1024; }
    QByteArray userAgent = "Quiver/0.1";
    // Connections per download (SegmentedTransfer when above 1), and the smallest piece one of them gets.
    int segments = 1;
    qint64 minSegmentSize = 1024 * 1024;
    // Failures of a download's connections in a row without a byte of progress before the attempt fails.
    int segmentRetries = 5;
    // The system's proxy settings (libproxy: http_proxy and the like, the desktop's settings, PAC), as
    // quiver's and quiver-cli's main() set up; false connects straight to every server whatever they say.
    bool useSystemProxy = true;
};

// One HTTP GET for one download: asks for the rest of the .part with Range/If-Range, lets ResponseJudge
// decide whether the answer really continues it, streams the body to the DownloadTarget, and on success
// checks the length and has the target verify and rename the file. This class is the reply's plumbing:
// redirects, timeouts, reading at the disk's pace, and turning how the reply ended into a result.
class HttpTransfer final : public Transfer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpTransfer)

public:
    // limiter (may be null: no limit) decides how fast the body is read.
    HttpTransfer(const DownloadItem &item, NetworkPool *pool, const TargetServices &services,
                 const HttpSettings &settings, RateLimiter *limiter, QObject *parent = nullptr);
    ~HttpTransfer() override;

    void start() override;
    // Instead of start(), for a download with nothing on disk: reply (from manager, taken from the pool)
    // answers a request for "bytes=0-" that another sent (a segmented download's first answer that is not
    // worth splitting), its head has arrived and none of its body has been read. It is judged and read as
    // this transfer's own answer, so the file costs no second request.
    void adopt(QNetworkAccessManager *manager, QNetworkReply *reply);
    void stop() override;

private:
    enum class Phase { Idle, WaitingForHeaders, Receiving, Verifying, Done };
    enum class TimeoutKind { None, Connect, Stall };

    void sendRequest(const QUrl &url);      // the first request, or a hop asked afresh
    void watchReply();
    void onRedirected(const QUrl &target);
    void onMetaDataChanged();
    enum class ReadMode { UpToHighWater, Everything };
    void onReadyRead(ReadMode mode = ReadMode::UpToHighWater);
    void onWrote();
    void onReplyFinished();
    void onTimeout(TimeoutKind kind);

    bool acceptResponse();                  // decides whether and where the body goes
    void finishBody();                      // the reply ended cleanly: check the length, then verify
    void verifyAndCommit();
    void fail(TransferError error);
    void succeed();
    void complete(TransferResult result);
    void emitFinished(TransferResult result);
    void releaseReply();
    TransferError errorFromReply() const;

    DownloadItem m_item;
    NetworkPool *m_pool = nullptr;
    HttpSettings m_settings;
    DownloadTarget m_target;
    std::unique_ptr<RateLimiter::Reader> m_rate;   // while the body is read

    QNetworkAccessManager *m_manager = nullptr;
    QPointer<QNetworkReply> m_reply;
    QTimer m_connectTimer;
    QTimer m_stallTimer;
    QStringList m_sslErrors;

    Phase m_phase = Phase::Idle;
    TimeoutKind m_timedOut = TimeoutKind::None;
    TransferError m_pendingError;           // decided while the reply was still running
    bool m_stopRequested = false;
    bool m_discardBody = false;             // a 416 confirming the .part is already complete
    bool m_endDeferred = false;             // the reply ended, but its last bytes wait for the rate limit
    int m_redirects = 0;
    qint64 m_skippedBytes = 0;
    qint64 m_resumePoint = 0;               // the .part's trusted bytes: where this attempt continues
    qint64 m_requestedOffset = 0;           // what the Range header asked for (a little before that)
    qint64 m_acceptedOffset = -1;           // where the accepted response continues; -1 before one
    bool m_askedFromZero = false;           // the request sent "Range: bytes=0-" (an adopted answer's)
    QUrl m_previousHop;
    qint64 m_queuedEnd = 0;                 // file size once every byte handed to the target is written
    qint64 m_bodyEnd = -1;                  // file size once this body is complete; -1 if unknown
    qint64 m_total = -1;                    // whole file size; -1 if unknown
    QByteArray m_etag;
    QByteArray m_lastModified;
};

} // namespace Quiver
