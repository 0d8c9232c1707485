// Tests of the test infrastructure itself: FaultServer driven by a plain QNetworkAccessManager, and NginxFixture.
// If these fail, every engine test built on them is suspect, so each fault is checked for the exact bytes the
// client sees. More edge cases (RST vs FIN on the wire, framing lies, Qt's silent resend) are in
// tst_faultserver_edges.cpp.

#include "faultserver.h"
#include "nginxfixture.h"
#include "qnamclient.h"
#include "testutil.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <vector>

using namespace Qt::StringLiterals;
using namespace Quiver::Test;

namespace {
constexpr int kWaitMs = 20000;
} // namespace

class tst_FaultServer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fileGet();
    void rangeRequests_data();
    void rangeRequests();
    void ifRange_data();
    void ifRange();
    void cutOff_data();
    void cutOff();
    void silence_data();
    void silence();
    void holdAfterAndRelease();
    void chunkedBody();
    void scriptedSequence();
    void redirect();
    void recordsRequests();
    void peakConcurrencyOneManager();
    void peakConcurrencyManyManagers_data();
    void peakConcurrencyManyManagers();
    void unknownPathIs404();
    void nginxServesFileAndRanges();
};

void tst_FaultServer::fileGet()
{
    FaultServer server;
    QVERIFY(server.listen());
    const QByteArray content = randomBytes(1 << 20, 1);
    server.serveFile(u"/file.bin"_s, content);

    auto manager = makeManager();
    auto t = startTransfer(*manager, makeRequest(server.url(u"/file.bin"_s)));
    QVERIFY(t->waitFinished());
    QCOMPARE(t->reply->error(), QNetworkReply::NoError);
    QCOMPARE(t->status(), 200);
    QCOMPARE(sha256(t->data), sha256(content));
    QCOMPARE(t->reply->rawHeader("Content-Length"), QByteArray::number(content.size()));
    QCOMPARE(t->reply->rawHeader("ETag"), FaultServer::defaultEtag(content));
    QCOMPARE(t->reply->rawHeader("Last-Modified"), FaultServer::defaultLastModified(content));
    QCOMPARE(t->reply->rawHeader("Accept-Ranges"), "bytes"_ba);
    QCOMPARE(server.activeRequests(), 0);
    QCOMPARE(server.peakActiveRequests(), 1);
}

void tst_FaultServer::rangeRequests_data()
{
    QTest::addColumn<QByteArray>("range");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentRange");
    QTest::addColumn<int>("first");
    QTest::addColumn<int>("length");

    QTest::newRow("open") << "bytes=100-"_ba << 206 << "bytes 100-9999/10000"_ba << 100 << 9900;
    QTest::newRow("closed") << "bytes=100-199"_ba << 206 << "bytes 100-199/10000"_ba << 100 << 100;
    QTest::newRow("suffix") << "bytes=-500"_ba << 206 << "bytes 9500-9999/10000"_ba << 9500 << 500;
    QTest::newRow("past the end") << "bytes=9000-20000"_ba << 206 << "bytes 9000-9999/10000"_ba << 9000 << 1000;
    QTest::newRow("last byte") << "bytes=9999-"_ba << 206 << "bytes 9999-9999/10000"_ba << 9999 << 1;
    QTest::newRow("at the end") << "bytes=10000-"_ba << 416 << "bytes */10000"_ba << 0 << 0;
    QTest::newRow("empty suffix") << "bytes=-0"_ba << 416 << "bytes */10000"_ba << 0 << 0;
    QTest::newRow("garbage") << "bytes=abc"_ba << 200 << QByteArray() << 0 << 10000;
    QTest::newRow("reversed") << "bytes=200-100"_ba << 200 << QByteArray() << 0 << 10000;
    QTest::newRow("multi") << "bytes=0-1,5-6"_ba << 200 << QByteArray() << 0 << 10000;
}

