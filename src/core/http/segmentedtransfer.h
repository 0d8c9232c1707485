#pragma once

#include "disk/downloadtarget.h"
#include "http/httptransfer.h"
#include "http/segmentstream.h"
#include "queue/transfer.h"
#include "util/byteranges.h"

#include <QElapsedTimer>
#include <QTimer>

#include <deque>
#include <memory>
#include <vector>

namespace Quiver {

class NetworkPool;

// One download served by several ranged connections that write into one .part at their own offsets.
//
// A fresh download first asks for "bytes=0-": only a 206 with a Content-Range total and a validator, for
// a file large enough that two pieces of the minimum size fit, goes on in segments, the probe reading on
// as the first of them; any other answer is handed, unread, to one HttpTransfer that judges and reads it
// as if segments had never been asked for. Either way no byte is asked for twice. Once segmented, every further
// range carries If-Range, and any answer that is not exactly the range asked for of the same entity
// ends the segments: the download goes on as one stream from the bytes before the first hole (the
// If-Range of that stream restarts it from zero when the file itself changed), and the row says why.
//
// When a connection ends, it takes the largest range nobody works on, or else half of the largest range
// still running (work stealing). A connection that fails is tried again on its own after a backoff; the
// download fails only when no connection can make progress any more. The byte ranges on disk are the
// item's backend record ({"ranges": [[begin, end], ...]}), so a restart continues every one of them;
// each range continued after a restart first asks again for a little of the bytes before it and compares
// them with the file (as one stream's resume does), and bytes that differ start the download over.
//
// Its first connection is the attempt's; every further one is lent by the scheduler (addConnections()),
// which keeps the connection caps, and goes back as it ends. With none lent it runs as one stream.
class SegmentedTransfer final : public Transfer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SegmentedTransfer)

public:
    // limiter (may be null: no limit) paces every connection's reads, as this download's.
    SegmentedTransfer(const DownloadItem &item, NetworkPool *pool, const TargetServices &services,
                      const HttpSettings &settings, RateLimiter *limiter, QObject *parent = nullptr);
    ~SegmentedTransfer() override;

    void start() override;
    void stop() override;
    int connectionsWanted() const override;
    int addConnections(int count) override;
    void reclaimConnection() override;

    // The user gave this download another number of connections while it runs. More: it wants more
    // (connectionsWantedChanged), and the scheduler lends them as the caps leave room; each starts on the
    // largest missing range (or half of a running one). Fewer: the connections started last stop at once
    // and go back to the scheduler (connectionsReturned); every byte they handed to the disk stays
    // recorded, and the rest of their ranges is taken by the others as they come free. Nothing on disk is
    // fetched again. Before the segments run (the first answer is awaited) the count simply applies when
    // they do. False when the download went on as one stream: only its next attempt can use another count.
    bool setConnections(int count);

    // The byte ranges a segmented attempt left on disk (clipped to the .part's size); nothing for an item
    // without them.
    static std::optional<ByteRanges> recordedRanges(const DownloadItem &item);
    // The item as one stream continues it: from the bytes before the first hole.
    static DownloadItem asOneStream(const DownloadItem &item);

private:
    enum class Phase { Idle, Probing, Running, Settling, Verifying, Delegated, Done };
    enum class Ending { None, Stop, Fail, Fallback, Complete };

    void onProbed(SegmentStream *probe, const SegmentProbe &answer);
    void beginSegments(SegmentStream *probe);
    void fillConnections();
    bool launchOne();
    bool hasWorkToShare() const;
    void returnSpareConnections();
    // How many connections this download would use at most: the item's own count, or else the global one
    // (HttpBackend::segmentsFor puts it in the settings), or what setConnections() gave it since.
    int desiredConnections() const { return m_settings.segments; }
    void dropNewestStream();
    SegmentStream *launch(ByteRange range);
    void onStreamEnded(SegmentStream *stream, SegmentStream::Outcome outcome, const TransferError &error);
    void onWrote();
    void record(bool now);
    QJsonObject state() const;
    void endAll(Ending ending, TransferError error = {});
    void settle();
    // With answer: the probe's reply, which the one stream reads on instead of asking again.
    void delegate(DownloadItem item, const QString &note, SegmentStream::Answer answer = {});
    void emitFinished(TransferError error);
    SegmentMap map() const;
    void publishMap();
    int connectionCount() const { return int(m_streams.size()) + (m_retryTimer.isActive() ? 1 : 0); }

    DownloadItem m_item;
    NetworkPool *m_pool;
    RateLimiter *m_limiter;
    TargetServices m_services;
    HttpSettings m_settings;
    std::unique_ptr<DownloadTarget> m_target;
    std::unique_ptr<Transfer> m_delegate;
    std::vector<SegmentStream *> m_streams;
    QUrl m_url;                     // where the probe ended up after redirects
    SegmentEntity m_entity;
    ByteRanges m_done;              // on disk
    ByteRanges m_queued;            // handed to the writer (on disk or on the way)
    QList<qint64> m_unverified;     // where recorded ranges end: continued only after an overlap compared
    std::deque<std::pair<qint64, ByteRange>> m_inFlight;   // writer's running total when each lands, range
    qint64 m_queuedTotal = 0;
    Phase m_phase = Phase::Idle;
    Ending m_ending = Ending::None;
    TransferError m_endError;
    QString m_fallbackWhy;
    int m_slots = 1;                // connections held: the attempt's own and the ones lent
    int m_failuresWithoutProgress = 0;
    qint64 m_doneAtLastFailure = -1;
    QTimer m_retryTimer;
    QTimer m_mapTimer;              // coalesces segmentsChanged(): at most one per interval
    QElapsedTimer m_sinceRecord;
};

} // namespace Quiver
