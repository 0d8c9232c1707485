// Broken connections, timeouts and Range resume against the scripted fault server.

#include "enginetestbase.h"

using namespace Quiver;
using namespace Quiver::Test;
using namespace Qt::StringLiterals;

class TestResume final : public QObject
{
    Q_OBJECT

    // The first request breaks after `cut` bytes; later requests are served with real Range semantics.
    static void breakThenServe(FaultServer &server, const QString &path, const QByteArray &content, Fault fault,
                               qint64 cut, const QByteArray &etag = "\"v1\"")
    {
        Reply broken = FaultServer::rangeReply(content, etag);
        broken.fault = fault;
        broken.faultAfter = cut;
        server.script(path, {broken, FaultServer::rangeReply(content, etag)});
    }

    // Qt silently re-sends a request whose connection closed early and drops that answer, so the n-th
    // request the server saw is not always our n-th attempt. Our resumes are the requests with a Range.
    // Downloads path until exactly 250,000 bytes of content are on disk, pauses there (meanwhile runs
    // touch on the .part), then resumes against next.
    DownloadId interruptAt(EngineHarness &h, const QString &path, const QByteArray &content, const QByteArray &etag,
                           const Reply &next, const std::function<void()> &touch = {})
    {
        Reply first = FaultServer::rangeReply(content, etag);
        first.fault = Fault::HoldAfter;
        first.faultAfter = 250000;
        m_server.script(path, {first, next});
        const DownloadId id = h.add(m_server.url(path));
        [&] { QTRY_COMPARE_WITH_TIMEOUT(h.item(id).bytesReceived, 250000, 10000); }();
        h.engine.scheduler()->pause({id});
        [&] { QTRY_COMPARE(h.item(id).state, DownloadState::Paused); }();
        m_server.release();
        if (touch)
            touch();
        h.engine.scheduler()->resume({id});
        return id;
    }

    QList<RecordedRequest> resumes(const QString &path) const
    {
        QList<RecordedRequest> result;
        for (const RecordedRequest &request : m_server.requestsFor(path)) {
            if (!request.header("range").isEmpty())
                result.append(request);
        }
        return result;
    }

private slots:
    void init()
    {
        QVERIFY(m_server.listen());
    }
    void cleanup()
    {
        m_server.close();
        m_server.reset();
    }

    void resetMidBodyResumesWithRange()
    {
        EngineHarness h;
        const QByteArray content = randomBytes(3 * 1024 * 1024 + 17, 1);
        breakThenServe(m_server, u"/big.bin"_s, content, Fault::ResetAfter, 1024 * 1024);
        const DownloadId id = h.add(m_server.url(u"/big.bin"_s));
        QVERIFY(h.waitIdle());
        QUIVER_VERIFY_FILE(h, id, u"big.bin"_s, content);
        const auto requests = m_server.requestsFor(u"/big.bin"_s);
        QCOMPARE(requests.at(0).header("range"), QByteArray());
        QCOMPARE(requests.at(0).header("accept-encoding"), QByteArray("identity"));
        // A reset may discard bytes still in our socket buffer, so the resume point is whatever reached
        // the disk: a positive offset, sent with the validator.
        const auto ranged = resumes(u"/big.bin"_s);
        QCOMPARE(ranged.size(), 1);
        QVERIFY(ranged.at(0).header("range").startsWith("bytes="));
        QVERIFY(ranged.at(0).header("range") != "bytes=0-");
        QCOMPARE(ranged.at(0).header("if-range"), QByteArray("\"v1\""));
        QCOMPARE(ranged.at(0).header("accept-encoding"), QByteArray("identity"));
        QCOMPARE(h.item(id).attempts, 2);
    }

    void cleanCloseBeforeContentLengthIsNotAFile()
    {
        EngineHarness h;
        const QByteArray content = randomBytes(200000, 2);
        breakThenServe(m_server, u"/early.bin"_s, content, Fault::CloseAfter, 50000);
        const DownloadId id = h.add(m_server.url(u"/early.bin"_s));
        QVERIFY(h.waitIdle());
        QUIVER_VERIFY_FILE(h, id, u"early.bin"_s, content);
        QCOMPARE(resumes(u"/early.bin"_s).at(0).header("range"), resumeRange(50000));
    }