void tst_FaultServer::rangeRequests()
{
    QFETCH(QByteArray, range);
    QFETCH(int, status);
    QFETCH(QByteArray, contentRange);
    QFETCH(int, first);
    QFETCH(int, length);

    FaultServer server;
    QVERIFY(server.listen());
    const QByteArray content = randomBytes(10000, 2);
    server.serveFile(u"/f"_s, content);

    auto manager = makeManager();
    QNetworkRequest request = makeRequest(server.url(u"/f"_s));
    request.setRawHeader("Range", range);
    auto t = startTransfer(*manager, request);
    QVERIFY(t->waitFinished());
    QCOMPARE(t->status(), status);
    QCOMPARE(t->reply->rawHeader("Content-Range"), contentRange);
    QCOMPARE(t->data, content.mid(first, length));
    QCOMPARE(t->reply->error(), status == 416 ? QNetworkReply::UnknownContentError : QNetworkReply::NoError);
}

void tst_FaultServer::ifRange_data()
{
    QTest::addColumn<QByteArray>("etag");
    QTest::addColumn<QByteArray>("ifRange");
    QTest::addColumn<int>("status");

    const QByteArray date = "Wed, 21 Oct 2015 07:28:00 GMT"_ba;
    QTest::newRow("etag matches") << "\"v1\""_ba << "\"v1\""_ba << 206;
    QTest::newRow("etag differs") << "\"v1\""_ba << "\"v2\""_ba << 200;
    QTest::newRow("weak etag never matches") << "W/\"v1\""_ba << "W/\"v1\""_ba << 200;
    QTest::newRow("date matches") << "\"v1\""_ba << date << 206;
    QTest::newRow("date differs") << "\"v1\""_ba << "Thu, 22 Oct 2015 07:28:00 GMT"_ba << 200;
}

void tst_FaultServer::ifRange()
{
    QFETCH(QByteArray, etag);
    QFETCH(QByteArray, ifRange);
    QFETCH(int, status);

    FaultServer server;
    QVERIFY(server.listen());
    const QByteArray content = randomBytes(5000, 3);
    server.serveFile(u"/f"_s, content, etag, "Wed, 21 Oct 2015 07:28:00 GMT"_ba);

    auto manager = makeManager();
    QNetworkRequest request = makeRequest(server.url(u"/f"_s));
    request.setRawHeader("Range", "bytes=1000-");
    request.setRawHeader("If-Range", ifRange);
    auto t = startTransfer(*manager, request);
    QVERIFY(t->waitFinished());
    QCOMPARE(t->reply->error(), QNetworkReply::NoError);
    QCOMPARE(t->status(), status);
    QCOMPARE(t->reply->rawHeader("ETag"), etag);
    QCOMPARE(t->data, status == 206 ? content.mid(1000) : content);
}

void tst_FaultServer::cutOff_data()
{
    QTest::addColumn<Fault>("fault");
    QTest::addColumn<int>("after");
    QTest::newRow("ResetAfter") << Fault::ResetAfter << 1000;
    QTest::newRow("CloseAfter") << Fault::CloseAfter << 2500;
    QTest::newRow("ResetAfter 0") << Fault::ResetAfter << 0;
}

void tst_FaultServer::cutOff()
{
    QFETCH(Fault, fault);
    QFETCH(int, after);
    FaultServer server;
    QVERIFY(server.listen());
    Reply reply{.body = randomBytes(100000, 7), .fault = fault, .faultAfter = after};
    server.script(u"/r"_s, {reply});

    auto manager = makeManager();
    auto t = startTransfer(*manager, makeRequest(server.url(u"/r"_s)));
    QVERIFY(t->waitFinished());
    QCOMPARE(t->reply->error(), QNetworkReply::RemoteHostClosedError);
    QCOMPARE(t->status(), 200);
    QCOMPARE(t->data, reply.body.left(after));
    QCOMPARE(server.requests().size(), 1); // headers had arrived, so Qt did not resend
    QTRY_COMPARE(server.activeRequests(), 0);
    QCOMPARE(server.openConnections(), 0);
}

void tst_FaultServer::silence_data()
{
    QTest::addColumn<Fault>("fault");
    QTest::addColumn<int>("after");
    QTest::newRow("StallAfter") << Fault::StallAfter << 3000;
    QTest::newRow("NoAnswer") << Fault::NoAnswer << 0;
}

