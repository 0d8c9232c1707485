// Change Link: an item whose link expired gets a new one and keeps its bytes only when the new link
// provably serves the same file; otherwise it starts over, says why, and still ends with the right file.

#include "enginetestbase.h"

using namespace Quiver;
using namespace Quiver::Test;
using namespace Qt::StringLiterals;

namespace {
constexpr qint64 fileSize = 300000;
constexpr qint64 cut = 100000;
const QByteArray etagV1 = "\"v1\"";
const QByteArray dateV1 = "Tue, 24 Nov 2026 08:00:00 GMT";

// A server that answers every Range request with a 206 of its own body, whatever If-Range says: the
// kind of server that makes If-Range alone unsafe for a link that changed.
Reply alwaysPartial(const QByteArray &body, const QByteArray &etag, const RecordedRequest &request)
{
    const QByteArray range = request.header("range");
    if (!range.startsWith("bytes=") || !range.endsWith('-'))
        return FaultServer::rangeReply(body, etag);
    const qint64 from = range.mid(6, range.size() - 7).toLongLong();
    Reply reply;
    reply.status = 206;
    reply.body = body.mid(from);
    reply.headers = {{"Content-Range", "bytes " + QByteArray::number(from) + '-' + QByteArray::number(body.size() - 1)
                                           + '/' + QByteArray::number(body.size())},
                     {"ETag", etag}};
    return reply;
}
} // namespace

class TestChangeLink final : public QObject
{
    Q_OBJECT

    // Downloads `cut` bytes of content from /old.bin, sent with the given validators, then the connection
    // ends and, with no retries, the item fails with those bytes on disk: an expired link.
    DownloadId expire(EngineHarness &h, const QByteArray &content, const QByteArray &etag,
                      const QByteArray &lastModified)
    {
        h.configure([](EngineSettings &s) { s.retry.maxRetries = 0; });
        Reply partial;
        partial.body = content;
        if (!etag.isEmpty())
            partial.headers.append({QByteArray("ETag"), etag});
        if (!lastModified.isEmpty())
            partial.headers.append({QByteArray("Last-Modified"), lastModified});
        partial.fault = Fault::CloseAfter;
        partial.faultAfter = cut;
        m_server.script(u"/old.bin"_s, {partial});
        const DownloadId id = h.add(m_server.url(u"/old.bin"_s));
        if (!h.waitIdle())
            return 0;
        const DownloadItem &item = h.item(id);
        if (item.state != DownloadState::Failed || item.bytesReceived != cut || item.etag != etag
            || QFileInfo(h.path(u"old.bin.part"_s)).size() != cut)
            return 0;
        return id;
    }

    QList<RecordedRequest> newRequests() const { return m_server.requestsFor(u"/new.bin"_s); }

private slots:
    void init()
    {
        QVERIFY(m_server.listen());
    }
    void cleanup()
    {
        m_server.release();
        m_server.close();
        m_server.reset();
    }

