// Segmented downloads against the scripted fault server: every file is compared by SHA-256.

#include "enginetestbase.h"

#include "util/byteranges.h"

#include <QJsonArray>
#include <QSet>

using namespace Quiver;
using namespace Quiver::Test;

namespace {

constexpr qint64 kib = 1024;
constexpr qsizetype fileSize = 1024 * 1024;   // 8 pieces of the tests' 128 KiB minimum

bool isProbe(const RecordedRequest &request) { return request.header("range") == "bytes=0-"; }

// A segment's request: a closed range (the probe asks for "bytes=0-").
bool isSegment(const RecordedRequest &request)
{
    const QByteArray range = request.header("range");
    return range.startsWith("bytes=") && !range.endsWith('-');
}

qint64 rangeBegin(const RecordedRequest &request)
{
    return request.header("range").mid(6).split('-').value(0).toLongLong();
}

// A request for a hole, or for the overlap just before where a recorded range ends (at most 64 KiB of it).
bool asksOnlyForAHoleOrItsOverlap(const ByteRanges &recorded, qint64 begin)
{
    for (const ByteRange &range : recorded.ranges()) {
        if (begin == range.end - qMin<qint64>(64 * 1024, range.size()))
            return true;
    }
    return !recorded.covers({begin, begin + 1});
}

} // namespace

class TestSegments : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<EngineHarness> harness;
    FaultServer server;
    QByteArray content = randomBytes(fileSize, 9);

    Reply throttled(const RecordedRequest &request, const QByteArray &body)
    {
        Q_UNUSED(request);
        Reply reply = FaultServer::rangeReply(body, "\"v1\"");
        reply.throttleBytesPerTick = 32 * 1024;   // the streams overlap, so ranges are shared and stolen
        reply.tickIntervalMs = 5;
        return reply;
    }

    int segmentRequests() const
    {
        int count = 0;
        for (const RecordedRequest &request : server.requestsFor(u"/f.bin"_qs))
            count += isSegment(request) ? 1 : 0;
        return count;
    }