    void closeDelimitedShortBodyWithoutRetriesFails()
    {
        // Content-Length promised 100 000 bytes, 1 000 came: with no retries left it must fail, and the
        // final name must not appear.
        EngineHarness h;
        h.configure([](EngineSettings &s) { s.retry.maxRetries = 0; });
        Reply reply;
        reply.body = randomBytes(100000, 3);
        reply.fault = Fault::CloseAfter;
        reply.faultAfter = 1000;
        m_server.script(u"/short.bin"_s, {reply});
        const DownloadId id = h.add(m_server.url(u"/short.bin"_s));
        QVERIFY(h.waitIdle());
        QCOMPARE(h.item(id).state, DownloadState::Failed);
        QVERIFY2(h.item(id).lastError.contains(u"1,000\u00A0B of 97.7\u00A0KiB"_s) || h.item(id).lastError.contains(u"closed"_s),
                 qPrintable(h.item(id).lastError));
        QVERIFY(!QFile::exists(h.path(u"short.bin"_s)));
        QCOMPARE(QFileInfo(h.path(u"short.bin.part"_s)).size(), 1000);
    }

    void stallMidBodyTimesOutAndResumes()
    {
        EngineHarness h;
        const QByteArray content = randomBytes(500000, 4);
        breakThenServe(m_server, u"/stall.bin"_s, content, Fault::StallAfter, 123456);
        QSignalSpy states(h.engine.model(), &QueueModel::stateChanged);
        const DownloadId id = h.add(m_server.url(u"/stall.bin"_s));
        QVERIFY(h.waitIdle());
        QUIVER_VERIFY_FILE(h, id, u"stall.bin"_s, content);
        QCOMPARE(resumes(u"/stall.bin"_s).at(0).header("range"), resumeRange(123456));
        bool sawRetrying = false;
        for (const auto &args : states)
            sawRetrying |= args.at(2).value<DownloadState>() == DownloadState::Retrying;
        QVERIFY(sawRetrying);
    }

    void stallMessageSaysWhatHappened()
    {
        EngineHarness h;
        h.configure([](EngineSettings &s) { s.retry.maxRetries = 0; });
        Reply reply;
        reply.body = randomBytes(10000, 5);
        reply.fault = Fault::StallAfter;
        reply.faultAfter = 10;
        m_server.script(u"/stuck"_s, {reply});
        const DownloadId id = h.add(m_server.url(u"/stuck"_s));
        QVERIFY(h.waitIdle());
        QCOMPARE(h.item(id).state, DownloadState::Failed);
        QVERIFY2(h.item(id).lastError.startsWith(u"No data for 1 s."_s), qPrintable(h.item(id).lastError));
    }

    void neverAnsweringServerHitsTheConnectTimeout()
    {
        EngineHarness h;
        h.configure([](EngineSettings &s) {
            s.http.connectTimeout = std::chrono::milliseconds(500);
            s.retry.maxRetries = 1;
        });
        const QByteArray content = randomBytes(5000, 6);
        Reply silent;
        silent.fault = Fault::NoAnswer;
        m_server.script(u"/silent"_s, {silent, FaultServer::rangeReply(content)});
        const DownloadId id = h.add(m_server.url(u"/silent"_s));
        QVERIFY(h.waitIdle());
        QUIVER_VERIFY_FILE(h, id, u"silent"_s, content);
        QCOMPARE(h.item(id).attempts, 2);

        Reply alwaysSilent;
        alwaysSilent.fault = Fault::NoAnswer;
        m_server.script(u"/dead"_s, {alwaysSilent});
        const DownloadId dead = h.add(m_server.url(u"/dead"_s));
        QVERIFY(h.waitIdle());
        QCOMPARE(h.item(dead).state, DownloadState::Failed);
        QVERIFY2(h.item(dead).lastError.startsWith(u"No response from 127.0.0.1 within 0.5 s."_s),
                 qPrintable(h.item(dead).lastError));
    }