void tst_FaultServer::silence()
{
    QFETCH(Fault, fault);
    QFETCH(int, after);
    FaultServer server;
    QVERIFY(server.listen());
    Reply reply{.body = randomBytes(100000, 9), .fault = fault, .faultAfter = after};
    server.script(u"/s"_s, {reply});

    auto manager = makeManager();
    auto t = startTransfer(*manager, makeRequest(server.url(u"/s"_s)));
    QTRY_COMPARE(server.requestsFor(u"/s"_s).size(), 1);
    QTRY_COMPARE(t->data.size(), after);
    QVERIFY(serverRoundTrip(server));
    QVERIFY(!t->finished);
    QCOMPARE(t->data, reply.body.left(after));
    QCOMPARE(server.activeRequests(), 1); // a silent response is still in flight

    t->reply->abort();
    QVERIFY(t->finished);
    QCOMPARE(t->reply->error(), QNetworkReply::OperationCanceledError);
    QTRY_COMPARE(server.activeRequests(), 0); // the server noticed the client hanging up
}

void tst_FaultServer::holdAfterAndRelease()
{
    FaultServer server;
    QVERIFY(server.listen());
    Reply reply{.body = randomBytes(65536, 10), .fault = Fault::HoldAfter, .faultAfter = 4096};
    server.script(u"/h"_s, {reply});

    auto manager = makeManager();
    auto t = startTransfer(*manager, makeRequest(server.url(u"/h"_s)));
    QTRY_COMPARE(server.heldReplies(), 1);
    QTRY_COMPARE(t->data.size(), 4096);
    QVERIFY(serverRoundTrip(server));
    QVERIFY(!t->finished);
    QCOMPARE(t->data.size(), 4096);

    server.release();
    QCOMPARE(server.heldReplies(), 0);
    QVERIFY(t->waitFinished());
    QCOMPARE(t->reply->error(), QNetworkReply::NoError);
    QCOMPARE(sha256(t->data), sha256(reply.body));
    QCOMPARE(server.activeRequests(), 0);

    // The gate stays open after release() ...
    auto open = startTransfer(*manager, makeRequest(server.url(u"/h"_s)));
    QVERIFY(open->waitFinished());
    QCOMPARE(open->data, reply.body);
    // ... until rearmHold().
    server.rearmHold();
    auto held = startTransfer(*manager, makeRequest(server.url(u"/h"_s)));
    QTRY_COMPARE(server.heldReplies(), 1);
    server.release();
    QVERIFY(held->waitFinished());
    QCOMPARE(held->data, reply.body);
}

void tst_FaultServer::chunkedBody()
{
    FaultServer server;
    QVERIFY(server.listen());
    const QByteArray body = randomBytes(50000, 11);
    server.script(u"/c"_s, {Reply{.body = body, .chunked = true},
                            Reply{.body = body, .chunked = true, .chunkSize = 7}});

    auto manager = makeManager();
    for (int i = 0; i < 2; ++i) {
        auto t = startTransfer(*manager, makeRequest(server.url(u"/c"_s)));
        QVERIFY(t->waitFinished());
        QCOMPARE(t->reply->error(), QNetworkReply::NoError);
        QVERIFY(!t->reply->hasRawHeader("Content-Length"));
        QCOMPARE(t->reply->rawHeader("Transfer-Encoding"), "chunked"_ba);
        QCOMPARE(sha256(t->data), sha256(body));
    }
    const QList<RecordedRequest> requests = server.requests();
    QCOMPARE(requests[1].connectionId, requests[0].connectionId); // the chunked framing ended cleanly
}

void tst_FaultServer::scriptedSequence()
{
    FaultServer server;
    QVERIFY(server.listen());
    server.script(u"/seq"_s, {FaultServer::retryAfter(503, "2"_ba), FaultServer::statusPage(500),
                              Reply{.body = "third"_ba}});

    auto manager = makeManager();
    const QList<int> expected{503, 500, 200, 200}; // the last reply repeats
    for (int i = 0; i < expected.size(); ++i) {
        auto t = startTransfer(*manager, makeRequest(server.url(u"/seq"_s)));
        QVERIFY(t->waitFinished());
        QCOMPARE(t->status(), expected[i]);
        if (i == 0)
            QCOMPARE(t->reply->rawHeader("Retry-After"), "2"_ba);
        if (expected[i] == 200)
            QCOMPARE(t->data, "third"_ba);
    }
    QCOMPARE(server.requestsFor(u"/seq"_s).size(), 4);
}

