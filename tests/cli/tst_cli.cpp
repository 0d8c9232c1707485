// quiver-cli as a user runs it: a real process against the scripted server, checked by exit status,
// stderr and the bytes on disk.

#include "clirunner.h"
#include "faultserver.h"
#include "testutil.h"
#include "util/tokenbucket.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Quiver::Test;
using namespace Qt::StringLiterals;

class TestCli final : public QObject
{
    Q_OBJECT

    CliRun run(const QStringList &arguments, const QByteArray &stdinData = {}) { return runCli(arguments, stdinData); }

private slots:
    void initTestCase()
    {
        m_cli = qEnvironmentVariable("QUIVER_CLI");
        QVERIFY2(QFileInfo(m_cli).isExecutable(), "QUIVER_CLI must point at the quiver-cli binary");
    }
    void init()
    {
        QVERIFY(m_server.listen());
    }
    void cleanup()
    {
        m_server.close();
        m_server.reset();
    }

    void linksFileWithBadLinesStillDownloadsTheGoodOnes()
    {
        QTemporaryDir dir;
        const QByteArray a = randomBytes(300000, 40);
        const QByteArray b = randomBytes(5000, 41);
        m_server.serveFile(u"/a.bin"_s, a);
        m_server.serveFile(u"/b.bin"_s, b);
        const QByteArray links = "# my downloads\n"
            + m_server.url(u"/a.bin"_s).toEncoded() + "\n"
            "\n"
            "ftp://example.org/file\n"
            + m_server.url(u"/b.bin"_s).toEncoded() + "\n"
            "  out=renamed.bin\n"
            "  checksum=sha-256=" + sha256(b) + "\n"
            + m_server.url(u"/a.bin"_s).toEncoded() + "\n";   // a duplicate, merged
        writeFile(dir.filePath(u"links.txt"_s), links);
        const CliRun result = run({u"-i"_s, dir.filePath(u"links.txt"_s), u"-d"_s, dir.filePath(u"out"_s)});
        QCOMPARE(result.exitCode, 1);   // an invalid line makes the run fail, after downloading the rest
        QVERIFY2(result.err.contains(u"line 4"_s), qPrintable(result.err));
        QVERIFY(result.err.contains(u"only http and https"_s));
        QCOMPARE(fileSha256(dir.filePath(u"out/a.bin"_s)), sha256(a));
        QCOMPARE(fileSha256(dir.filePath(u"out/renamed.bin"_s)), sha256(b));
        QCOMPARE(QDir(dir.filePath(u"out"_s)).entryList(QDir::Files).size(), 2);
        QCOMPARE(m_server.requestsFor(u"/a.bin"_s).size(), 1);
        const QStringList lines = result.err.trimmed().split(u'\n');
        QVERIFY2(lines.constLast().startsWith(u"Done: 2 of 2 finished, 0 failed"_s), qPrintable(lines.constLast()));
        QCOMPARE(result.err.count(u"Finished  "_s), 2);
    }

    void allGoodExitsZero()
    {
        QTemporaryDir dir;
        QStringList arguments{u"-d"_s, dir.path(), u"-j"_s, u"3"_s};
        QList<QByteArray> contents;
        for (int i = 0; i < 10; ++i) {
            contents.append(randomBytes(10000 + i * 777, 50 + i));
            m_server.serveFile(u"/file%1.dat"_s.arg(i), contents.constLast());
            arguments.append(m_server.url(u"/file%1.dat"_s.arg(i)).toString());
        }
        const CliRun result = run(arguments);
        QCOMPARE(result.exitCode, 0);
        for (int i = 0; i < 10; ++i)
            QCOMPARE(fileSha256(dir.filePath(u"file%1.dat"_s.arg(i))), sha256(contents.at(i)));
        QVERIFY(result.err.contains(u"Done: 10 of 10 finished, 0 failed"_s));
        QCOMPARE(result.out, QString());   // progress goes to stderr only
    }