    void serverIgnoringRangeRestartsFromZero()
    {
        EngineHarness h;
        const QByteArray content = randomBytes(300000, 7);
        Reply broken;
        broken.body = content;
        broken.headers = {{"ETag", "\"v1\""}};
        broken.fault = Fault::ResetAfter;
        broken.faultAfter = 100000;
        Reply full;   // ignores Range: 200 with the whole body
        full.body = content;
        m_server.script(u"/norange.bin"_s, {broken, full});
        const DownloadId id = h.add(m_server.url(u"/norange.bin"_s));
        QVERIFY(h.waitIdle());
        QUIVER_VERIFY_FILE(h, id, u"norange.bin"_s, content);
        QCOMPARE(resumes(u"/norange.bin"_s).size(), 1);
    }

    void changedEtagRestartsFromZero()
    {
        EngineHarness h;
        const QByteArray oldContent = randomBytes(300000, 8);
        const QByteArray newContent = randomBytes(310000, 9);
        Reply broken = FaultServer::rangeReply(oldContent, "\"old\"");
        broken.fault = Fault::ResetAfter;
        broken.faultAfter = 150000;
        // The file changed on the server: If-Range with the old tag gets the whole new file.
        m_server.script(u"/changing.bin"_s, {broken, FaultServer::rangeReply(newContent, "\"new\"")});
        const DownloadId id = h.add(m_server.url(u"/changing.bin"_s));
        QVERIFY(h.waitIdle());
        QUIVER_VERIFY_FILE(h, id, u"changing.bin"_s, newContent);
        QCOMPARE(resumes(u"/changing.bin"_s).at(0).header("if-range"), QByteArray("\"old\""));
        QCOMPARE(h.item(id).etag, QByteArray("\"new\""));
    }

    void weakEtagFallsBackToLastModified()
    {
        EngineHarness h;
        const QByteArray content = randomBytes(200000, 10);
        const QByteArray date = "Tue, 24 Nov 2026 08:00:00 GMT";
        Reply broken = FaultServer::rangeReply(content, "W/\"weak\"", date);
        broken.fault = Fault::ResetAfter;
        broken.faultAfter = 70000;
        m_server.script(u"/weak.bin"_s, {broken, FaultServer::rangeReply(content, "W/\"weak\"", date)});
        const DownloadId id = h.add(m_server.url(u"/weak.bin"_s));
        QVERIFY(h.waitIdle());
        QUIVER_VERIFY_FILE(h, id, u"weak.bin"_s, content);
        QCOMPARE(resumes(u"/weak.bin"_s).at(0).header("if-range"), date);
    }

    void wrongContentRangeStartIsNeverAppended()
    {
        EngineHarness h;
        const QByteArray content = randomBytes(100000, 11);
        Reply broken = FaultServer::rangeReply(content, "\"v\"");
        broken.fault = Fault::ResetAfter;
        broken.faultAfter = 40000;
        Reply lying;   // a 206 that starts somewhere else than asked
        lying.status = 206;
        lying.body = content.mid(30000);
        lying.headers = {{"Content-Range", "bytes 30000-99999/100000"}, {"ETag", "\"v\""}};
        m_server.script(u"/lying.bin"_s, {broken, lying, FaultServer::rangeReply(content, "\"v\"")});
        const DownloadId id = h.add(m_server.url(u"/lying.bin"_s));
        QVERIFY(h.waitIdle());
        QUIVER_VERIFY_FILE(h, id, u"lying.bin"_s, content);
        // After the lying 206 the download started over from zero: the last request has no Range.
        QCOMPARE(m_server.requestsFor(u"/lying.bin"_s).constLast().header("range"), QByteArray());
        QCOMPARE(resumes(u"/lying.bin"_s).size(), 1);
    }