void tst_FaultServer::redirect()
{
    FaultServer server;
    QVERIFY(server.listen());
    server.script(u"/a"_s, {FaultServer::redirect(302, "/b"_ba)});
    server.serveFile(u"/b"_s, "target"_ba);

    auto manager = makeManager();
    auto t = startTransfer(*manager, makeRequest(server.url(u"/a"_s)));
    QVERIFY(t->waitFinished());
    QCOMPARE(t->reply->error(), QNetworkReply::NoError);
    QCOMPARE(t->reply->url(), server.url(u"/b"_s));
    QCOMPARE(t->data, "target"_ba);
    const QList<RecordedRequest> requests = server.requests();
    QCOMPARE(requests.size(), 2);
    QCOMPARE(requests[0].path, "/a"_ba);
    QCOMPARE(requests[1].path, "/b"_ba);
}

void tst_FaultServer::recordsRequests()
{
    FaultServer server;
    QVERIFY(server.listen());
    server.serveFile(u"/with spaces .bin"_s, "0123456789"_ba);
    QSignalSpy spy(&server, &FaultServer::requestReceived);

    auto manager = makeManager();
    QNetworkRequest request = makeRequest(server.url(u"/with spaces .bin?x=1&y=2"_s));
    request.setRawHeader("X-Custom", "Hello");
    request.setRawHeader("Range", "bytes=5-");
    auto t = startTransfer(*manager, request);
    QVERIFY(t->waitFinished());
    QCOMPARE(t->data, "56789"_ba);

    QCOMPARE(spy.size(), 1);
    const auto fromSignal = spy.at(0).at(0).value<RecordedRequest>();
    const QList<RecordedRequest> requests = server.requestsFor(u"/with spaces .bin"_s);
    QCOMPARE(requests.size(), 1);
    const RecordedRequest &recorded = requests.first();
    QCOMPARE(fromSignal.path, recorded.path);
    QCOMPARE(recorded.method, "GET"_ba);
    QCOMPARE(recorded.path, "/with%20spaces%20.bin?x=1&y=2"_ba);
    QCOMPARE(recorded.version, "HTTP/1.1"_ba);
    QCOMPARE(recorded.header("X-CUSTOM"), "Hello"_ba);
    QCOMPARE(recorded.headers.value("range"), "bytes=5-"_ba);
    QCOMPARE(recorded.headers.value("accept-encoding"), "identity"_ba);
    QCOMPARE(recorded.headers.value("host"), "127.0.0.1:"_ba + QByteArray::number(server.port()));
    for (auto it = recorded.headers.cbegin(); it != recorded.headers.cend(); ++it)
        QCOMPARE(it.key(), it.key().toLower());
    QCOMPARE(recorded.connectionId, 1);
    QCOMPARE(recorded.index, 0);
}

void tst_FaultServer::peakConcurrencyOneManager()
{
    FaultServer server;
    QVERIFY(server.listen());
    const QByteArray body = randomBytes(10000, 16);
    server.script(u"/p"_s, {Reply{.body = body, .fault = Fault::HoldAfter, .faultAfter = 100}});

    auto manager = makeManager();
    std::vector<std::unique_ptr<Transfer>> transfers;
    for (int i = 0; i < 7; ++i) // one more than Qt's 6 connections per host and manager
        transfers.push_back(startTransfer(*manager, makeRequest(server.url(u"/p?n=%1"_s.arg(i)))));
    QTRY_COMPARE_WITH_TIMEOUT(server.heldReplies(), 6, kWaitMs);
    QCOMPARE(server.activeRequests(), 6);
    QCOMPARE(server.peakActiveRequests(), 6);
    QVERIFY(serverRoundTrip(server));
    QCOMPARE(server.heldReplies(), 6); // the 7th waits inside Qt
    QCOMPARE(server.requestsFor(u"/p"_s).size(), 6);

    server.release();
    for (auto &t : transfers) {
        QVERIFY(t->waitFinished());
        QCOMPARE(t->reply->error(), QNetworkReply::NoError);
        QCOMPARE(t->data, body);
    }
    QCOMPARE(server.activeRequests(), 0);
    QVERIFY(server.peakActiveRequests() == 6 || server.peakActiveRequests() == 7); // the ping adds at most one
    server.resetPeak();
    QCOMPARE(server.peakActiveRequests(), 0);
}

