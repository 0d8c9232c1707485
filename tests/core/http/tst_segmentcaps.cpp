// Segments count against the connection caps: with segmented and plain downloads on two hosts, the
// requests on the wire (counted by the servers) never exceed -j in all nor --per-host on one host, the
// room left is used by extra segments, a download queued while a segmented one holds every connection
// starts at once, and a download with a single connection still finishes as one stream. Every file is
// compared by SHA-256.

#include "enginetestbase.h"

using namespace Quiver;
using namespace Quiver::Test;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kib = 1024;

bool isSegment(const RecordedRequest &request)
{
    const QByteArray range = request.header("range");
    return range.startsWith("bytes=") && !range.endsWith('-');
}

} // namespace

class TestSegmentCaps final : public QObject
{
    Q_OBJECT

    // Both servers listen on 127.0.0.1; the second is asked for as "localhost", which the scheduler
    // counts as another host.
    QUrl onA(const QString &path) const { return a.url(path); }
    QUrl onB(const QString &path) const
    {
        QUrl url = b.url(path);
        url.setHost(u"localhost"_s);
        return url;
    }

    static Reply slow(Reply reply)
    {
        reply.throttleBytesPerTick = 16 * kib;   // everything overlaps: ~3 MB/s per connection
        reply.tickIntervalMs = 5;
        return reply;
    }
    static Reply ranged(const QByteArray &body) { return slow(FaultServer::rangeReply(body, "\"v1\"")); }
    static Reply plain(const QByteArray &body)
    {
        Reply reply;
        reply.body = body;
        return slow(reply);
    }

    int segmentRequests(const FaultServer &server, const QString &path) const
    {
        int count = 0;
        for (const RecordedRequest &request : server.requestsFor(path))
            count += isSegment(request) ? 1 : 0;
        return count;
    }

    // Requests on the wire in all, as the servers see them, at every request's arrival.
    void watchTotal()
    {
        peakTotal = 0;
        for (FaultServer *server : {&a, &b}) {
            connect(server, &FaultServer::requestReceived, this, [this] {
                peakTotal = qMax(peakTotal, a.activeRequests() + b.activeRequests());
                peakClientCount = qMax(peakClientCount, harness->engine.scheduler()->connectionCount());
            });
        }
    }

private slots:
    void initTestCase()
    {
        QVERIFY(a.listen());
        QVERIFY(b.listen());
    }

    void init()
    {
        a.reset();
        b.reset();
        peakTotal = 0;
        peakClientCount = 0;
        harness = std::make_unique<EngineHarness>();
        harness->configure([](EngineSettings &settings) {
            settings.http.segments = 4;
            settings.http.minSegmentSize = 128 * kib;
        });
    }

    void cleanup()
    {
        // A test that failed while answers were held must not leave them running into the next one.
        a.release();
        b.release();
        harness.reset();
        a.disconnect(this);
        b.disconnect(this);
    }

    void segmentsAndPlainDownloadsStayWithinBothCaps_data()
    {
        QTest::addColumn<int>("maxParallel");
        QTest::addColumn<int>("perHost");
        QTest::addColumn<int>("expectedPeak");
        // Three downloads start on three connections (one on A, two on B); segments take what is left.
        QTest::newRow("the global cap binds") << 5 << 3 << 5;
        QTest::newRow("the per-host cap binds") << 8 << 3 << 6;
    }