    void rangeNotSatisfiableWhenAlreadyCompleteFinishes()
    {
        // The .part already holds every byte (a crash right before the rename): the server answers 416
        // with the same total, and the file is finished without downloading again.
        EngineHarness h;
        const QByteArray content = randomBytes(64000, 12);
        Reply broken = FaultServer::rangeReply(content, "\"z\"");
        broken.fault = Fault::ResetAfter;
        broken.faultAfter = content.size();
        Reply unsatisfiable;
        unsatisfiable.status = 416;
        unsatisfiable.headers = {{"Content-Range", "bytes */64000"}};
        m_server.script(u"/done.bin"_s, {broken, unsatisfiable});
        const DownloadId id = h.add(m_server.url(u"/done.bin"_s));
        QVERIFY(h.waitIdle());
        const auto requests = resumes(u"/done.bin"_s);
        if (requests.isEmpty()) {
            // The whole body arrived before the reset was noticed: also a correct outcome.
            QUIVER_VERIFY_FILE(h, id, u"done.bin"_s, content);
            return;
        }
        QUIVER_VERIFY_FILE(h, id, u"done.bin"_s, content);
        QCOMPARE(requests.constLast().header("range"), resumeRange(64000));
    }

    void sequenceOfBadAnswersEndsInTheRightFile()
    {
        // After curl's test 3035: cut, resumed and cut again, a 500, a 200 with the full body, then done.
        EngineHarness h;
        const QByteArray content = "abcdefghijklmnopqrstuvwxyz";
        Reply first = FaultServer::rangeReply(content, "\"a\"");
        first.fault = Fault::CloseAfter;
        first.faultAfter = 5;
        Reply second = FaultServer::rangeReply(content, "\"a\"");
        second.fault = Fault::CloseAfter;
        second.faultAfter = 6;
        m_server.script(u"/alpha.txt"_s, {first, second, FaultServer::statusPage(500),
                                          FaultServer::rangeReply(content, "\"a\"")});
        const DownloadId id = h.add(m_server.url(u"/alpha.txt"_s));
        QVERIFY(h.waitIdle());
        QUIVER_VERIFY_FILE(h, id, u"alpha.txt"_s, content);
        // Qt may silently re-send a request whose connection closed early (and drop that answer), so the
        // exact sequence can vary; what must hold is that each resume continued from the bytes on disk.
        const auto requests = m_server.requestsFor(u"/alpha.txt"_s);
        QVERIFY(requests.size() >= 4 && requests.size() <= 6);
        // The second answer starts a little before the 5 bytes on disk (to compare them) and brings 6.
        const qint64 afterSecond = ResponseJudge::rangeStartFor(5) + 6;
        QCOMPARE(resumes(u"/alpha.txt"_s).at(0).header("range"), resumeRange(5));
        QCOMPARE(requests.constLast().header("range"), resumeRange(afterSecond));
        for (const auto &request : requests) {
            const QByteArray range = request.header("range");
            QVERIFY(range.isEmpty() || range == resumeRange(5) || range == resumeRange(afterSecond));
        }
    }

    void partialContentIsNeverTheWholeFile()
    {
        // A 206 nobody asked for, covering only the start: the rest is fetched, never renamed early.
        EngineHarness h;
        const QByteArray content = randomBytes(100000, 15);
        Reply piece;
        piece.status = 206;
        piece.body = content.left(10000);
        piece.headers = {{"Content-Range", "bytes 0-9999/100000"}, {"ETag", "\"c\""}};
        m_server.script(u"/piece.bin"_s, {piece, FaultServer::rangeReply(content, "\"c\"")});
        const DownloadId id = h.add(m_server.url(u"/piece.bin"_s));
        QVERIFY(h.waitIdle());
        QUIVER_VERIFY_FILE(h, id, u"piece.bin"_s, content);
        QVERIFY(!resumes(u"/piece.bin"_s).isEmpty());
        QCOMPARE(resumes(u"/piece.bin"_s).constLast().header("range"), resumeRange(10000));
    }

