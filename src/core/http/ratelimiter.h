#pragma once

#include "queue/downloaditem.h"
#include "util/tokenbucket.h"

#include <QHash>
#include <QSet>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <optional>

namespace Quiver {

// The download rate limit: one token bucket for all transfers together (the global limit) and one per
// download that has a limit of its own; a reader may take bytes only when both allow it.
//
// Readers take turns: each asks once per pass (grant()), reads at most what it got, and when there was
// more to read it queues (waitForTokens()) behind the others. Turns are per download: the connections of
// a segmented download take its one turn per pass in order, so it gets what any other download gets. When tokens refill, one timer wakes the
// waiting readers in order, so a fast connection never starves a slow one and nothing spins while the
// bucket is empty. A reader that does not read leaves its bytes in the socket: with a bounded read buffer
// on the reply, TCP slows the server down.
//
// The clock is injected so the arithmetic can be driven by a test; changes of a rate apply at once to
// every reader.
class RateLimiter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RateLimiter)

public:
    using Clock = std::function<TokenBucket::Time()>;
    static TokenBucket::Time steadyNow();

    explicit RateLimiter(Clock clock = &RateLimiter::steadyNow, QObject *parent = nullptr);
    ~RateLimiter() override;

    // Another clock from now on (tests drive a made-up one); the buckets start full on it.
    void setClock(Clock clock);

    // Bytes per second for all downloads together; 0: no limit.
    void setRate(qint64 bytesPerSecond);
    qint64 rate() const { return m_global.rate(); }
    // Bytes per second for one download, on top of the global limit; 0: none of its own.
    void setDownloadRate(DownloadId id, qint64 bytesPerSecond);
    qint64 downloadRate(DownloadId id) const;

    class Reader;
    // One transfer's turn-taking; wake is called (from the event loop) when it may read again after
    // waitForTokens(). The reader must not outlive this limiter.
    std::unique_ptr<Reader> join(DownloadId id, std::function<void()> wake);

    // Wakes the readers whose tokens have refilled: what the timer does. Public for tests driving a
    // made-up clock.
    void wakeReaders();
    // When the timer will wake the waiting readers; nothing when none waits (then no timer runs).
    std::optional<std::chrono::milliseconds> wakeInterval() const;

private:
    struct Entry;
    struct Limit {
        TokenBucket bucket;
    };

    qint64 grant(Entry *entry, qint64 wanted);
    void enqueue(Entry *entry);
    void leave(Entry *entry);
    qint64 fairShare() const;
    Limit *limitOf(DownloadId id);
    void armTimer();

    Clock m_clock;
    TokenBucket m_global;
    QHash<DownloadId, Limit> m_ownLimits;      // downloads with a limit of their own, running or not
    std::deque<Entry *> m_waiting;
    std::deque<Entry *> m_kept;                // during a pass: waiting ones passed over, back in front after it
    QSet<DownloadId> m_round;                  // downloads that had their turn in this round
    Entry *m_woken = nullptr;                  // the reader being woken: it goes before the line
    int m_readers = 0;
    QTimer m_timer;
};

class RateLimiter::Reader final
{
    Q_DISABLE_COPY_MOVE(Reader)

public:
    ~Reader();
    // How many of wanted bytes may be read now (at most wanted); 0 means wait: the reader is queued and
    // woken when its turn comes with tokens.
    qint64 grant(qint64 wanted);
    // There is more to read than was granted: queue up behind the others.
    void waitForTokens();
    bool isLimited() const;
    bool isWaiting() const;   // queued for tokens: not reading is the limit's doing, not the server's

private:
    friend class RateLimiter;
    Reader(RateLimiter *limiter, std::unique_ptr<Entry> entry);

    RateLimiter *m_limiter;
    std::unique_ptr<Entry> m_entry;
};

} // namespace Quiver