    void aLimitedRunEndsByteIdentical()
    {
        QTemporaryDir dir;
        QStringList arguments{u"-d"_s, dir.path(), u"--limit-rate"_s, u"32M"_s};
        QList<QByteArray> contents;
        for (int i = 0; i < 3; ++i) {
            contents.append(randomBytes(700000 + i * 999, 70 + i));
            m_server.serveFile(u"/limited%1.dat"_s.arg(i), contents.constLast());
            arguments.append(m_server.url(u"/limited%1.dat"_s.arg(i)).toString());
        }
        const CliRun result = run(arguments);
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        for (int i = 0; i < 3; ++i)
            QCOMPARE(fileSha256(dir.filePath(u"limited%1.dat"_s.arg(i))), sha256(contents.at(i)));
    }

    void segmentsUnderARateLimitEndByteIdentical()
    {
        // -s with --limit-rate: the file comes in several ranges, all read through the one limit. The run
        // cannot be quicker than the limit allows after the first full bucket (a bound that only a broken
        // limiter can miss, however busy the machine); the figures themselves are bench/'s to measure.
        QTemporaryDir dir;
        const QByteArray content = randomBytes(6 * 1024 * 1024 + 321, 73);
        m_server.serveFile(u"/limited.bin"_s, content);
        const qint64 rate = 4 * 1024 * 1024;
        QElapsedTimer clock;
        clock.start();
        const CliRun result = run({u"-d"_s, dir.path(), u"-s"_s, u"4"_s, u"--limit-rate"_s, u"4M"_s,
                                   m_server.url(u"/limited.bin"_s).toString()});
        const qint64 elapsedMs = clock.elapsed();
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QCOMPARE(fileSha256(dir.filePath(u"limited.bin"_s)), sha256(content));
        int segments = 0;
        for (const RecordedRequest &request : m_server.requestsFor(u"/limited.bin"_s)) {
            const QByteArray range = request.header("range");
            segments += range.startsWith("bytes=") && !range.endsWith('-') ? 1 : 0;
        }
        QVERIFY2(segments >= 2, "the file was not fetched in segments");
        const qint64 floorMs = (content.size() - Quiver::TokenBucket::capacityFor(rate)) * 1000 / rate;
        QVERIFY2(elapsedMs >= floorMs, qPrintable(u"%1 ms for what the limit allows in %2 ms at the least"_s.arg(elapsedMs).arg(floorMs)));
    }

    void linksFromStandardInput()
    {
        QTemporaryDir dir;
        const QByteArray content = randomBytes(1234, 60);
        m_server.serveFile(u"/in.txt"_s, content);
        const CliRun result = run({u"-i"_s, u"-"_s, u"-d"_s, dir.path()}, m_server.url(u"/in.txt"_s).toEncoded() + "\n");
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(fileSha256(dir.filePath(u"in.txt"_s)), sha256(content));
    }

    // Qt reads a leading ':' as its resource system, where nothing can be written; on disk it is an
    // ordinary first letter, for -d, dir=, -i and --session alike.
    void foldersStartingWithAColonAreOrdinaryFolders()
    {
        QTemporaryDir dir;
        const QByteArray a = randomBytes(3000, 62);
        const QByteArray b = randomBytes(4000, 63);
        m_server.serveFile(u"/a.bin"_s, a);
        m_server.serveFile(u"/b.bin"_s, b);
        writeFile(dir.path() + u"/:links.txt"_s, m_server.url(u"/a.bin"_s).toEncoded() + "\n"
                      + m_server.url(u"/b.bin"_s).toEncoded() + "\n  dir=:sub\n");
        const CliRun result = runCli({u"-i"_s, u":links.txt"_s, u"-d"_s, u":out"_s, u"--session"_s, u":queue.json"_s},
                                     {}, 60000, dir.path());
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QVERIFY(QFileInfo(dir.path() + u"/:queue.json"_s).size() > 0);
        // The same session again, without links: it is found and continued (nothing left to do).
        const CliRun again = runCli({u"-d"_s, u":out"_s, u"--session"_s, u":queue.json"_s}, {}, 60000, dir.path());
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QVERIFY2(again.err.contains(u"2 of 2 finished"_s), qPrintable(again.err));
        QCOMPARE(fileSha256(dir.path() + u"/:out/a.bin"_s), sha256(a));
        QCOMPARE(fileSha256(dir.path() + u"/:out/:sub/b.bin"_s), sha256(b));
    }