    void serverCappingEveryRangeStillFinishes()
    {
        // Every answer stops after 100 000 bytes; each attempt makes progress (beyond the overlap it
        // asks for again to compare), so the retry budget of one is never used up and the file completes.
        EngineHarness h;
        h.configure([](EngineSettings &s) { s.retry.maxRetries = 1; });
        const QByteArray content = randomBytes(300000, 16);
        m_server.handle(u"/capped.bin"_s, [content](const RecordedRequest &request) {
            qint64 from = 0;
            const QByteArray range = request.header("range");
            if (range.startsWith("bytes="))
                from = range.mid(6, range.indexOf('-') - 6).toLongLong();
            const qint64 last = qMin<qint64>(from + 100000, content.size()) - 1;
            Reply reply;
            reply.status = 206;
            reply.body = content.mid(from, last - from + 1);
            reply.headers = {{"Content-Range", "bytes " + QByteArray::number(from) + '-' + QByteArray::number(last)
                                                   + "/300000"},
                             {"ETag", "\"cap\""}};
            return reply;
        });
        const DownloadId id = h.add(m_server.url(u"/capped.bin"_s));
        QVERIFY(h.waitIdle());
        QUIVER_VERIFY_FILE(h, id, u"capped.bin"_s, content);
        // 0-99999, then from 50000 (to 150000), 85536 (to 185536), 121072, 156608, 192144 and 227680 (to
        // the end): each asks from 64 KiB (or half) before what it has, to compare.
        QCOMPARE(h.item(id).attempts, 7);
    }

    // Issue 12: a server with neither ETag nor Last-Modified (lighttpd as often configured). The size it
    // reports and the overlap the next answer repeats are what prove the same file: it is continued.
    void serverWithoutValidatorsIsResumedThroughTheOverlap()
    {
        EngineHarness h;
        const QByteArray content = randomBytes(400000, 41);
        const DownloadId id = interruptAt(h, u"/plain.bin"_s, content, {}, FaultServer::rangeReply(content));
        QVERIFY(h.waitIdle());
        QUIVER_VERIFY_FILE(h, id, u"plain.bin"_s, content);
        const auto requests = m_server.requestsFor(u"/plain.bin"_s);
        QCOMPARE(requests.size(), 2);
        QCOMPARE(requests.at(1).header("range"), resumeRange(250000));
        QCOMPARE(requests.at(1).header("if-range"), QByteArray());
    }

    // The same server, but the file changed to one of the same size: the overlap differs, and the download
    // starts over with the reason instead of appending to bytes of another version.
    void aChangedTailStartsOverWithTheReason()
    {
        EngineHarness h;
        const QByteArray before = randomBytes(400000, 42);
        const QByteArray after = randomBytes(400000, 43);
        const DownloadId id = interruptAt(h, u"/swap.bin"_s, before, {}, FaultServer::rangeReply(after));
        QVERIFY(h.waitIdle());
        QUIVER_VERIFY_FILE(h, id, u"swap.bin"_s, after);
        const auto requests = m_server.requestsFor(u"/swap.bin"_s);
        QCOMPARE(requests.size(), 3);
        QCOMPARE(requests.at(1).header("range"), resumeRange(250000));
        QCOMPARE(requests.at(2).header("range"), QByteArray());   // from byte 0
    }

    // A tail damaged on disk (a power loss after the size was written but before the data): the overlap
    // catches it even though the server's validators match.
    void aDamagedTailOnDiskStartsOver()
    {
        EngineHarness h;
        const QByteArray content = randomBytes(400000, 44);
        const DownloadId id = interruptAt(h, u"/tail.bin"_s, content, "\"t\"",
                                          FaultServer::rangeReply(content, "\"t\""), [&h] {
                                              QFile part(h.path(u"tail.bin.part"_s));
                                              QVERIFY(part.open(QIODevice::ReadWrite));
                                              QVERIFY(part.seek(250000 - 1000));
                                              QCOMPARE(part.write(QByteArray(1000, '\0')), 1000);
                                          });
        QVERIFY(h.waitIdle());
        QUIVER_VERIFY_FILE(h, id, u"tail.bin"_s, content);
        const auto requests = m_server.requestsFor(u"/tail.bin"_s);
        QCOMPARE(requests.size(), 3);
        QCOMPARE(requests.at(1).header("range"), resumeRange(250000));
        QCOMPARE(requests.at(2).header("range"), QByteArray());
    }

    // Without validators and with a size that changed, nothing proves the same file: start over.
    void serverWithoutValidatorsAndANewSizeStartsOver()
    {
        EngineHarness h;
        const QByteArray before = randomBytes(400000, 45);
        const QByteArray after = before + randomBytes(1000, 46);   // the same start, grown
        const DownloadId id = interruptAt(h, u"/grown.bin"_s, before, {}, FaultServer::rangeReply(after));
        QVERIFY(h.waitIdle());
        QUIVER_VERIFY_FILE(h, id, u"grown.bin"_s, after);
        const auto requests = m_server.requestsFor(u"/grown.bin"_s);
        QCOMPARE(requests.size(), 3);
        QCOMPARE(requests.at(2).header("range"), QByteArray());
    }