void tst_FaultServer::peakConcurrencyManyManagers_data()
{
    QTest::addColumn<int>("managers");
    QTest::addColumn<int>("requests");
    QTest::newRow("2 managers, 12 requests") << 2 << 12;
    QTest::newRow("3 managers, 16 requests") << 3 << 16; // the engine's 16-download case
}

void tst_FaultServer::peakConcurrencyManyManagers()
{
    QFETCH(int, managers);
    QFETCH(int, requests);
    FaultServer server;
    QVERIFY(server.listen());
    const QByteArray body = randomBytes(10000, 17);
    server.script(u"/p"_s, {Reply{.body = body, .fault = Fault::HoldAfter, .faultAfter = 0}});

    std::vector<std::unique_ptr<QNetworkAccessManager>> clients;
    for (int i = 0; i < managers; ++i)
        clients.push_back(makeManager());
    std::vector<std::unique_ptr<Transfer>> transfers;
    for (int i = 0; i < requests; ++i) // round-robin keeps every manager within Qt's 6 per host
        transfers.push_back(
            startTransfer(*clients[size_t(i % managers)], makeRequest(server.url(u"/p?n=%1"_s.arg(i)))));
    QTRY_COMPARE_WITH_TIMEOUT(server.heldReplies(), requests, kWaitMs);
    QCOMPARE(server.activeRequests(), requests);
    QCOMPARE(server.peakActiveRequests(), requests);
    QCOMPARE(server.openConnections(), requests);

    server.release();
    for (auto &t : transfers) {
        QVERIFY(t->waitFinished());
        QCOMPARE(t->data, body);
    }
    QCOMPARE(server.activeRequests(), 0);
    QCOMPARE(server.peakActiveRequests(), requests);
}

void tst_FaultServer::unknownPathIs404()
{
    FaultServer server;
    QVERIFY(server.listen());
    auto manager = makeManager();
    auto t = startTransfer(*manager, makeRequest(server.url(u"/nothing-here"_s)));
    QVERIFY(t->waitFinished());
    QCOMPARE(t->status(), 404);
    QCOMPARE(t->reply->error(), QNetworkReply::ContentNotFoundError);
    QCOMPARE(server.requests().size(), 1);
}

void tst_FaultServer::nginxServesFileAndRanges()
{
    QTemporaryDir root;
    QVERIFY(root.isValid());
    const qsizetype size = 5 * 1024 * 1024;
    const QByteArray hash = writeRandomFile(root.filePath(u"data.bin"_s), size, 20);
    QVERIFY(!hash.isEmpty());
    QCOMPARE(fileSha256(root.filePath(u"data.bin"_s)), hash);

    NginxFixture nginx;
    QVERIFY2(nginx.start(root.path()), qPrintable(nginx.errorString()));
    QVERIFY(nginx.isRunning());

    auto manager = makeManager();
    auto full = startTransfer(*manager, makeRequest(nginx.url(u"/data.bin"_s)));
    QVERIFY(full->waitFinished());
    QCOMPARE(full->reply->error(), QNetworkReply::NoError);
    QCOMPARE(full->status(), 200);
    QCOMPARE(sha256(full->data), hash);
    const QByteArray etag = full->reply->rawHeader("ETag");
    QVERIFY(!etag.isEmpty());
    QVERIFY(!full->reply->rawHeader("Last-Modified").isEmpty());

    QNetworkRequest request = makeRequest(nginx.url(u"/data.bin"_s));
    request.setRawHeader("Range", "bytes=1000-1999");
    request.setRawHeader("If-Range", etag);
    auto part = startTransfer(*manager, request);
    QVERIFY(part->waitFinished());
    QCOMPARE(part->status(), 206);
    QCOMPARE(part->reply->rawHeader("Content-Range"), "bytes 1000-1999/"_ba + QByteArray::number(size));
    QCOMPARE(part->data, randomBytes(size, 20).mid(1000, 1000));

    nginx.stop();
    QVERIFY(!nginx.isRunning());
}

QTEST_GUILESS_MAIN(tst_FaultServer)
#include "tst_faultserver.moc"
