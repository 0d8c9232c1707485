// Status codes, retries, redirects, names, checksums and concurrency against the scripted server.

#include "enginetestbase.h"

#include <QElapsedTimer>
#include <QThreadPool>

using namespace Quiver;
using namespace Quiver::Test;
using namespace Qt::StringLiterals;

class TestHttp final : public QObject
{
    Q_OBJECT

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

    void plainDownloadAndEmptyFile()
    {
        EngineHarness h;
        const QByteArray content = randomBytes(777777, 20);
        m_server.serveFile(u"/dir/file.iso"_s, content);
        m_server.serveFile(u"/empty.txt"_s, QByteArray());
        const DownloadId id = h.add(m_server.url(u"/dir/file.iso"_s));
        const DownloadId empty = h.add(m_server.url(u"/empty.txt"_s));
        QVERIFY(h.waitIdle());
        QUIVER_VERIFY_FILE(h, id, u"file.iso"_s, content);
        QUIVER_VERIFY_FILE(h, empty, u"empty.txt"_s, QByteArray());
        QCOMPARE(h.item(id).bytesTotal, content.size());
        QCOMPARE(h.files().size(), 2);
        // Finished files are normal files: readable, not executable.
        const auto permissions = QFileInfo(h.path(u"file.iso"_s)).permissions();
        QVERIFY(permissions & QFile::ReadOwner);
        QVERIFY(!(permissions & QFile::ExeOwner));
    }

    void notFoundCostsOneRequestAndSavesNothing()
    {
        EngineHarness h;
        m_server.script(u"/missing.zip"_s, {FaultServer::statusPage(404, "<html>not here</html>")});
        const DownloadId id = h.add(m_server.url(u"/missing.zip"_s));
        QVERIFY(h.waitIdle());
        QCOMPARE(h.item(id).state, DownloadState::Failed);
        QCOMPARE(h.item(id).lastError, u"Server answered 404 Not Found: the file is not there. Check the link."_s);
        QCOMPARE(m_server.requestsFor(u"/missing.zip"_s).size(), 1);
        QCOMPARE(h.files(), QStringList());
    }

    void serverErrorIsRetriedThenGivenUp()
    {
        EngineHarness h;
        h.configure([](EngineSettings &s) { s.retry.maxRetries = 2; });
        m_server.script(u"/flaky"_s, {FaultServer::statusPage(500, "<html>oops</html>")});
        const DownloadId id = h.add(m_server.url(u"/flaky"_s));
        QVERIFY(h.waitIdle());
        QCOMPARE(h.item(id).state, DownloadState::Failed);
        QCOMPARE(m_server.requestsFor(u"/flaky"_s).size(), 3);
        QVERIFY2(h.item(id).lastError.startsWith(u"Server answered 500 Internal Server Error"_s), qPrintable(h.item(id).lastError));
        QVERIFY(h.item(id).lastError.contains(u"Gave up after 3 attempts;"_s));
        QCOMPARE(h.files(), QStringList());   // the error page never became a file
    }

    void serverErrorThenSuccess()
    {
        EngineHarness h;
        const QByteArray content = randomBytes(4096, 21);
        m_server.script(u"/recover"_s, {FaultServer::statusPage(502), FaultServer::statusPage(504),
                                       FaultServer::rangeReply(content)});
        const DownloadId id = h.add(m_server.url(u"/recover"_s));
        QVERIFY(h.waitIdle());
        QUIVER_VERIFY_FILE(h, id, u"recover"_s, content);
        QCOMPARE(h.item(id).attempts, 3);
    }