    void sameFileFromAnotherLinkKeepsTheBytes_data()
    {
        QTest::addColumn<QByteArray>("etag");
        QTest::addColumn<QByteArray>("lastModified");
        QTest::newRow("strong ETag") << etagV1 << QByteArray();
        QTest::newRow("weak ETag, Last-Modified") << QByteArray("W/\"weak\"") << dateV1;
    }
    void sameFileFromAnotherLinkKeepsTheBytes()
    {
        QFETCH(QByteArray, etag);
        QFETCH(QByteArray, lastModified);
        EngineHarness h;
        const QByteArray content = randomBytes(fileSize, 1);
        const DownloadId id = expire(h, content, etag, lastModified);
        QVERIFY(id != 0);
        m_server.serveFile(u"/new.bin"_s, content, etag, lastModified.isEmpty() ? dateV1 : lastModified);
        QSignalSpy noted(h.engine.scheduler(), &Scheduler::itemNoted);

        QVERIFY(h.engine.scheduler()->changeLink(id, m_server.url(u"/new.bin"_s)));
        QVERIFY(h.waitIdle());
        QUIVER_VERIFY_FILE(h, id, u"old.bin"_s, content);   // the name stays
        QCOMPARE(h.item(id).url, m_server.url(u"/new.bin"_s));
        const auto requests = newRequests();
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests.at(0).header("range"), resumeRange(cut));
        QCOMPARE(requests.at(0).header("if-range"), lastModified.isEmpty() ? etag : lastModified);
        // Qt may re-send the first request by itself after the early close, but the old link is never asked
        // for the rest.
        for (const RecordedRequest &request : m_server.requestsFor(u"/old.bin"_s))
            QCOMPARE(request.header("range"), QByteArray());
        QCOMPARE(h.item(id).note, u"The new link serves the same file: continuing from 97.7\u00A0KiB."_s);
        QCOMPARE(noted.size(), 1);
    }

    void otherFileStartsOver_data()
    {
        QTest::addColumn<qint64>("newSize");
        QTest::addColumn<QByteArray>("newEtag");
        QTest::addColumn<bool>("ignoresIfRange");
        QTest::addColumn<int>("requestCount");
        QTest::addColumn<QString>("note");
        const QString otherSize = u"The new link serves a different file (other size): starting over."_s;
        const QString otherVersion = u"The new link serves a different file (other version): starting over."_s;
        // The same tag on another size: the server's If-Range passes, our size check does not.
        QTest::newRow("other size, same ETag") << fileSize + 5000 << etagV1 << false << 2 << otherSize;
        // If-Range sees another tag and the server sends the whole new file at once.
        QTest::newRow("other ETag, If-Range honoured") << fileSize << QByteArray("\"v2\"") << false << 1 << otherVersion;
        // Same size, other tag, and a 206 anyway: appending it would make a wrong file of the right size.
        QTest::newRow("other ETag, If-Range ignored") << fileSize << QByteArray("\"v2\"") << true << 2 << otherVersion;
    }
    void otherFileStartsOver()
    {
        QFETCH(qint64, newSize);
        QFETCH(QByteArray, newEtag);
        QFETCH(bool, ignoresIfRange);
        QFETCH(int, requestCount);
        QFETCH(QString, note);
        EngineHarness h;
        const DownloadId id = expire(h, randomBytes(fileSize, 2), etagV1, {});
        QVERIFY(id != 0);
        const QByteArray other = randomBytes(newSize, 3);
        m_server.handle(u"/new.bin"_s, [other, newEtag, ignoresIfRange](const RecordedRequest &request) {
            return ignoresIfRange ? alwaysPartial(other, newEtag, request) : FaultServer::rangeReply(other, newEtag);
        });

        // No retries are left (expire() set none): a restart for another file must not need one.
        QVERIFY(h.engine.scheduler()->changeLink(id, m_server.url(u"/new.bin"_s)));
        QVERIFY(h.waitIdle());
        QUIVER_VERIFY_FILE(h, id, u"old.bin"_s, other);
        const auto requests = newRequests();
        QCOMPARE(requests.size(), requestCount);
        QCOMPARE(requests.constFirst().header("range"), resumeRange(cut));
        QCOMPARE(requests.constLast().header("range"), requestCount == 1 ? resumeRange(cut)
                                                                         : QByteArray());
        QCOMPARE(h.item(id).note, note);
        QCOMPARE(h.item(id).etag, newEtag);
        QVERIFY(h.item(id).lastError.isEmpty());
    }

    void noValidatorRecordedStartsOver()
    {
        EngineHarness h;
        const QByteArray content = randomBytes(fileSize, 4);
        const DownloadId id = expire(h, content, {}, {});
        QVERIFY(id != 0);
        // The very same bytes: still nothing proves it, so nothing is kept.
        m_server.serveFile(u"/new.bin"_s, content);
        QVERIFY(h.engine.scheduler()->changeLink(id, m_server.url(u"/new.bin"_s)));
        QVERIFY(h.waitIdle());
        QUIVER_VERIFY_FILE(h, id, u"old.bin"_s, content);
        QCOMPARE(newRequests().size(), 1);
        QCOMPARE(newRequests().constFirst().header("range"), QByteArray());
        QVERIFY2(h.item(id).note.startsWith(u"The new link cannot be compared with the part already downloaded (no "
                                             "ETag or Last-Modified was recorded for it): starting over."_s),
                 qPrintable(h.item(id).note));
    }

    void runningItemStopsKeepsItsBytesAndContinuesFromTheNewLink()
    {
        EngineHarness h;
        const QByteArray content = randomBytes(fileSize, 5);
        Reply held = FaultServer::rangeReply(content, etagV1);
        held.fault = Fault::HoldAfter;
        held.faultAfter = cut;
        m_server.script(u"/old.bin"_s, {held});
        m_server.serveFile(u"/new.bin"_s, content, etagV1);
        const DownloadId id = h.add(m_server.url(u"/old.bin"_s));
        QTRY_COMPARE_WITH_TIMEOUT(h.item(id).bytesReceived, cut, 10000);
        QCOMPARE(h.item(id).state, DownloadState::Downloading);

        QVERIFY(h.engine.scheduler()->changeLink(id, m_server.url(u"/new.bin"_s)));
        QVERIFY(h.waitIdle());
        QUIVER_VERIFY_FILE(h, id, u"old.bin"_s, content);
        QCOMPARE(newRequests().size(), 1);
        QCOMPARE(newRequests().constFirst().header("range"), resumeRange(cut));
        QCOMPARE(m_server.requestsFor(u"/old.bin"_s).size(), 1);
    }

    void credentialsOfTheNewLinkAreUsedButNeverKept()
    {
        EngineHarness h;
        const QByteArray content = randomBytes(fileSize, 6);
        const DownloadId id = expire(h, content, etagV1, {});
        QVERIFY(id != 0);
        m_server.handle(u"/new.bin"_s, [content](const RecordedRequest &request) {
            if (request.header("authorization").isEmpty()) {
                Reply challenge = FaultServer::statusPage(401);
                challenge.headers.append({QByteArray("WWW-Authenticate"), QByteArray("Basic realm=\"files\"")});
                return challenge;
            }
            return FaultServer::rangeReply(content, etagV1);
        });
        QUrl withPassword = m_server.url(u"/new.bin"_s);
        withPassword.setUserInfo(u"alice:hunter2"_s);
        QVERIFY(h.engine.scheduler()->changeLink(id, withPassword));
        QVERIFY(h.waitIdle());
        QUIVER_VERIFY_FILE(h, id, u"old.bin"_s, content);
        const RecordedRequest last = newRequests().constLast();
        QCOMPARE(last.header("authorization"), QByteArray("Basic YWxpY2U6aHVudGVyMg=="));
        QCOMPARE(last.header("range"), resumeRange(cut));
        QVERIFY(!h.item(id).partUrl.toString().contains(u"hunter2"_s));
        QAbstractItemModel *model = h.engine.model();
        const int row = h.engine.model()->rowOf(id);
        for (int column = 0; column < model->columnCount(); ++column)
            QVERIFY(!model->index(row, column).data().toString().contains(u"hunter2"_s));
    }

private:
    FaultServer m_server;
};

QTEST_GUILESS_MAIN(TestChangeLink)
#include "tst_changelink.moc"
