// quiver-cli -s with --session: kill -9 in the middle of a segmented download, run again, and every
// recorded range is kept: only the holes are asked for (and a little overlap before each, compared with
// the file), each as a range with If-Range; the file is byte-identical.

#include "faultserver.h"
#include "clirunner.h"
#include "testutil.h"
#include "util/byteranges.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Quiver;
using namespace Quiver::Test;
using namespace Qt::StringLiterals;

class TestSegmentsResume final : public QObject
{
    Q_OBJECT

private slots:
    void killNineThenEveryRangeContinues()
    {
        const QString cli = qEnvironmentVariable("QUIVER_CLI");
        QVERIFY2(QFileInfo(cli).isExecutable(), "QUIVER_CLI must point at the quiver-cli binary");
        FaultServer server;
        QVERIFY(server.listen());
        QTemporaryDir dir;
        const QString session = dir.filePath(u"queue.json"_s);
        const QByteArray content = randomBytes(8 * 1024 * 1024, 77);
        bool throttled = true;
        server.handle(u"/big.bin"_s, [&content, &throttled](const RecordedRequest &) {
            Reply reply = FaultServer::rangeReply(content, "\"big\"");
            if (throttled)
                // ~100 KB/s per connection until the kill: slow enough that a busy machine (the test's own
                // polling starved) still sees the segments running long before the file is done.
                reply.throttleBytesPerTick = 1024;
            return reply;
        });
        QProcess process;
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(cli, {u"--session"_s, session, u"-s"_s, u"4"_s, u"-d"_s, dir.filePath(u"out"_s),
                            server.url(u"/big.bin"_s).toString()});
        QVERIFY(process.waitForStarted());
        // The session records at least two ranges with a hole between them: the segments are running.
        auto recorded = [&session] {
            const QJsonArray items = QJsonDocument::fromJson(readFile(session)).object().value("items"_L1).toArray();
            const QJsonArray ranges = items.isEmpty() ? QJsonArray()
                                                      : items.at(0)["backend"_L1]["ranges"_L1].toArray();
            return ByteRanges::fromJson(ranges);
        };
        QTRY_VERIFY2_WITH_TIMEOUT(recorded().ranges().size() >= 2, readFile(session).left(2000).constData(), 20000);
        process.kill();
        QVERIFY(finished.wait(10000));
        QCOMPARE(process.exitStatus(), QProcess::CrashExit);
        const ByteRanges atKill = recorded();
        QVERIFY(atKill.coveredBytes() < content.size());
        server.clearRequests();
        throttled = false;

        const CliRun second = runCli({u"--session"_s, session, u"-s"_s, u"4"_s});
        QVERIFY2(second.exitCode == 0, qPrintable(second.err));
        QCOMPARE(fileSha256(dir.filePath(u"out/big.bin"_s)), sha256(content));
        const QList<RecordedRequest> requests = server.requestsFor(u"/big.bin"_s);
        QVERIFY(!requests.isEmpty());
        for (const RecordedRequest &request : requests) {
            const QByteArray range = request.header("range");
            QVERIFY2(range.startsWith("bytes=") && !range.endsWith('-'), range.constData());   // a segment's
            QCOMPARE(request.header("if-range"), QByteArray("\"big\""));
            const qint64 begin = range.mid(6).split('-').value(0).toLongLong();
            // No recorded byte asked again, but the overlap (at most 64 KiB) that proves a range continues.
            bool overlap = false;
            for (const ByteRange &done : atKill.ranges())
                overlap = overlap || begin == done.end - qMin<qint64>(64 * 1024, done.size());
            QVERIFY2(overlap || !atKill.covers({begin, begin + 1}), range.constData());
        }
    }
};

QTEST_GUILESS_MAIN(TestSegmentsResume)
#include "tst_segmentsresume.moc"