    void segmentsAndPlainDownloadsStayWithinBothCaps()
    {
        QFETCH(int, maxParallel);
        QFETCH(int, perHost);
        QFETCH(int, expectedPeak);
        harness->configure([maxParallel, perHost](EngineSettings &settings) {
            settings.maxParallel = maxParallel;
            settings.perHost = perHost;
            settings.http.segments = 8;
        });
        const QByteArray s1 = randomBytes(1024 * kib, 1);
        const QByteArray s3 = randomBytes(1024 * kib + 99, 3);
        const QByteArray p2 = randomBytes(1024 * kib, 5);
        a.handle(u"/s1.bin"_s, [&s1](const RecordedRequest &) { return ranged(s1); });
        b.handle(u"/s3.bin"_s, [&s3](const RecordedRequest &) { return ranged(s3); });
        b.handle(u"/p2.bin"_s, [&p2](const RecordedRequest &) { return plain(p2); });
        watchTotal();
        const QList<DownloadId> ids = harness->addMany({onA(u"/s1.bin"_s), onB(u"/s3.bin"_s), onB(u"/p2.bin"_s)});
        QVERIFY(harness->waitIdle(60000));
        QUIVER_VERIFY_FILE(*harness, ids.at(0), u"s1.bin"_s, s1);
        QUIVER_VERIFY_FILE(*harness, ids.at(1), u"s3.bin"_s, s3);
        QUIVER_VERIFY_FILE(*harness, ids.at(2), u"p2.bin"_s, p2);

        QVERIFY2(a.peakActiveRequests() <= perHost, qPrintable(QString::number(a.peakActiveRequests())));
        QVERIFY2(b.peakActiveRequests() <= perHost, qPrintable(QString::number(b.peakActiveRequests())));
        QCOMPARE(peakTotal, expectedPeak);
        QCOMPARE(peakClientCount, expectedPeak);
        QVERIFY(segmentRequests(a, u"/s1.bin"_s) >= 1);
    }

    void aQueuedDownloadStartsWhileASegmentedOneHoldsEveryConnection()
    {
        harness->configure([](EngineSettings &settings) {
            settings.maxParallel = 4;
            settings.perHost = 4;
            settings.http.stallTimeout = std::chrono::seconds(30);   // held answers send nothing for a while
        });
        const QByteArray big = randomBytes(2048 * kib + 5, 6);
        const QByteArray small = randomBytes(100 * kib, 7);
        a.handle(u"/big.bin"_s, [&big](const RecordedRequest &) {
            Reply reply = FaultServer::rangeReply(big, "\"v1\"");
            reply.fault = Fault::HoldAfter;   // every connection sends a little, then waits for release()
            reply.faultAfter = 64 * kib;
            return reply;
        });
        a.handle(u"/small.bin"_s, [&small](const RecordedRequest &) {
            Reply reply;
            reply.body = small;
            return reply;
        });
        watchTotal();
        const DownloadId segmented = harness->add(onA(u"/big.bin"_s));
        QTRY_COMPARE_WITH_TIMEOUT(a.heldReplies(), 4, 20000);
        QCOMPARE(harness->engine.scheduler()->connectionCount(), 4);

        // Every connection is the segmented download's; the new one gets one back at once and finishes
        // while the segmented one still waits for its answers.
        const DownloadId queued = harness->add(onA(u"/small.bin"_s));
        QTRY_COMPARE_WITH_TIMEOUT(harness->item(queued).state, DownloadState::Finished, 20000);
        QUIVER_VERIFY_FILE(*harness, queued, u"small.bin"_s, small);
        QCOMPARE(harness->item(segmented).state, DownloadState::Downloading);
        // Its connection came back to the segmented download as it ended.
        QTRY_COMPARE_WITH_TIMEOUT(a.heldReplies(), 4, 20000);
        QCOMPARE(harness->engine.scheduler()->connectionCount(), 4);

        a.release();
        QVERIFY(harness->waitIdle(60000));
        QUIVER_VERIFY_FILE(*harness, segmented, u"big.bin"_s, big);
        QVERIFY2(a.peakActiveRequests() <= 4, qPrintable(QString::number(a.peakActiveRequests())));
        QVERIFY2(peakClientCount <= 4, qPrintable(QString::number(peakClientCount)));
    }