    void retryAfterSecondsIsHonoured_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("429") << 429;
        QTest::newRow("503") << 503;
    }
    void retryAfterSecondsIsHonoured()
    {
        QFETCH(int, status);
        EngineHarness h;
        const QByteArray content = randomBytes(1000, 22);
        m_server.script(u"/busy"_s, {FaultServer::retryAfter(status, "1"), FaultServer::rangeReply(content)});
        QElapsedTimer clock;
        QList<qint64> at;
        connect(&m_server, &FaultServer::requestReceived, this, [&] { at.append(clock.elapsed()); });
        clock.start();
        const DownloadId id = h.add(m_server.url(u"/busy"_s));
        QVERIFY(h.waitIdle());
        QUIVER_VERIFY_FILE(h, id, u"busy"_s, content);
        QCOMPARE(at.size(), 2);
        // Our own backoff would be at most 20 ms here; the server asked for a second.
        QVERIFY2(at.at(1) - at.at(0) >= 950, qPrintable(QString::number(at.at(1) - at.at(0))));
        m_server.disconnect(this);
    }

    void retryAfterAsHttpDate()
    {
        EngineHarness h;
        const QByteArray content = randomBytes(1000, 23);
        // Whole seconds, as the header carries them: the retry may not come before this moment.
        QDateTime when = QDateTime::currentDateTimeUtc().addSecs(2);
        when.setTime(QTime(when.time().hour(), when.time().minute(), when.time().second()));
        const QByteArray date = QLocale::c().toString(when, u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s).toLatin1();
        m_server.script(u"/later"_s, {FaultServer::retryAfter(503, date), FaultServer::rangeReply(content)});
        QList<QDateTime> at;
        connect(&m_server, &FaultServer::requestReceived, this, [&at] { at.append(QDateTime::currentDateTimeUtc()); });
        QSignalSpy states(h.engine.model(), &QueueModel::stateChanged);
        const DownloadId id = h.add(m_server.url(u"/later"_s));
        QVERIFY(h.waitIdle());
        m_server.disconnect(this);
        QUIVER_VERIFY_FILE(h, id, u"later"_s, content);
        // Checked from the record, not by looking while it waits: a loaded machine (the sanitizer run)
        // may reach the date before the test looks.
        const bool retried = std::any_of(states.cbegin(), states.cend(), [](const QList<QVariant> &change) {
            return change.at(2).value<DownloadState>() == DownloadState::Retrying;
        });
        QVERIFY(retried);
        QCOMPARE(at.size(), 2);
        QVERIFY2(at.at(1) >= when, qPrintable(QString::number(when.msecsTo(at.at(1)))));
    }

    void retryAfterBeyondTheLimitGivesUp()
    {
        EngineHarness h;
        h.configure([](EngineSettings &s) { s.retry.maxRetryAfter = std::chrono::seconds(60); });
        m_server.script(u"/tomorrow"_s, {FaultServer::retryAfter(503, "86400")});
        const DownloadId id = h.add(m_server.url(u"/tomorrow"_s));
        QVERIFY(h.waitIdle());
        QCOMPARE(h.item(id).state, DownloadState::Failed);
        QVERIFY2(h.item(id).lastError.contains(u"86400 s"_s), qPrintable(h.item(id).lastError));
        QCOMPARE(m_server.requestsFor(u"/tomorrow"_s).size(), 1);
    }

    void redirectChainKeepsTheUsersName()
    {
        EngineHarness h;
        const QByteArray content = randomBytes(5000, 24);
        m_server.script(u"/start.bin"_s, {FaultServer::redirect(301, "/hop1")});
        m_server.script(u"/hop1"_s, {FaultServer::redirect(302, "/hop2")});
        m_server.script(u"/hop2"_s, {FaultServer::redirect(307, "/.bashrc")});
        m_server.serveFile(u"/.bashrc"_s, content);
        const DownloadId id = h.add(m_server.url(u"/start.bin"_s));
        QVERIFY(h.waitIdle());
        // The name comes from the link the user gave, never from where a redirect pointed.
        QUIVER_VERIFY_FILE(h, id, u"start.bin"_s, content);
    }

    void redirectLoopEndsWithAClearError()
    {
        EngineHarness h;
        m_server.script(u"/a"_s, {FaultServer::redirect(302, "/b")});
        m_server.script(u"/b"_s, {FaultServer::redirect(302, "/a")});
        const DownloadId id = h.add(m_server.url(u"/a"_s));
        QVERIFY(h.waitIdle());
        QCOMPARE(h.item(id).state, DownloadState::Failed);
        QVERIFY2(h.item(id).lastError.contains(u"redirects too many times"_s), qPrintable(h.item(id).lastError));
        // Stopped at our limit of 10 hops, not Qt's 50. Qt may silently re-send a request whose keep-alive
        // connection closed under it, so allow for that, but nowhere near 50.
        QVERIFY2(m_server.requests().size() <= 22, qPrintable(QString::number(m_server.requests().size())));
        QCOMPARE(h.files(), QStringList());
    }

    void redirectToAnotherSchemeIsRefused_data()
    {
        QTest::addColumn<QByteArray>("location");
        QTest::newRow("file") << QByteArray("file:///etc/passwd");
        QTest::newRow("ftp") << QByteArray("ftp://127.0.0.1/x");
        QTest::newRow("data") << QByteArray("data:text/plain,hello");
    }
    void redirectToAnotherSchemeIsRefused()
    {
        QFETCH(QByteArray, location);
        EngineHarness h;
        m_server.script(u"/go"_s, {FaultServer::redirect(302, location)});
        const DownloadId id = h.add(m_server.url(u"/go"_s));
        QVERIFY(h.waitIdle());
        QCOMPARE(h.item(id).state, DownloadState::Failed);
        QCOMPARE(h.item(id).attempts, 1);
        QVERIFY2(h.item(id).lastError.contains(u"http and https"_s), qPrintable(h.item(id).lastError));
        QCOMPARE(h.files(), QStringList());
    }

    void chunkedBody()
    {
        EngineHarness h;
        Reply reply;
        reply.body = randomBytes(1234567, 25);
        reply.chunked = true;
        reply.chunkSize = 7000;
        m_server.script(u"/chunked.dat"_s, {reply});
        Reply closeDelimited;
        closeDelimited.body = randomBytes(99999, 26);
        closeDelimited.omitContentLength = true;
        m_server.script(u"/close.dat"_s, {closeDelimited});
        const DownloadId id = h.add(m_server.url(u"/chunked.dat"_s));
        const DownloadId id2 = h.add(m_server.url(u"/close.dat"_s));
        QVERIFY(h.waitIdle());
        QUIVER_VERIFY_FILE(h, id, u"chunked.dat"_s, reply.body);
        QUIVER_VERIFY_FILE(h, id2, u"close.dat"_s, closeDelimited.body);
        QCOMPARE(h.item(id).bytesTotal, reply.body.size());
    }

    void contentDispositionNames_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QByteArray("attachment; filename=\"report.pdf\"") << u"report.pdf"_s;
        QTest::newRow("rfc 8187") << QByteArray("attachment; filename*=UTF-8''%E2%82%AC%20rates.txt") << u"€ rates.txt"_s;
        QTest::newRow("traversal") << QByteArray("attachment; filename=\"../../evil.txt\"") << u"evil.txt"_s;
        QTest::newRow("absolute") << QByteArray("attachment; filename=\"/etc/passwd\"") << u"passwd"_s;
        QTest::newRow("dotfile") << QByteArray("attachment; filename=\".bashrc\"") << u"bashrc"_s;
        QTest::newRow("encoded traversal") << QByteArray("attachment; filename*=UTF-8''%2e%2e%2fx.sh") << u"x.sh"_s;
        QTest::newRow("only dots falls back to the URL") << QByteArray("attachment; filename=\"..\"") << u"get"_s;
    }
    void contentDispositionNames()
    {
        QFETCH(QByteArray, header);
        QFETCH(QString, expected);
        EngineHarness h;
        Reply reply;
        reply.body = randomBytes(3000, 27);
        reply.headers = {{"Content-Disposition", header}};
        m_server.script(u"/get"_s, {reply});
        const DownloadId id = h.add(m_server.url(u"/get?id=42"_s));
        QVERIFY(h.waitIdle());
        QUIVER_VERIFY_FILE(h, id, expected, reply.body);
        QCOMPARE(h.files(), QStringList{expected});
    }

    void existingFilesAndQueueMatesAreNeverOverwritten()
    {
        EngineHarness h;
        const QByteArray mine = "the user's own file";
        writeFile(h.path(u"data.csv"_s), mine);
        const QByteArray a = randomBytes(1000, 28);
        const QByteArray b = randomBytes(2000, 29);
        m_server.serveFile(u"/one/data.csv"_s, a);
        m_server.serveFile(u"/two/data.csv"_s, b);
        h.configure([](EngineSettings &s) { s.maxParallel = 1; });
        const DownloadId first = h.add(m_server.url(u"/one/data.csv"_s));
        const DownloadId second = h.add(m_server.url(u"/two/data.csv"_s));
        QVERIFY(h.waitIdle());
        QCOMPARE(readFile(h.path(u"data.csv"_s)), mine);
        QUIVER_VERIFY_FILE(h, first, u"data (1).csv"_s, a);
        QUIVER_VERIFY_FILE(h, second, u"data (2).csv"_s, b);
    }

    void outNameAndChecksum()
    {
        EngineHarness h;
        const QByteArray content = randomBytes(50000, 30);
        m_server.serveFile(u"/x"_s, content);
        m_server.serveFile(u"/y"_s, content);
        LinkOptions good;
        good.fileName = u"renamed.bin"_s;
        good.sha256 = QByteArray::fromHex(sha256(content));
        LinkOptions bad;
        bad.fileName = u"../outside.bin"_s;
        bad.sha256 = QByteArray::fromHex(sha256("something else"));
        const DownloadId ok = h.add(m_server.url(u"/x"_s), good);
        const DownloadId wrong = h.add(m_server.url(u"/y"_s), bad);
        QVERIFY(h.waitIdle());
        QUIVER_VERIFY_FILE(h, ok, u"renamed.bin"_s, content);
        QCOMPARE(h.item(wrong).state, DownloadState::Failed);
        const QString error = h.item(wrong).lastError;
        QVERIFY2(error.contains(QString::fromLatin1(sha256(content))), qPrintable(error));
        QVERIFY2(error.contains(QString::fromLatin1(sha256("something else"))), qPrintable(error));
        QVERIFY(!QFile::exists(h.path(u"outside.bin"_s)));
        QVERIFY(QFile::exists(h.path(u"outside.bin.part"_s)));   // kept, never given the final name
        QVERIFY(!QFile::exists(QDir(h.dir.path()).filePath(u"../outside.bin"_s)));
        QCOMPARE(m_server.requestsFor(u"/y"_s).size(), 1);       // a checksum mismatch is not retried
    }

    void sixteenTransfersReallyRunAtOnceAgainstOneHost()
    {
        EngineHarness h;
        h.configure([](EngineSettings &s) {
            s.maxParallel = 16;
            s.perHost = 16;
            s.http.stallTimeout = std::chrono::milliseconds(20000);
        });
        QList<QUrl> urls;
        QList<QByteArray> contents;
        for (int i = 0; i < 20; ++i) {
            const QString path = u"/f%1.bin"_s.arg(i);
            Reply held = FaultServer::rangeReply(randomBytes(100000 + i, 100 + i));
            held.fault = Fault::HoldAfter;
            held.faultAfter = 1000;
            contents.append(held.body);
            m_server.script(path, {held});
            urls.append(m_server.url(path));
        }
        const auto ids = h.addMany(urls);
        // All 16 reach the server while the rest wait in our queue, not in Qt's.
        QTRY_COMPARE_WITH_TIMEOUT(m_server.activeRequests(), 16, 10000);
        QCOMPARE(h.engine.scheduler()->activeCount(), 16);
        QCOMPARE(m_server.peakActiveRequests(), 16);
        QVERIFY(h.engine.networkManagerCount() >= 3);
        m_server.release();
        QVERIFY(h.waitIdle());
        QCOMPARE(m_server.peakActiveRequests(), 16);
        for (int i = 0; i < ids.size(); ++i)
            QUIVER_VERIFY_FILE(h, ids.at(i), u"f%1.bin"_s.arg(i), contents.at(i));
    }

    void perHostCapHoldsOnTheWire()
    {
        EngineHarness h;
        h.configure([](EngineSettings &s) {
            s.maxParallel = 16;
            s.perHost = 3;
            s.http.stallTimeout = std::chrono::milliseconds(20000);
        });
        QList<QUrl> urls;
        for (int i = 0; i < 8; ++i) {
            const QString path = u"/h%1"_s.arg(i);
            Reply held = FaultServer::rangeReply(randomBytes(5000, 200 + i));
            held.fault = Fault::HoldAfter;
            held.faultAfter = 100;
            m_server.script(path, {held});
            urls.append(m_server.url(path));
        }
        h.addMany(urls);
        QTRY_COMPARE_WITH_TIMEOUT(m_server.activeRequests(), 3, 10000);
        QCOMPARE(h.engine.scheduler()->activeCount(), 3);
        m_server.release();
        QVERIFY(h.waitIdle());
        QCOMPARE(m_server.peakActiveRequests(), 3);
        QCOMPARE(m_server.requests().size(), 8);
    }

    void cancelWhileAnErrorPageArrivesCancels()
    {
        EngineHarness h;
        Reply page = FaultServer::statusPage(503, QByteArray(100000, 'E'));
        page.fault = Fault::HoldAfter;
        page.faultAfter = 100;
        m_server.script(u"/busy-page"_s, {page});
        const DownloadId id = h.add(m_server.url(u"/busy-page"_s));
        QTRY_COMPARE(m_server.heldReplies(), 1);
        h.engine.scheduler()->cancel({id});
        QTRY_COMPARE(h.item(id).state, DownloadState::Canceled);
        QVERIFY(h.waitIdle());
        QCOMPARE(h.item(id).state, DownloadState::Canceled);   // not retried as a 503
        QCOMPARE(m_server.requestsFor(u"/busy-page"_s).size(), 1);
        m_server.release();
    }

    void removingAnItemWhileItVerifiesIsSafe()
    {
        EngineHarness h;
        const QByteArray content = randomBytes(24 * 1024 * 1024, 33);
        m_server.serveFile(u"/verify.bin"_s, content);
        LinkOptions options;
        options.sha256 = QByteArray::fromHex(sha256(content));
        const DownloadId id = h.add(m_server.url(u"/verify.bin"_s), options);
        bool removed = false;
        connect(h.engine.model(), &QueueModel::stateChanged, this,
                [&](DownloadId changed, DownloadState, DownloadState to) {
                    if (changed == id && to == DownloadState::Verifying && !removed) {
                        removed = true;
                        QMetaObject::invokeMethod(this, [&] { h.engine.remove({id}, false); }, Qt::QueuedConnection);
                    }
                });
        QTRY_VERIFY_WITH_TIMEOUT(removed && h.engine.model()->rowCount() == 0, 20000);
        QVERIFY(h.waitIdle());
        // The worker finishes its hash in the background; nothing crashes and nothing hears back.
        QThreadPool::globalInstance()->waitForDone();
        QCoreApplication::processEvents();
    }

    void redirectsFromTwoHostsToAThirdAllReachTheWire()
    {
        EngineHarness h;
        h.configure([](EngineSettings &s) {
            s.maxParallel = 12;
            s.perHost = 6;
            s.http.stallTimeout = std::chrono::milliseconds(20000);
        });
        FaultServer target;
        QVERIFY(target.listen());
        QList<QUrl> urls;
        for (int i = 0; i < 12; ++i) {
            Reply held = FaultServer::rangeReply(randomBytes(3000, 400 + i));
            held.fault = Fault::HoldAfter;
            held.faultAfter = 10;
            target.script(u"/t%1"_s.arg(i), {held});
            m_server.script(u"/r%1"_s.arg(i), {FaultServer::redirect(302, target.url(u"/t%1"_s.arg(i)).toEncoded())});
            QUrl url = m_server.url(u"/r%1"_s.arg(i));
            if (i % 2)
                url.setHost(u"localhost"_s);   // a second origin host, same server
            urls.append(url);
        }
        h.addMany(urls);
        QTRY_COMPARE_WITH_TIMEOUT(target.activeRequests(), 12, 15000);
        target.release();
        QVERIFY(h.waitIdle());
        QCOMPARE(target.peakActiveRequests(), 12);
    }

    void errorBodyOnRetryableStatusIsNotSaved()
    {
        EngineHarness h;
        const QByteArray content = randomBytes(10000, 31);
        Reply busy = FaultServer::statusPage(503, QByteArray(5000, 'E'));
        m_server.script(u"/page"_s, {busy, FaultServer::rangeReply(content)});
        const DownloadId id = h.add(m_server.url(u"/page"_s));
        QVERIFY(h.waitIdle());
        QUIVER_VERIFY_FILE(h, id, u"page"_s, content);
        QCOMPARE(m_server.requestsFor(u"/page"_s).at(1).header("range"), QByteArray());
    }

private:
    FaultServer m_server;
};

QTEST_GUILESS_MAIN(TestHttp)
#include "tst_http.moc"
