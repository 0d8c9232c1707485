// How the rate limiter shares one bucket among readers, on a made-up clock: turns, fairness, per-download
// limits on top of the global one, changes applied at once, and a timer (never a spin) for the waits.
#include "http/ratelimiter.h"

#include <QTest>

using namespace Quiver;
using namespace std::chrono_literals;

namespace {

struct FakeClock {
    TokenBucket::Time now = 1s;
    RateLimiter::Clock clock() { return [this] { return now; }; }
};

// A reader that always has more to read than it is given, as a transfer from a fast server does.
struct GreedyReader {
    GreedyReader(RateLimiter &limiter, DownloadId id, qint64 perPass = 1 << 20)
        : perPass(perPass)
    {
        reader = limiter.join(id, [this] { read(); });
    }
    void read()
    {
        ++passes;
        const qint64 granted = reader->grant(perPass);
        received += granted;
        if (granted > 0)
            reader->waitForTokens();
    }
    qint64 perPass;
    qint64 received = 0;
    int passes = 0;
    std::unique_ptr<RateLimiter::Reader> reader;
};

} // namespace

class RateLimiterTest : public QObject
{
    Q_OBJECT

private slots:
    void withoutALimitEverythingIsGrantedAndNothingWaits()
    {
        FakeClock time;
        RateLimiter limiter(time.clock());
        GreedyReader a(limiter, 1);
        a.read();
        QCOMPARE(a.received, 1 << 20);
        QVERIFY(!limiter.wakeInterval());
        QVERIFY(!a.reader->isLimited());
    }

    void aReaderWithoutTokensWaitsForTheTimerNotASpin()
    {
        FakeClock time;
        RateLimiter limiter(time.clock());
        limiter.setRate(100000);   // a 16 KiB bucket
        GreedyReader a(limiter, 1);
        a.read();
        QCOMPARE(a.received, 16 * 1024);
        // It queued for more: the timer wakes it when half a bucket has flowed in (8 KiB at 100,000/s).
        QCOMPARE(limiter.wakeInterval().value_or(-1ms), 82ms);
        // Woken early (the clock stands still): nobody reads, and the timer is set again, not to zero.
        limiter.wakeReaders();
        QCOMPARE(a.passes, 1);
        QCOMPARE(limiter.wakeInterval().value_or(-1ms), 82ms);
        time.now += 100ms;
        limiter.wakeReaders();
        QCOMPARE(a.passes, 2);
        QCOMPARE(a.received, 16 * 1024 + 10000);
    }

    void bytesGrantedStayWithinTheRateOverTime()
    {
        FakeClock time;
        RateLimiter limiter(time.clock());
        limiter.setRate(1000000);
        GreedyReader a(limiter, 1);
        a.read();
        for (int step = 0; step < 1000; ++step) {   // 10 s in 10 ms steps
            time.now += 10ms;
            limiter.wakeReaders();
        }
        QCOMPARE(a.received, 100000 + 10 * 1000000);
    }

    void readersShareFairly()
    {
        FakeClock time;
        RateLimiter limiter(time.clock());
        limiter.setRate(1600000);
        std::vector<std::unique_ptr<GreedyReader>> readers;
        for (DownloadId id = 1; id <= 4; ++id)
            readers.push_back(std::make_unique<GreedyReader>(limiter, id));
        // The first to ask gets a share, not the bucket; the others queue behind it and find the rest.
        for (auto &reader : readers)
            reader->read();
        QCOMPARE(readers[0]->received, 40000);
        limiter.wakeReaders();
        QCOMPARE(readers[1]->received, 40000);
        QCOMPARE(readers[2]->received, 40000);
        for (int step = 0; step < 500; ++step) {
            time.now += 7ms;
            limiter.wakeReaders();
        }
        qint64 total = 0;
        for (auto &reader : readers)
            total += reader->received;
        QCOMPARE(total, 160000 + qint64(1600000 * 3.5));
        for (auto &reader : readers) {
            // Each within one share (40,000) of an equal part: nobody is starved, nobody runs ahead.
            QVERIFY2(qAbs(reader->received - total / 4) <= 40000, qPrintable(QString::number(reader->received)));
        }
    }