private slots:
    void initTestCase() { QVERIFY(server.listen()); }

    void init()
    {
        server.reset();
        harness = std::make_unique<EngineHarness>();
        harness->configure([](EngineSettings &settings) {
            settings.http.segments = 4;
            settings.http.minSegmentSize = 128 * kib;
        });
    }

    void cleanup() { harness.reset(); }

    void splitsAndEveryRangeCarriesIfRange()
    {
        server.handle(u"/f.bin"_qs, [this](const RecordedRequest &request) { return throttled(request, content); });
        const DownloadId id = harness->add(server.url(u"/f.bin"_qs));
        QVERIFY(harness->waitIdle());
        QUIVER_VERIFY_FILE(*harness, id, u"f.bin"_qs, content);
        const QList<RecordedRequest> requests = server.requestsFor(u"/f.bin"_qs);
        QVERIFY(isProbe(requests.first()));
        QVERIFY2(segmentRequests() >= 3, "the file was not split");
        for (const RecordedRequest &request : requests) {
            if (isSegment(request))
                QCOMPARE(request.header("if-range"), QByteArray("\"v1\""));
        }
        QCOMPARE(harness->item(id).bytesReceived, fileSize);
    }

    void theFirstAnswerGoesOnAsTheFirstSegment()
    {
        // The probe's bytes are never asked for again: it reads on as segment 0, and the others take the rest.
        server.handle(u"/f.bin"_qs, [this](const RecordedRequest &request) { return throttled(request, content); });
        const DownloadId id = harness->add(server.url(u"/f.bin"_qs));
        QVERIFY(harness->waitIdle());
        QUIVER_VERIFY_FILE(*harness, id, u"f.bin"_qs, content);
        QCOMPARE(harness->item(id).attempts, 1);
        QVERIFY2(segmentRequests() >= 3, "the file was not split");
        QList<qint64> begins;
        for (const RecordedRequest &request : server.requestsFor(u"/f.bin"_qs))
            begins.append(rangeBegin(request));
        QCOMPARE(begins.count(0), 1);
        // Nothing failed, so no range was asked for twice either.
        QCOMPARE(QSet<qint64>(begins.cbegin(), begins.cend()).size(), begins.size());
    }

    void aSmallFileCostsOneRequest()
    {
        harness->configure([](EngineSettings &settings) { settings.http.segments = 8; });
        const QByteArray small = randomBytes(200 * kib, 11);   // under two pieces of 128 KiB
        server.serveFile(u"/small.bin"_qs, small);
        const DownloadId id = harness->add(server.url(u"/small.bin"_qs));
        QVERIFY(harness->waitIdle());
        QUIVER_VERIFY_FILE(*harness, id, u"small.bin"_qs, small);
        QCOMPARE(server.requestsFor(u"/small.bin"_qs).size(), 1);
        // It is kept as one stream would keep it: a later resume has its validator and size.
        QCOMPARE(harness->item(id).etag, FaultServer::defaultEtag(small));
        QCOMPARE(harness->item(id).bytesTotal, small.size());
    }

    void anEmptyFileCostsOneRequest()
    {
        // "bytes=0-" of an empty file is unsatisfiable: the 416 "*/0" says the file is empty.
        server.serveFile(u"/empty"_qs, QByteArray());
        const DownloadId id = harness->add(server.url(u"/empty"_qs));
        QVERIFY(harness->waitIdle());
        QUIVER_VERIFY_FILE(*harness, id, u"empty"_qs, QByteArray());
        QCOMPARE(server.requestsFor(u"/empty"_qs).size(), 1);
    }

    void anErrorPageIsJudgedAsOneStreamWouldJudgeIt()
    {
        // A 503 with Retry-After to the first request: the attempt waits as the server asks, then the file.
        const QByteArray small = randomBytes(1000, 12);
        server.script(u"/busy"_qs, {FaultServer::retryAfter(503, "1"), FaultServer::rangeReply(small)});
        const DownloadId id = harness->add(server.url(u"/busy"_qs));
        QVERIFY(harness->waitIdle());
        QUIVER_VERIFY_FILE(*harness, id, u"busy"_qs, small);
        QCOMPARE(server.requestsFor(u"/busy"_qs).size(), 2);
        QCOMPARE(harness->item(id).attempts, 2);
    }

    void noRangesMeansOneStream()
    {
        // A 200 to the first request (a server without ranges) is read on: one request in all.
        server.handle(u"/f.bin"_qs, [this](const RecordedRequest &) {
            Reply reply;
            reply.body = content;
            return reply;
        });
        const DownloadId id = harness->add(server.url(u"/f.bin"_qs));
        QVERIFY(harness->waitIdle());
        QUIVER_VERIFY_FILE(*harness, id, u"f.bin"_qs, content);
        QCOMPARE(segmentRequests(), 0);
        QCOMPARE(server.requestsFor(u"/f.bin"_qs).size(), 1);
    }

    void noValidatorMeansOneStreamOnOneRequest()
    {
        // A 206 without ETag or Last-Modified: no range could be proven to be of the same file.
        server.handle(u"/f.bin"_qs, [this](const RecordedRequest &) { return FaultServer::rangeReply(content); });
        const DownloadId id = harness->add(server.url(u"/f.bin"_qs));
        QVERIFY(harness->waitIdle());
        QUIVER_VERIFY_FILE(*harness, id, u"f.bin"_qs, content);
        QCOMPARE(server.requestsFor(u"/f.bin"_qs).size(), 1);
    }

    void segmentResetMidRangeIsRetriedAlone()
    {
        int segments = 0;
        server.handle(u"/f.bin"_qs, [this, &segments](const RecordedRequest &request) {
            Reply reply = throttled(request, content);
            if (isSegment(request) && ++segments == 2) {
                reply.fault = Fault::ResetAfter;
                reply.faultAfter = 40 * 1024;
            }
            return reply;
        });
        const DownloadId id = harness->add(server.url(u"/f.bin"_qs));
        QVERIFY(harness->waitIdle());
        QUIVER_VERIFY_FILE(*harness, id, u"f.bin"_qs, content);
        QCOMPARE(harness->item(id).attempts, 1);   // the segment retried, not the download
        QVERIFY(segmentRequests() >= 4);
    }

    void serverClosingAfterNBytes()
    {
        int segments = 0;
        server.handle(u"/f.bin"_qs, [this, &segments](const RecordedRequest &request) {
            Reply reply = throttled(request, content);
            if (isSegment(request) && ++segments <= 2) {
                reply.fault = Fault::CloseAfter;
                reply.faultAfter = 10000;
            }
            return reply;
        });
        const DownloadId id = harness->add(server.url(u"/f.bin"_qs));
        QVERIFY(harness->waitIdle());
        QUIVER_VERIFY_FILE(*harness, id, u"f.bin"_qs, content);
        QCOMPARE(harness->item(id).attempts, 1);
    }

    void stallingSegmentsRangeIsStolen()
    {
        // Free connections take halves of the stalled range's rest while it stalls; the small piece it
        // still holds comes again after its stall timeout.
        harness->configure([](EngineSettings &settings) { settings.http.stallTimeout = std::chrono::seconds(3); });
        QByteArray stalledRange;
        server.handle(u"/f.bin"_qs, [this, &stalledRange](const RecordedRequest &request) {
            Reply reply = throttled(request, content);
            if (isSegment(request) && stalledRange.isEmpty()) {
                stalledRange = request.header("range");
                reply.fault = Fault::StallAfter;
                reply.faultAfter = 4096;
            }
            return reply;
        });
        const DownloadId id = harness->add(server.url(u"/f.bin"_qs));
        QVERIFY(harness->waitIdle(30000));
        QCOMPARE(harness->item(id).attempts, 1);
        QUIVER_VERIFY_FILE(*harness, id, u"f.bin"_qs, content);
        // Some later request starts inside the stalled range.
        const QList<QByteArray> bounds = stalledRange.mid(6).split('-');
        const qint64 first = bounds.value(0).toLongLong();
        const qint64 last = bounds.value(1).toLongLong();
        bool stolen = false;
        for (const RecordedRequest &request : server.requestsFor(u"/f.bin"_qs)) {
            const qint64 begin = request.header("range").mid(6).split('-').value(0).toLongLong();
            stolen = stolen || (isSegment(request) && begin > first && begin <= last);
        }
        QVERIFY2(stolen, stalledRange.constData());
    }

    void wholeFileToARangeRequestFallsBackToOneStream()
    {
        int segments = 0;
        server.handle(u"/f.bin"_qs, [this, &segments](const RecordedRequest &request) {
            Reply reply = throttled(request, content);
            if (isSegment(request) && ++segments == 1) {
                reply.rangeFromBody = false;
                reply.status = 200;
                reply.body = content;
                reply.headers.append({QByteArray("ETag"), QByteArray("\"v1\"")});
            }
            return reply;
        });
        const DownloadId id = harness->add(server.url(u"/f.bin"_qs));
        QVERIFY(harness->waitIdle());
        QUIVER_VERIFY_FILE(*harness, id, u"f.bin"_qs, content);
        QVERIFY2(harness->item(id).note.contains(u"one connection"_qs), qPrintable(harness->item(id).note));
    }

    void etagChangingBetweenSegmentsRestartsOnNewFile()
    {
        const QByteArray changed = randomBytes(fileSize + 4096, 10);
        bool probed = false;
        server.handle(u"/f.bin"_qs, [&](const RecordedRequest &request) {
            if (!probed) {
                probed = true;
                return throttled(request, content);
            }
            Reply reply = FaultServer::rangeReply(changed, "\"v2\"");
            return reply;
        });
        const DownloadId id = harness->add(server.url(u"/f.bin"_qs));
        QVERIFY(harness->waitIdle());
        // Never a mix: the whole file is the new version.
        QUIVER_VERIFY_FILE(*harness, id, u"f.bin"_qs, changed);
        QVERIFY2(harness->item(id).note.contains(u"one connection"_qs), qPrintable(harness->item(id).note));
    }

    void mismatchingContentRangeFallsBack()
    {
        int segments = 0;
        server.handle(u"/f.bin"_qs, [this, &segments](const RecordedRequest &request) {
            Reply reply = throttled(request, content);
            if (isSegment(request) && ++segments == 1) {
                // Bytes from elsewhere in the file, labelled as such: not what was asked for.
                const QList<QByteArray> bounds = request.header("range").mid(6).split('-');
                const qint64 first = bounds.value(0).toLongLong() + 100;
                const qint64 last = bounds.value(1).toLongLong();
                reply.rangeFromBody = false;
                reply.status = 206;
                reply.body = content.mid(first, last - first + 1);
                reply.headers.append({QByteArray("Content-Range"), "bytes " + QByteArray::number(first) + '-' + QByteArray::number(last)
                                                           + '/' + QByteArray::number(fileSize)});
                reply.headers.append({QByteArray("ETag"), QByteArray("\"v1\"")});
            }
            return reply;
        });
        const DownloadId id = harness->add(server.url(u"/f.bin"_qs));
        QVERIFY(harness->waitIdle());
        QUIVER_VERIFY_FILE(*harness, id, u"f.bin"_qs, content);
        QVERIFY2(harness->item(id).note.contains(u"one connection"_qs), qPrintable(harness->item(id).note));
    }

    void resumesEveryRecordedRange()
    {
        // Ranges left by an earlier attempt: only the holes are fetched, each with If-Range.
        server.handle(u"/f.bin"_qs, [this](const RecordedRequest &request) { return throttled(request, content); });
        const QString part = harness->path(u"f.bin.part"_qs);
        QFile file(part);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray sparse(fileSize / 2 + 100 * 1024, '\0');
        sparse.replace(0, 200 * 1024, content.left(200 * 1024));
        sparse.replace(fileSize / 2, 100 * 1024, content.mid(fileSize / 2, 100 * 1024));
        file.write(sparse);
        file.close();
        Link link;
        link.url = server.url(u"/f.bin"_qs);
        DownloadItem item;
        item.url = link.url;
        item.directory = harness->dir.path();
        item.fileName = u"f.bin"_qs;
        item.partUrl = item.url;   // the bytes on disk are this link's
        item.bytesReceived = 300 * 1024;
        item.bytesTotal = fileSize;
        item.etag = "\"v1\"";
        ByteRanges ranges;
        ranges.add({0, 200 * 1024});
        ranges.add({fileSize / 2, fileSize / 2 + 100 * 1024});
        item.backendState = QJsonObject{{u"ranges"_qs, ranges.toJson()}};
        const DownloadId id = harness->engine.restore({item}).constFirst();
        QVERIFY(harness->waitIdle());
        QUIVER_VERIFY_FILE(*harness, id, u"f.bin"_qs, content);
        int overlaps = 0;
        for (const RecordedRequest &request : server.requestsFor(u"/f.bin"_qs)) {
            QVERIFY2(isSegment(request), request.header("range").constData());
            QCOMPARE(request.header("if-range"), QByteArray("\"v1\""));
            const qint64 begin = rangeBegin(request);
            QVERIFY2(asksOnlyForAHoleOrItsOverlap(ranges, begin), request.header("range").constData());
            overlaps += ranges.covers({begin, begin + 1}) ? 1 : 0;
        }
        // Both recorded ranges end before a hole: each is proven by an overlap.
        QCOMPARE(overlaps, 2);
    }

    void aResumedRangeWhoseOverlapDiffersStartsOver()
    {
        // Between the runs the file changed on the server but kept its ETag (a server that derives it from
        // the name, or a tail damaged on disk): If-Range cannot tell, the overlap before each resumed range
        // does, and the download starts over from byte 0 instead of mixing two files.
        const QByteArray changed = randomBytes(fileSize, 10);
        server.handle(u"/f.bin"_qs, [this, &changed](const RecordedRequest &request) { return throttled(request, changed); });
        const QString part = harness->path(u"f.bin.part"_qs);
        QFile file(part);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content.left(300 * 1024));   // the old file's first bytes
        file.close();
        DownloadItem item;
        item.url = server.url(u"/f.bin"_qs);
        item.directory = harness->dir.path();
        item.fileName = u"f.bin"_qs;
        item.partUrl = item.url;
        item.bytesReceived = 300 * 1024;
        item.bytesTotal = fileSize;
        item.etag = "\"v1\"";
        ByteRanges ranges;
        ranges.add({0, 300 * 1024});
        item.backendState = QJsonObject{{u"ranges"_qs, ranges.toJson()}};
        const DownloadId id = harness->engine.restore({item}).constFirst();
        QVERIFY(harness->waitIdle());
        QUIVER_VERIFY_FILE(*harness, id, u"f.bin"_qs, changed);
        const QList<RecordedRequest> requests = server.requestsFor(u"/f.bin"_qs);
        // The first request went back 64 KiB into the recorded range; after the difference, a fresh probe.
        QCOMPARE(rangeBegin(requests.first()), 300 * 1024 - 64 * 1024);
        bool probedAgain = false;
        for (const RecordedRequest &request : requests)
            probedAgain = probedAgain || isProbe(request);
        QVERIFY(probedAgain);
        QCOMPARE(harness->item(id).attempts, 2);   // the one that found the difference, and the fresh one
    }
};

QTEST_GUILESS_MAIN(TestSegments)
#include "tst_segments.moc"
