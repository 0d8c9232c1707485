// The rate limit in real downloads from nginx, on a made-up clock: a transfer reads exactly the bytes it was
// granted and no more (the rest waits in the socket), a change of the limit applies to running downloads at
// once, and every file still ends byte-identical.

#include "enginetestbase.h"
#include "http/ratelimiter.h"
#include "nginxfixture.h"

using namespace Quiver;
using namespace Quiver::Test;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class TestRateLimit final : public QObject
{
    Q_OBJECT

    struct FrozenClock {
        TokenBucket::Time now = 1s;
    };

    // The engine's limiter on a clock that moves only when the test says so.
    static void freeze(EngineHarness &h, FrozenClock &clock)
    {
        h.engine.rateLimiter()->setClock([&clock] { return clock.now; });
    }

    static qint64 received(EngineHarness &h, const QList<DownloadId> &ids)
    {
        qint64 sum = 0;
        for (const DownloadId id : ids)
            sum += h.item(id).bytesReceived;
        return sum;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        m_big = randomBytes(8 * 1024 * 1024 + 123, 901);
        m_small = randomBytes(300000, 902);
        writeFile(m_root.filePath(u"big1.bin"_s), m_big);
        writeFile(m_root.filePath(u"big2.bin"_s), m_big);
        writeFile(m_root.filePath(u"small.bin"_s), m_small);
        QVERIFY2(m_nginx.start(m_root.path()), qPrintable(m_nginx.errorString()));
    }

    void transfersReadOnlyTheBytesGrantedAndALiftedLimitAppliesAtOnce()
    {
        EngineHarness h;
        FrozenClock clock;
        freeze(h, clock);
        h.configure([](EngineSettings &s) { s.rateLimit = 1024 * 1024; });
        const qint64 bucket = TokenBucket::capacityFor(1024 * 1024);
        const QList<DownloadId> ids = h.addMany({m_nginx.url(u"/big1.bin"_s), m_nginx.url(u"/big2.bin"_s)});

        // The clock stands still: together they get the first bucket, to the byte, and then wait (on a
        // timer, not reading) while nginx has megabytes more for them.
        QTRY_COMPARE_WITH_TIMEOUT(received(h, ids), bucket, 10000);
        QVERIFY(h.engine.rateLimiter()->wakeInterval());
        // Each step of the clock grants 50 ms at 1 MiB/s: the bytes on disk follow exactly. A transfer that
        // read past its tokens would jump over the value.
        qint64 granted = bucket;
        for (int step = 1; step <= 4; ++step) {
            clock.now += 50ms;
            granted = bucket + 1024 * 1024 * step / 20;   // 52,428.8 bytes a step: the fractions add up
            QTRY_COMPARE_WITH_TIMEOUT(received(h, ids), granted, 10000);
        }
        // Both got a fair part: neither is starved.
        for (const DownloadId id : ids)
            QVERIFY2(h.item(id).bytesReceived > granted / 4, qPrintable(QString::number(h.item(id).bytesReceived)));
        QCOMPARE(h.item(ids.at(0)).state, DownloadState::Downloading);

        // Lifted while they run: they finish without another tick of the clock.
        h.configure([](EngineSettings &s) { s.rateLimit = 0; });
        QVERIFY(h.waitIdle(60000));
        QUIVER_VERIFY_FILE(h, ids.at(0), u"big1.bin"_s, m_big);
        QUIVER_VERIFY_FILE(h, ids.at(1), u"big2.bin"_s, m_big);
    }

    void theLastBytesOfAFinishedReplyWaitForTheirTokensToo()
    {
        EngineHarness h;
        FrozenClock clock;
        freeze(h, clock);
        const qint64 rate = 1024 * 1024;
        h.configure([rate](EngineSettings &s) { s.rateLimit = rate; });
        const DownloadId id = h.add(m_nginx.url(u"/small.bin"_s));
        const qint64 bucket = TokenBucket::capacityFor(rate);
        qint64 granted = bucket;
        // 300,000 bytes: the reply ends (its rest in Qt's buffer) before the limit lets them all be read.
        for (int step = 1; granted < m_small.size(); ++step) {
            QTRY_COMPARE_WITH_TIMEOUT(h.item(id).bytesReceived, granted, 10000);
            QVERIFY(h.item(id).state != DownloadState::Finished);
            clock.now += 50ms;
            granted = bucket + rate * step / 20;
        }
        QVERIFY(h.waitIdle(20000));
        QUIVER_VERIFY_FILE(h, id, u"small.bin"_s, m_small);
    }

    void aDownloadsOwnLimitHoldsItAloneAndChangesWhileItRuns()
    {
        EngineHarness h;
        FrozenClock clock;
        freeze(h, clock);
        const QList<DownloadId> ids = h.addMany({m_nginx.url(u"/big1.bin"_s), m_nginx.url(u"/big2.bin"_s)});
        const qint64 own = 256 * 1024;
        h.engine.setDownloadRateLimit({ids.at(0)}, own);
        QCOMPARE(h.item(ids.at(0)).rateLimit, own);
        // The other one has no limit and finishes; the limited one has its own bucket's worth.
        QTRY_COMPARE_WITH_TIMEOUT(h.item(ids.at(1)).state, DownloadState::Finished, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(h.item(ids.at(0)).bytesReceived, TokenBucket::capacityFor(own), 10000);
        clock.now += 100ms;
        QTRY_COMPARE_WITH_TIMEOUT(h.item(ids.at(0)).bytesReceived, TokenBucket::capacityFor(own) + own / 10, 10000);

        // Lifted for this download while it runs: it finishes on the frozen clock.
        h.engine.setDownloadRateLimit({ids.at(0)}, 0);
        QVERIFY(h.waitIdle(60000));
        QUIVER_VERIFY_FILE(h, ids.at(0), u"big1.bin"_s, m_big);
        QUIVER_VERIFY_FILE(h, ids.at(1), u"big2.bin"_s, m_big);
        QCOMPARE(h.item(ids.at(0)).rateLimit, 0);
    }

    void everySegmentReadsThroughTheLimit()
    {
        // Four connections of one download share the global limit as any four downloads would: together
        // they read exactly what was granted, to the byte.
        EngineHarness h;
        FrozenClock clock;
        freeze(h, clock);
        const qint64 rate = 1024 * 1024;
        h.configure([rate](EngineSettings &s) {
            s.rateLimit = rate;
            s.http.segments = 4;
            s.http.minSegmentSize = 256 * 1024;
        });
        const DownloadId id = h.add(m_nginx.url(u"/big1.bin"_s));
        const qint64 bucket = TokenBucket::capacityFor(rate);
        QTRY_COMPARE_WITH_TIMEOUT(h.engine.scheduler()->connectionCount(), 4, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(h.item(id).bytesReceived, bucket, 10000);
        for (int step = 1; step <= 4; ++step) {
            clock.now += 50ms;
            QTRY_COMPARE_WITH_TIMEOUT(h.item(id).bytesReceived, bucket + rate * step / 20, 10000);
        }
        QCOMPARE(h.engine.scheduler()->connectionCount(), 4);
        h.configure([](EngineSettings &s) { s.rateLimit = 0; });
        QVERIFY(h.waitIdle(60000));
        QUIVER_VERIFY_FILE(h, id, u"big1.bin"_s, m_big);
        QVERIFY2(h.item(id).note.isEmpty(), qPrintable(h.item(id).note));   // segmented to the end
    }

    void aDownloadsOwnLimitCoversAllItsSegments()
    {
        EngineHarness h;
        FrozenClock clock;
        freeze(h, clock);
        h.configure([](EngineSettings &s) {
            s.http.segments = 4;
            s.http.minSegmentSize = 256 * 1024;
        });
        const DownloadId id = h.add(m_nginx.url(u"/big2.bin"_s));
        const qint64 own = 256 * 1024;
        h.engine.setDownloadRateLimit({id}, own);
        QTRY_COMPARE_WITH_TIMEOUT(h.engine.scheduler()->connectionCount(), 4, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(h.item(id).bytesReceived, TokenBucket::capacityFor(own), 10000);
        clock.now += 100ms;
        QTRY_COMPARE_WITH_TIMEOUT(h.item(id).bytesReceived, TokenBucket::capacityFor(own) + own / 10, 10000);
        h.engine.setDownloadRateLimit({id}, 0);
        QVERIFY(h.waitIdle(60000));
        QUIVER_VERIFY_FILE(h, id, u"big2.bin"_s, m_big);
    }

    void aLimitedDownloadOnTheRealClockEndsByteIdentical()
    {
        EngineHarness h;
        h.configure([](EngineSettings &s) { s.rateLimit = 64 * 1024 * 1024; });
        const QList<DownloadId> ids = h.addMany({m_nginx.url(u"/big1.bin"_s), m_nginx.url(u"/big2.bin"_s)});
        QVERIFY(h.waitIdle(60000));
        QUIVER_VERIFY_FILE(h, ids.at(0), u"big1.bin"_s, m_big);
        QUIVER_VERIFY_FILE(h, ids.at(1), u"big2.bin"_s, m_big);
    }

private:
    QTemporaryDir m_root;
    NginxFixture m_nginx;
    QByteArray m_big;
    QByteArray m_small;
};

QTEST_GUILESS_MAIN(TestRateLimit)
#include "tst_ratelimit.moc"