    void aSegmentedDownloadsConnectionsShareOneDownloadsPart()
    {
        // Download 1 reads over three connections, download 2 over one: each download gets half, and the
        // three connections take download 1's turns in order.
        FakeClock time;
        RateLimiter limiter(time.clock());
        limiter.setRate(1600000);
        std::vector<std::unique_ptr<GreedyReader>> readers;
        for (DownloadId id : {1, 1, 1, 2})
            readers.push_back(std::make_unique<GreedyReader>(limiter, id));
        for (auto &reader : readers)
            reader->read();
        for (int step = 0; step < 500; ++step) {
            time.now += 7ms;
            limiter.wakeReaders();
        }
        const qint64 segmented = readers[0]->received + readers[1]->received + readers[2]->received;
        const qint64 plain = readers[3]->received;
        QCOMPARE(segmented + plain, 160000 + qint64(1600000 * 3.5));
        // Within one share (40,000) of half each, however many connections a download has.
        QVERIFY2(qAbs(segmented - plain) <= 2 * 40000, qPrintable(QString::number(segmented) + u" vs "_qs + QString::number(plain)));
        for (int i = 0; i < 3; ++i)
            QVERIFY2(qAbs(readers[i]->received - segmented / 3) <= 40000, qPrintable(QString::number(readers[i]->received)));
    }

    void aNewcomerQueuesBehindThoseWaiting()
    {
        FakeClock time;
        RateLimiter limiter(time.clock());
        limiter.setRate(100000);
        GreedyReader a(limiter, 1);
        a.read();               // takes the bucket, queues
        time.now += 100ms;      // tokens are back
        GreedyReader b(limiter, 2);
        b.read();               // a waits for its turn: b must not take its tokens
        QCOMPARE(b.received, 0);
        limiter.wakeReaders();
        QVERIFY(a.received > 16 * 1024);
        QVERIFY(b.received > 0);
    }

    void aDownloadsOwnLimitComposesWithTheGlobalOne()
    {
        FakeClock time;
        RateLimiter limiter(time.clock());
        limiter.setRate(1000000);
        limiter.setDownloadRate(1, 100000);
        GreedyReader slow(limiter, 1);
        GreedyReader fast(limiter, 2);
        QVERIFY(slow.reader->isLimited());
        slow.read();
        fast.read();
        for (int step = 0; step < 1000; ++step) {
            time.now += 10ms;
            limiter.wakeReaders();
        }
        // 10 s: the slow one gets its own 100,000/s (plus its first bucket), the other the rest of the million.
        QCOMPARE(slow.received, 16 * 1024 + 10 * 100000);
        QVERIFY(qAbs(fast.received + slow.received - (100000 + 10 * 1000000)) <= 16 * 1024);
    }

    void anOwnLimitWorksWithoutAGlobalOne()
    {
        FakeClock time;
        RateLimiter limiter(time.clock());
        limiter.setDownloadRate(7, 50000);
        QCOMPARE(limiter.downloadRate(7), 50000);
        GreedyReader limited(limiter, 7);
        GreedyReader free(limiter, 8);
        free.read();
        QCOMPARE(free.received, 1 << 20);
        limited.read();
        QCOMPARE(limited.received, 16 * 1024);
        for (int step = 0; step < 100; ++step) {
            time.now += 10ms;
            limiter.wakeReaders();
        }
        QCOMPARE(limited.received, 16 * 1024 + 50000);
    }

    void changesApplyAtOnce()
    {
        FakeClock time;
        RateLimiter limiter(time.clock());
        limiter.setRate(100000);
        GreedyReader a(limiter, 1);
        a.read();
        QVERIFY(limiter.wakeInterval());
        // Lifted: the waiting reader is woken at once and reads all it wants.
        limiter.setRate(0);
        QCOMPARE(a.passes, 2);
        QCOMPARE(a.received, 16 * 1024 + (1 << 20));
        QVERIFY(!limiter.wakeInterval());

        // Lowered mid-run: the next tokens come at the new rate.
        limiter.setRate(1000000);
        a.read();
        const qint64 before = a.received;
        limiter.setRate(20000);
        time.now += 1s;
        limiter.wakeReaders();
        QCOMPARE(a.received - before, 16 * 1024);   // the new, smaller bucket's worth, not a second at the old rate
        // A download's own limit lowered while it runs.
        limiter.setRate(0);
        limiter.setDownloadRate(1, 10000);
        a.read();
        const qint64 own = a.received;
        time.now += 500ms;
        limiter.wakeReaders();
        QCOMPARE(a.received - own, 5000);
        limiter.setDownloadRate(1, 0);
        QCOMPARE(limiter.downloadRate(1), 0);
    }

    void aReaderThatGoesAwayLeavesTheLine()
    {
        FakeClock time;
        RateLimiter limiter(time.clock());
        limiter.setRate(100000);
        auto a = std::make_unique<GreedyReader>(limiter, 1);
        GreedyReader b(limiter, 2);
        a->read();
        b.read();
        a.reset();
        time.now += 100ms;
        limiter.wakeReaders();   // would touch a freed reader if a had stayed in the line
        QVERIFY(b.received > 0);
        b.reader.reset();
        QVERIFY(!limiter.wakeInterval());
    }
};

QTEST_GUILESS_MAIN(RateLimiterTest)
#include "tst_ratelimiter.moc"