    void fewerConnectionsForADownloadLetQueuedOnesStart()
    {
        // -j 4, one download on all four: the user gives it one. Its three others go back at once, three
        // downloads queued meanwhile start together on them, and it is not lent more while they run or
        // after they end (it wants only one now).
        harness->configure([](EngineSettings &settings) {
            settings.maxParallel = 4;
            settings.perHost = 4;
            settings.http.stallTimeout = std::chrono::seconds(30);   // held answers send nothing for a while
        });
        const QByteArray big = randomBytes(2048 * kib + 5, 9);
        const QList<QByteArray> smalls{randomBytes(50 * kib, 10), randomBytes(50 * kib, 11), randomBytes(50 * kib, 12)};
        a.handle(u"/big.bin"_s, [&big](const RecordedRequest &) {
            Reply reply = FaultServer::rangeReply(big, "\"v1\"");
            reply.fault = Fault::HoldAfter;
            reply.faultAfter = 64 * kib;
            return reply;
        });
        for (int i = 0; i < smalls.size(); ++i) {
            a.handle(u"/small%1.bin"_s.arg(i), [&smalls, i](const RecordedRequest &) {
                Reply reply;
                reply.body = smalls.at(i);
                reply.fault = Fault::HoldAfter;
                reply.faultAfter = 1024;
                return reply;
            });
        }
        watchTotal();
        const DownloadId segmented = harness->add(onA(u"/big.bin"_s));
        QTRY_COMPARE_WITH_TIMEOUT(a.heldReplies(), 4, 20000);
        QCOMPARE(harness->engine.scheduler()->connectionCount(), 4);

        harness->engine.setDownloadSegments({segmented}, 1);
        // Given back at once, and not lent again though nobody waits: it wants one.
        QCOMPARE(harness->engine.scheduler()->connectionCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(a.heldReplies(), 1, 20000);

        const QList<DownloadId> queued = harness->addMany({onA(u"/small0.bin"_s), onA(u"/small1.bin"_s), onA(u"/small2.bin"_s)});
        // All three run at once, each held after its first KiB, beside the segmented download's one.
        QTRY_COMPARE_WITH_TIMEOUT(a.heldReplies(), 4, 20000);
        for (const DownloadId id : queued)
            QTRY_COMPARE_WITH_TIMEOUT(harness->item(id).state, DownloadState::Downloading, 20000);
        QCOMPARE(harness->engine.scheduler()->connectionCount(), 4);

        a.release();
        QVERIFY(harness->waitIdle(60000));
        QUIVER_VERIFY_FILE(*harness, segmented, u"big.bin"_s, big);
        for (int i = 0; i < smalls.size(); ++i)
            QUIVER_VERIFY_FILE(*harness, queued.at(i), u"small%1.bin"_s.arg(i), smalls.at(i));
        QVERIFY2(a.peakActiveRequests() <= 4, qPrintable(QString::number(a.peakActiveRequests())));
        QVERIFY2(peakClientCount <= 4, qPrintable(QString::number(peakClientCount)));
        QCOMPARE(int(harness->item(segmented).segments), 1);
    }

    void oneConnectionMeansOneStream()
    {
        harness->configure([](EngineSettings &settings) {
            settings.maxParallel = 1;
            settings.perHost = 1;
        });
        const QByteArray content = randomBytes(1024 * kib + 3, 8);
        a.handle(u"/one.bin"_s, [&content](const RecordedRequest &) { return ranged(content); });
        const DownloadId id = harness->add(onA(u"/one.bin"_s));
        QVERIFY(harness->waitIdle(60000));
        QUIVER_VERIFY_FILE(*harness, id, u"one.bin"_s, content);
        // The probe's answer carried the whole file: no second request.
        QCOMPARE(a.requestsFor(u"/one.bin"_s).size(), 1);
        QCOMPARE(a.peakActiveRequests(), 1);
    }

private:
    std::unique_ptr<EngineHarness> harness;
    FaultServer a;
    FaultServer b;
    int peakTotal = 0;
    int peakClientCount = 0;
};

QTEST_GUILESS_MAIN(TestSegmentCaps)
#include "tst_segmentcaps.moc"