    void failedDownloadExitsOneWithItsReason()
    {
        QTemporaryDir dir;
        const QByteArray content = randomBytes(1000, 61);
        m_server.serveFile(u"/ok"_s, content);
        m_server.script(u"/gone"_s, {FaultServer::statusPage(404)});
        const CliRun result = run({u"-d"_s, dir.path(), m_server.url(u"/ok"_s).toString(), m_server.url(u"/gone"_s).toString()});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(u"Server answered 404 Not Found: the file is not there. Check the link."_s), qPrintable(result.err));
        QVERIFY(result.err.contains(u"Done: 1 of 2 finished, 1 failed"_s));
        QCOMPARE(fileSha256(dir.filePath(u"ok"_s)), sha256(content));
        QVERIFY(!QFile::exists(dir.filePath(u"gone"_s)));
        QCOMPARE(m_server.requestsFor(u"/gone"_s).size(), 1);
    }

    void timeoutsAndRetriesFromTheCommandLine()
    {
        QTemporaryDir dir;
        Reply stall = FaultServer::rangeReply(randomBytes(50000, 62));
        stall.fault = Fault::StallAfter;
        stall.faultAfter = 100;
        Reply stuck = stall;
        stuck.faultAfter = 0;
        m_server.script(u"/slow"_s, {stall, stuck});
        const CliRun result = run({u"-d"_s, dir.path(), u"--timeout"_s, u"0.5"_s, u"--retries"_s, u"2"_s,
                                   u"--retry-wait"_s, u"0.05"_s, m_server.url(u"/slow"_s).toString()});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(u"No data for 0.5 s. Gave up after 3 attempts;"_s), qPrintable(result.err));
        // The first attempt got 100 bytes; the retries made no progress and used up the budget, each
        // continuing from the bytes on disk.
        const auto requests = m_server.requestsFor(u"/slow"_s);
        QCOMPARE(requests.size(), 3);
        QCOMPARE(requests.at(1).header("range"), resumeRange(100));
        QCOMPARE(requests.at(2).header("range"), resumeRange(100));
        QCOMPARE(QFileInfo(dir.filePath(u"slow.part"_s)).size(), 100);
    }

    void sixteenAtOnceAgainstOneHost()
    {
        QTemporaryDir dir;
        QStringList arguments{u"-d"_s, dir.path(), u"-j"_s, u"16"_s, u"--per-host"_s, u"16"_s};
        QList<QByteArray> contents;
        for (int i = 0; i < 24; ++i) {
            Reply held = FaultServer::rangeReply(randomBytes(20000, 300 + i));
            held.fault = Fault::HoldAfter;
            held.faultAfter = 500;
            contents.append(held.body);
            m_server.script(u"/p%1"_s.arg(i), {held});
            arguments.append(m_server.url(u"/p%1"_s.arg(i)).toString());
        }
        QProcess process;
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(m_cli, arguments);
        QVERIFY(process.waitForStarted());
        QTRY_COMPARE_WITH_TIMEOUT(m_server.activeRequests(), 16, 15000);
        QCOMPARE(m_server.peakActiveRequests(), 16);
        m_server.release();
        QVERIFY(finished.wait(30000));
        QCOMPARE(process.exitCode(), 0);
        QCOMPARE(m_server.peakActiveRequests(), 16);
        for (int i = 0; i < contents.size(); ++i)
            QCOMPARE(fileSha256(dir.filePath(u"p%1"_s.arg(i))), sha256(contents.at(i)));
    }

    void urlPatternsInArgumentsAndLinksFiles()
    {
        QTemporaryDir dir;
        QList<QByteArray> contents;
        for (int i = 1; i <= 12; ++i) {
            contents.append(randomBytes(2000 + i, 70 + i));
            m_server.serveFile(u"/img%1.jpg"_s.arg(i, 3, 10, QChar(u'0')), contents.constLast());
        }
        m_server.serveFile(u"/a.png"_s, contents.at(0));
        m_server.serveFile(u"/b.png"_s, contents.at(1));
        // Eight from an argument, four from a links file with #1 in their names, two from a list.
        const QString base = m_server.url(u"/"_s).toString();
        writeFile(dir.filePath(u"links.txt"_s),
                  (base + u"img[009-012].jpg\n  out=picture-#1.jpg\n"_s).toUtf8());
        const CliRun result = run({u"-d"_s, dir.filePath(u"out"_s), u"-i"_s, dir.filePath(u"links.txt"_s),
                                   base + u"img[001-008].jpg"_s, base + u"{a,b}.png"_s});
        QCOMPARE(result.exitCode, 0);
        for (int i = 1; i <= 8; ++i)
            QCOMPARE(fileSha256(dir.filePath(u"out/img%1.jpg"_s.arg(i, 3, 10, QChar(u'0')))), sha256(contents.at(i - 1)));
        for (int i = 9; i <= 12; ++i)
            QCOMPARE(fileSha256(dir.filePath(u"out/picture-%1.jpg"_s.arg(i, 3, 10, QChar(u'0')))), sha256(contents.at(i - 1)));
        QCOMPARE(fileSha256(dir.filePath(u"out/b.png"_s)), sha256(contents.at(1)));
        QVERIFY2(result.err.contains(u"Done: 14 of 14 finished, 0 failed"_s), qPrintable(result.err));
    }

    void noGlobbingKeepsBracketsLiteral()
    {
        QTemporaryDir dir;
        const QByteArray content = randomBytes(3000, 90);
        m_server.serveFile(u"/a[1].txt"_s, content);
        const CliRun result = run({u"--no-globbing"_s, u"-d"_s, dir.path(), m_server.url(u"/"_s).toString() + u"a[1].txt"_s});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(fileSha256(dir.filePath(u"a[1].txt"_s)), sha256(content));
        QCOMPARE(m_server.requestsFor(u"/a[1].txt"_s).size(), 1);
    }

    void patternPastTheCapIsRefusedWithItsLine()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(u"links.txt"_s), "# big\nhttp://127.0.0.1:9/f[1-11]\n");
        const CliRun result = run({u"--max-pattern-links"_s, u"10"_s, u"-i"_s, dir.filePath(u"links.txt"_s), u"-d"_s, dir.path()});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(u"line 2: This pattern makes 11 links, more than the 10"_s), qPrintable(result.err));
        const CliRun hostile = run({u"-d"_s, dir.path(), u"http://127.0.0.1:9/[1-99999999999999999999]"_s});
        QCOMPARE(hostile.exitCode, 1);
        QVERIFY2(hostile.err.contains(u"argument 1: "_s) && hostile.err.contains(u"longer than 18 digits"_s), qPrintable(hostile.err));
    }

    // A list checks the files by their names: a match finishes (and says so), a mismatch fails with
    // both hashes and keeps its .part, a file the list does not name is not checked.
    void checksumListChecksTheFilesItNames()
    {
        QTemporaryDir dir;
        const QByteArray good = randomBytes(200000, 101);
        const QByteArray wide = randomBytes(70000, 102);
        const QByteArray bad = randomBytes(5000, 103);
        const QByteArray other = randomBytes(4000, 104);
        m_server.serveFile(u"/good.iso"_s, good);
        m_server.serveFile(u"/wide.img"_s, wide);
        m_server.serveFile(u"/bad.iso"_s, bad);
        m_server.serveFile(u"/other.txt"_s, other);
        const QByteArray wrong = sha256(other);
        const QByteArray sha512 = QCryptographicHash::hash(wide, QCryptographicHash::Sha512).toHex();
        writeFile(dir.filePath(u"SHA256SUMS"_s),
                  sha256(good) + "  release/good.iso\n" + wrong + " *bad.iso\nSHA512 (wide.img) = " + sha512 + "\n");
        const CliRun result = run({u"--retries"_s, u"0"_s, u"--checksums"_s, dir.filePath(u"SHA256SUMS"_s), u"-d"_s,
                                   dir.filePath(u"out"_s), m_server.url(u"/good.iso"_s).toString(),
                                   m_server.url(u"/wide.img"_s).toString(), m_server.url(u"/bad.iso"_s).toString(),
                                   m_server.url(u"/other.txt"_s).toString()});
        QCOMPARE(result.exitCode, 1);
        QCOMPARE(fileSha256(dir.filePath(u"out/good.iso"_s)), sha256(good));
        QCOMPARE(fileSha256(dir.filePath(u"out/wide.img"_s)), sha256(wide));
        QCOMPARE(fileSha256(dir.filePath(u"out/other.txt"_s)), sha256(other));
        QVERIFY(!QFileInfo::exists(dir.filePath(u"out/bad.iso"_s)));
        QCOMPARE(fileSha256(dir.filePath(u"out/bad.iso.part"_s)), sha256(bad));
        QVERIFY2(result.err.contains(u"The file's SHA-256 is %1, but the checksum list “SHA256SUMS” expects %2."_s
                                         .arg(QString::fromLatin1(sha256(bad)), QString::fromLatin1(wrong))),
                 qPrintable(result.err));
        QVERIFY2(result.err.contains(u"good.iso: Checked against the checksum list “SHA256SUMS”: the file's SHA-256 matches"_s),
                 qPrintable(result.err));
        QVERIFY(result.err.contains(u"wide.img: Checked against the checksum list “SHA256SUMS”: the file's SHA-512 matches"_s));
        QVERIFY(!result.err.contains(u"other.txt: Checked"_s));
        QVERIFY(result.err.contains(u"Done: 3 of 4 finished, 1 failed"_s));
    }

    void checksumListFromALink()
    {
        QTemporaryDir dir;
        const QByteArray content = randomBytes(9000, 105);
        m_server.serveFile(u"/f.bin"_s, content);
        m_server.serveFile(u"/SUMS"_s, sha256(randomBytes(10, 1)) + "  f.bin\n");
        const CliRun result = run({u"--retries"_s, u"0"_s, u"--checksums"_s, m_server.url(u"/SUMS"_s).toString(),
                                   u"-d"_s, dir.path(), m_server.url(u"/f.bin"_s).toString()});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(u"expects %1"_s.arg(QString::fromLatin1(sha256(randomBytes(10, 1))))), qPrintable(result.err));
        QVERIFY(!QFileInfo::exists(dir.filePath(u"f.bin"_s)));
        QCOMPARE(m_server.requestsFor(u"/SUMS"_s).size(), 1);

        // A list that cannot be fetched: nothing is downloaded unchecked.
        const CliRun missing = run({u"--checksums"_s, m_server.url(u"/nowhere"_s).toString(), u"-d"_s, dir.path(),
                                    m_server.url(u"/f.bin"_s).toString()});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(u"could not be fetched, so nothing was downloaded"_s), qPrintable(missing.err));
        QCOMPARE(m_server.requestsFor(u"/f.bin"_s).size(), 1);
    }

    // The session keeps the lists: a run that resumes the queue without --checksums still checks the
    // downloads the first run's list named (a mismatch fails with both hashes, a match says so).
    void checksumListIsKeptWithTheSession()
    {
        QTemporaryDir dir;
        const QByteArray good = randomBytes(60000, 106);
        const QByteArray bad = randomBytes(7000, 107);
        const QByteArray wrong = sha256(randomBytes(10, 2));
        writeFile(dir.filePath(u"SHA256SUMS"_s), sha256(good) + "  good.iso\n" + wrong + "  bad.iso\n");
        m_server.script(u"/good.iso"_s, {FaultServer::statusPage(503)});
        m_server.script(u"/bad.iso"_s, {FaultServer::statusPage(503)});
        const QString session = dir.filePath(u"queue.json"_s);
        const QStringList links{m_server.url(u"/good.iso"_s).toString(), m_server.url(u"/bad.iso"_s).toString()};
        const CliRun first = run(QStringList{u"--retries"_s, u"0"_s, u"--session"_s, session, u"--checksums"_s,
                                             dir.filePath(u"SHA256SUMS"_s), u"-d"_s, dir.filePath(u"out"_s)} + links);
        QCOMPARE(first.exitCode, 1);
        QVERIFY2(readFile(session).contains("\"checksums\""), readFile(session).constData());

        m_server.serveFile(u"/good.iso"_s, good);
        m_server.serveFile(u"/bad.iso"_s, bad);
        const CliRun second = run({u"--retries"_s, u"0"_s, u"--session"_s, session, u"-d"_s, dir.filePath(u"out"_s)});
        QCOMPARE(second.exitCode, 1);
        QCOMPARE(fileSha256(dir.filePath(u"out/good.iso"_s)), sha256(good));
        QVERIFY2(second.err.contains(u"good.iso: Checked against the checksum list “SHA256SUMS”: the file's SHA-256 matches"_s),
                 qPrintable(second.err));
        QVERIFY(!QFileInfo::exists(dir.filePath(u"out/bad.iso"_s)));
        QCOMPARE(fileSha256(dir.filePath(u"out/bad.iso.part"_s)), sha256(bad));
        QVERIFY2(second.err.contains(u"The file's SHA-256 is %1, but the checksum list “SHA256SUMS” expects %2."_s
                                         .arg(QString::fromLatin1(sha256(bad)), QString::fromLatin1(wrong))),
                 qPrintable(second.err));
    }

    void exportedQueueReadsBack()
    {
        QTemporaryDir dir;
        const QByteArray a = randomBytes(3000, 110);
        const QByteArray b = randomBytes(4000, 111);
        m_server.serveFile(u"/p1.bin"_s, a);
        m_server.serveFile(u"/p2.bin"_s, b);
        writeFile(dir.filePath(u"in.txt"_s), (m_server.url(u"/"_s).toString() + u"p[1-2].bin\n  out=copy-#1.bin\n  dir=sub\n"_s).toUtf8());
        const CliRun result = run({u"-i"_s, dir.filePath(u"in.txt"_s), u"-d"_s, dir.filePath(u"out"_s),
                                   u"--export-links"_s, dir.filePath(u"queue.txt"_s)});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(fileSha256(dir.filePath(u"out/sub/copy-2.bin"_s)), sha256(b));
        QFile exported(dir.filePath(u"queue.txt"_s));
        QVERIFY(exported.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(exported.readAll()),
                 m_server.url(u"/p1.bin"_s).toString() + u"\n  out=copy-1.bin\n  dir=sub\n"_s
                     + m_server.url(u"/p2.bin"_s).toString() + u"\n  out=copy-2.bin\n  dir=sub\n"_s);

        // Read back into another folder: the same files under the same names.
        const CliRun again = run({u"-i"_s, dir.filePath(u"queue.txt"_s), u"-d"_s, dir.filePath(u"again"_s)});
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(fileSha256(dir.filePath(u"again/sub/copy-1.bin"_s)), sha256(a));
        QCOMPARE(fileSha256(dir.filePath(u"again/sub/copy-2.bin"_s)), sha256(b));
    }

    void badUsageExitsTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("no links") << QStringList{} << u"No links given"_s;
        QTest::newRow("bad -j") << QStringList{u"-j"_s, u"many"_s, u"http://x/"_s} << u"whole number"_s;
        QTest::newRow("zero -j") << QStringList{u"-j"_s, u"0"_s, u"http://x/"_s} << u"whole number"_s;
        QTest::newRow("bad timeout") << QStringList{u"--timeout"_s, u"-1"_s, u"http://x/"_s} << u"seconds"_s;
        QTest::newRow("unknown option") << QStringList{u"--frobnicate"_s} << u"frobnicate"_s;
        QTest::newRow("bad rate") << QStringList{u"--limit-rate"_s, u"fast"_s, u"http://x/"_s} << u"--limit-rate takes bytes per second"_s;
        QTest::newRow("negative rate") << QStringList{u"--limit-rate"_s, u"-5K"_s, u"http://x/"_s} << u"not “-5K”"_s;
        QTest::newRow("bad pattern cap") << QStringList{u"--max-pattern-links"_s, u"0"_s, u"http://x/"_s} << u"--max-pattern-links takes"_s;
        QTest::newRow("missing checksum list") << QStringList{u"--checksums"_s, u"/nonexistent/SUMS"_s, u"http://x/"_s} << u"Cannot read the checksum list"_s;
        QTest::newRow("missing links file") << QStringList{u"-i"_s, u"/nonexistent/links.txt"_s} << u"Cannot read"_s;
    }
    void badUsageExitsTwo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const CliRun result = run(arguments);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(message), qPrintable(result.err));
    }

    void helpDescribesTheContract()
    {
        const CliRun result = run({u"--help"_s});
        QCOMPARE(result.exitCode, 0);
        for (const char *option : {"--input", "--dir", "--parallel", "--per-host", "--timeout", "--connect-timeout",
                                   "--retries", "--retry-wait", "--session", "--limit-rate", "--no-globbing", "--max-pattern-links", "--checksums", "--export-links"})
            QVERIFY2(result.out.contains(QLatin1String(option)), option);
    }

private:
    FaultServer m_server;
    QString m_cli;
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