    void restartWithoutValidatorsNeverMixesVersions()
    {
        EngineHarness h;
        const QByteArray v1 = randomBytes(100000, 17);
        const QByteArray v2 = randomBytes(100000, 18);
        Reply first = FaultServer::rangeReply(v1, "\"v1\"");
        first.fault = Fault::CloseAfter;
        first.faultAfter = 40000;
        Reply second;   // a new version, with no validators at all, cut short
        second.body = v2;
        second.fault = Fault::CloseAfter;
        second.faultAfter = 30000;
        int count = 0;
        m_server.handle(u"/versions.bin"_s, [&](const RecordedRequest &request) {
            ++count;
            if (count == 1)
                return first;
            if (count == 2)
                return second;
            // A stale backend would happily continue version 1 for If-Range "v1".
            if (request.header("if-range") == "\"v1\"")
                return FaultServer::rangeReply(v1, "\"v1\"");
            Reply rest = FaultServer::rangeReply(v2);
            rest.headers = {{"ETag", ""}};
            return rest;
        });
        const DownloadId id = h.add(m_server.url(u"/versions.bin"_s));
        QVERIFY(h.waitIdle());
        // The new version's bytes continued with no validator to send; never version 1 appended to it.
        QUIVER_VERIFY_FILE(h, id, u"versions.bin"_s, v2);
        for (const RecordedRequest &request : m_server.requestsFor(u"/versions.bin"_s).mid(2))
            QCOMPARE(request.header("if-range"), QByteArray());
    }

    void pauseKeepsBytesAndResumeContinues()
    {
        EngineHarness h;
        const QByteArray content = randomBytes(2 * 1024 * 1024, 13);
        Reply held = FaultServer::rangeReply(content, "\"p\"");
        held.fault = Fault::HoldAfter;
        held.faultAfter = 700000;
        m_server.script(u"/pause.bin"_s, {held, FaultServer::rangeReply(content, "\"p\"")});
        const DownloadId id = h.add(m_server.url(u"/pause.bin"_s));
        QTRY_COMPARE_WITH_TIMEOUT(h.item(id).bytesReceived, 700000, 10000);
        h.engine.scheduler()->pause({id});
        QTRY_COMPARE(h.item(id).state, DownloadState::Paused);
        QCOMPARE(h.item(id).bytesReceived, 700000);
        QCOMPARE(QFileInfo(h.path(u"pause.bin.part"_s)).size(), 700000);
        h.engine.scheduler()->resume({id});
        QVERIFY(h.waitIdle());
        QUIVER_VERIFY_FILE(h, id, u"pause.bin"_s, content);
        QCOMPARE(resumes(u"/pause.bin"_s).at(0).header("range"), resumeRange(700000));
        m_server.release();
    }

    void cancelRemovesThePart()
    {
        EngineHarness h;
        const QByteArray content = randomBytes(1024 * 1024, 14);
        Reply held = FaultServer::rangeReply(content);
        held.fault = Fault::HoldAfter;
        held.faultAfter = 1000;
        m_server.script(u"/cancel.bin"_s, {held});
        const DownloadId id = h.add(m_server.url(u"/cancel.bin"_s));
        QTRY_COMPARE_WITH_TIMEOUT(h.item(id).bytesReceived, 1000, 10000);
        QVERIFY(QFile::exists(h.path(u"cancel.bin.part"_s)));
        h.engine.scheduler()->cancel({id});
        QTRY_COMPARE(h.item(id).state, DownloadState::Canceled);
        QTRY_VERIFY(!QFile::exists(h.path(u"cancel.bin.part"_s)));   // deleted off this thread
        QVERIFY(!QFile::exists(h.path(u"cancel.bin"_s)));
        m_server.release();
    }

private:
    FaultServer m_server;
};

QTEST_GUILESS_MAIN(TestResume)
#include "tst_resume.moc"
