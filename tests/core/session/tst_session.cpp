// quiver-cli --session: the queue survives kill -9, failed items come back, credentials stay out of the
// file. Real processes against the scripted server, checked by exit status and bytes on disk.

#include "disk/partorigin.h"
#include "faultserver.h"
#include "clirunner.h"
#include "testutil.h"

#include <QDir>
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

namespace {
QJsonArray sessionItems(const QString &file)
{
    return QJsonDocument::fromJson(readFile(file)).object().value("items"_L1).toArray();
}
} // namespace

class TestSession final : public QObject
{
    Q_OBJECT

    CliRun run(const QStringList &arguments) { return runCli(arguments); }

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

    void killNineMidDownloadThenResume()
    {
        QTemporaryDir dir;
        const QString session = dir.filePath(u"queue.json"_s);
        constexpr int count = 8;
        bool throttled = true;
        QList<QByteArray> contents;
        QStringList arguments{u"--session"_s, session, u"-j"_s, u"8"_s, u"-d"_s, dir.filePath(u"out"_s)};
        for (int i = 0; i < count; ++i) {
            contents.append(randomBytes(3 * 1024 * 1024 + i * 1001, 900 + i));
            const QByteArray content = contents.constLast();
            const QByteArray etag = "\"f" + QByteArray::number(i) + '"';
            // Slow enough (200 KB/s each) that none can finish before the kill; full speed afterwards.
            m_server.handle(u"/f%1.bin"_s.arg(i), [content, etag, &throttled](const RecordedRequest &) {
                Reply reply = FaultServer::rangeReply(content, etag);
                if (throttled)
                    reply.throttleBytesPerTick = 2048;
                return reply;
            });
            arguments.append(m_server.url(u"/f%1.bin"_s.arg(i)).toString());
        }

        QProcess process;
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(m_cli, arguments);
        QVERIFY(process.waitForStarted());
        auto partPath = [&dir](int i) { return dir.filePath(u"out/f%1.bin.part"_s.arg(i)); };
        // Every download has bytes on disk, and the session already knows each of them is under way.
        auto midway = [&] {
            for (int i = 0; i < count; ++i) {
                if (QFileInfo(partPath(i)).size() <= 0)
                    return false;
            }
            const QJsonArray items = sessionItems(session);
            if (items.size() != count)
                return false;
            for (const QJsonValue &item : items) {
                if (item["state"_L1].toString() != "downloading"_L1 || item["bytesReceived"_L1].toInteger() <= 0)
                    return false;
            }
            return true;
        };
        QTRY_VERIFY_WITH_TIMEOUT(midway(), 20000);
        process.kill();   // SIGKILL: no chance to save anything more
        QVERIFY(finished.wait(10000));
        QCOMPARE(process.exitStatus(), QProcess::CrashExit);

        QList<qint64> onDisk;
        for (int i = 0; i < count; ++i) {
            onDisk.append(QFileInfo(partPath(i)).size());
            QVERIFY2(onDisk.constLast() > 0 && onDisk.constLast() < contents.at(i).size(), "killed mid-download");
            QVERIFY(!QFile::exists(dir.filePath(u"out/f%1.bin"_s.arg(i))));
        }
        m_server.clearRequests();
        throttled = false;

        // The same session, no links: the queue comes back and finishes.
        const CliRun second = run({u"--session"_s, session});
        QVERIFY2(second.exitCode == 0, qPrintable(second.err));
        QVERIFY2(second.err.contains(u"Done: 8 of 8 finished, 0 failed"_s), qPrintable(second.err));
        qint64 fetchedAgain = 0;
        qint64 onDiskTotal = 0;
        for (int i = 0; i < count; ++i) {
            QCOMPARE(fileSha256(dir.filePath(u"out/f%1.bin"_s.arg(i))), sha256(contents.at(i)));
            QVERIFY(!QFile::exists(partPath(i)));
            const auto requests = m_server.requestsFor(u"/f%1.bin"_s.arg(i));
            QCOMPARE(requests.size(), 1);
            const QByteArray range = requests.constFirst().header("range");
            QVERIFY2(range.startsWith("bytes=") && range.endsWith('-'), range.constData());
            const qint64 from = range.mid(6, range.size() - 7).toLongLong();
            // Continued from what the session recorded, which never runs ahead of the disk.
            QVERIFY2(from > 0 && from <= onDisk.at(i), range.constData());
            QCOMPARE(requests.constFirst().header("if-range"), "\"f" + QByteArray::number(i) + '"');
            fetchedAgain += onDisk.at(i) - from;
            onDiskTotal += onDisk.at(i);
        }
        qInfo("bytes on disk at the kill: %lld, fetched again: %lld", onDiskTotal, fetchedAgain);
        const QJsonArray items = sessionItems(session);
        QCOMPARE(items.size(), count);
        for (const QJsonValue &item : items)
            QCOMPARE(item["state"_L1].toString(), u"finished"_s);
    }

    void terminateSavesTheQueueAndExits()
    {
        QTemporaryDir dir;
        const QString session = dir.filePath(u"queue.json"_s);
        const QByteArray content = randomBytes(2 * 1024 * 1024, 95);
        bool throttled = true;
        m_server.handle(u"/slow.bin"_s, [content, &throttled](const RecordedRequest &) {
            Reply reply = FaultServer::rangeReply(content, "\"s\"");
            if (throttled)
                reply.throttleBytesPerTick = 2048;
            return reply;
        });
        QProcess process;
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(m_cli, {u"--session"_s, session, u"-d"_s, dir.path(), m_server.url(u"/slow.bin"_s).toString()});
        QVERIFY(process.waitForStarted());
        const QString part = dir.filePath(u"slow.bin.part"_s);
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(part).size() > 100000, 20000);
        process.terminate();   // SIGTERM, as Ctrl-C or a service manager would stop it
        QVERIFY(finished.wait(10000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 1);
        QVERIFY(QString::fromUtf8(process.readAllStandardError()).contains(u"Interrupted. The queue is saved"_s));
        // Saved at the signal, not at the last timed save: nearly everything on disk is accounted for.
        const qint64 onDisk = QFileInfo(part).size();
        const QJsonObject item = sessionItems(session).at(0).toObject();
        QCOMPARE(item["state"_L1].toString(), u"downloading"_s);
        const qint64 recorded = item["bytesReceived"_L1].toInteger();
        QVERIFY2(recorded > 100000 && recorded <= onDisk, qPrintable(u"%1 of %2"_s.arg(recorded).arg(onDisk)));

        // Asked before the rerun renames the .part. When the disk thread was behind at the signal,
        // recorded < onDisk, and only the origin tells which of the two the rerun may trust.
        const bool partKnowsItsLink = PartOrigin::readFrom(part).has_value();

        throttled = false;
        m_server.clearRequests();
        const CliRun second = run({u"--session"_s, session});
        QVERIFY2(second.exitCode == 0, qPrintable(second.err));
        QCOMPARE(fileSha256(dir.filePath(u"slow.bin"_s)), sha256(content));
        // The rerun continues from every byte in the .part (it records this link), not only those saved.
        QCOMPARE(m_server.requestsFor(u"/slow.bin"_s).constFirst().header("range"),
                 resumeRange(partKnowsItsLink ? onDisk : recorded));
    }

    void failedItemIsRetriedOnTheNextRun()
    {
        // Choice: the session keeps a failed item failed (the window shows it with its reason), but
        // running quiver-cli again is the CLI's Retry button, so the next run tries it again.
        QTemporaryDir dir;
        const QString session = dir.filePath(u"queue.json"_s);
        const QByteArray content = randomBytes(40000, 77);
        m_server.serveFile(u"/ok.bin"_s, content);
        m_server.script(u"/later.bin"_s, {FaultServer::statusPage(404)});
        const CliRun first = run({u"--session"_s, session, u"-d"_s, dir.path(), m_server.url(u"/ok.bin"_s).toString(),
                                  m_server.url(u"/later.bin"_s).toString()});
        QCOMPARE(first.exitCode, 1);
        QJsonArray items = sessionItems(session);
        QCOMPARE(items.size(), 2);
        QCOMPARE(items.at(0)["state"_L1].toString(), u"finished"_s);
        QCOMPARE(items.at(1)["state"_L1].toString(), u"failed"_s);
        QVERIFY(items.at(1)["lastError"_L1].toString().contains(u"404"_s));

        const QByteArray later = randomBytes(5000, 78);
        m_server.serveFile(u"/later.bin"_s, later);
        m_server.clearRequests();
        const CliRun second = run({u"--session"_s, session});
        QVERIFY2(second.exitCode == 0, qPrintable(second.err));
        QVERIFY2(second.err.contains(u"Done: 2 of 2 finished, 0 failed"_s), qPrintable(second.err));
        QCOMPARE(fileSha256(dir.filePath(u"ok.bin"_s)), sha256(content));
        QCOMPARE(fileSha256(dir.filePath(u"later.bin"_s)), sha256(later));
        QCOMPARE(m_server.requestsFor(u"/ok.bin"_s).size(), 0);   // finished stays finished
        QCOMPARE(m_server.requestsFor(u"/later.bin"_s).size(), 1);
    }

    void linksInTheSessionAreNotQueuedTwiceAndCredentialsStayOut()
    {
        QTemporaryDir dir;
        const QString session = dir.filePath(u"queue.json"_s);
        const QByteArray a = randomBytes(20000, 80);
        const QByteArray b = randomBytes(30000, 81);
        m_server.serveFile(u"/a.bin"_s, a);
        m_server.serveFile(u"/b.bin"_s, b);
        QUrl withPassword = m_server.url(u"/a.bin"_s);
        withPassword.setUserInfo(u"alice:hunter2"_s);
        const CliRun first = run({u"--session"_s, session, u"-d"_s, dir.path(), withPassword.toString()});
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        const QByteArray saved = readFile(session);
        QVERIFY(saved.contains("/a.bin"));
        QVERIFY(!saved.contains("hunter2"));
        QVERIFY(!saved.contains("alice"));

        // a.bin again (with and without the password) and a new b.bin: only b.bin is fetched.
        m_server.clearRequests();
        const CliRun second = run({u"--session"_s, session, u"-d"_s, dir.path(), withPassword.toString(),
                                   m_server.url(u"/a.bin"_s).toString(), m_server.url(u"/b.bin"_s).toString()});
        QVERIFY2(second.exitCode == 0, qPrintable(second.err));
        QVERIFY2(second.err.contains(u"Done: 2 of 2 finished, 0 failed"_s), qPrintable(second.err));
        QCOMPARE(m_server.requestsFor(u"/a.bin"_s).size(), 0);
        QCOMPARE(fileSha256(dir.filePath(u"a.bin"_s)), sha256(a));
        QCOMPARE(fileSha256(dir.filePath(u"b.bin"_s)), sha256(b));
        QCOMPARE(QDir(dir.path()).entryList({u"*.bin"_s}, QDir::Files).size(), 2);
        QCOMPARE(sessionItems(session).size(), 2);
        QVERIFY(!readFile(session).contains("hunter2"));
    }

    void editedUrlInTheSessionIsHonoured_data()
    {
        QTest::addColumn<bool>("sameFile");
        QTest::newRow("same file: the bytes are kept") << true;
        QTest::newRow("other file: starts over") << false;
    }
    void editedUrlInTheSessionIsHonoured()
    {
        // An expired link is replaced by editing "url" in the session file; the next run keeps the bytes
        // already on disk only when the new link serves the same file.
        QFETCH(bool, sameFile);
        QTemporaryDir dir;
        const QString session = dir.filePath(u"queue.json"_s);
        const QByteArray content = randomBytes(300000, 120);
        Reply partial = FaultServer::rangeReply(content, "\"img\"");
        partial.fault = Fault::CloseAfter;
        partial.faultAfter = 100000;
        m_server.script(u"/expired.img"_s, {partial});
        const CliRun first = run({u"--session"_s, session, u"-d"_s, dir.path(), u"--retries"_s, u"0"_s,
                                  m_server.url(u"/expired.img"_s).toString()});
        QCOMPARE(first.exitCode, 1);
        QJsonArray items = sessionItems(session);
        QCOMPARE(items.at(0)["bytesReceived"_L1].toInteger(), 100000);
        QCOMPARE(items.at(0)["partUrl"_L1].toString(), m_server.url(u"/expired.img"_s).toString());

        const QByteArray served = sameFile ? content : randomBytes(250000, 121);
        m_server.serveFile(u"/mirror.img"_s, served, sameFile ? "\"img\"" : "\"other\"");
        QJsonObject item = items.at(0).toObject();
        item.insert("url"_L1, m_server.url(u"/mirror.img"_s).toString());
        items.replace(0, item);
        QJsonObject root = QJsonDocument::fromJson(readFile(session)).object();
        root.insert("items"_L1, items);
        QVERIFY(!writeFile(session, QJsonDocument(root).toJson()).isEmpty());

        const CliRun second = run({u"--session"_s, session});
        QVERIFY2(second.exitCode == 0, qPrintable(second.err));
        QCOMPARE(fileSha256(dir.filePath(u"expired.img"_s)), sha256(served));
        const auto requests = m_server.requestsFor(u"/mirror.img"_s);
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests.constFirst().header("range"), resumeRange(100000));
        const QString note = sameFile ? u"The new link serves the same file: continuing from 97.7\u00A0KiB."_s
                                      : u"The new link serves a different file (other size): starting over."_s;
        QVERIFY2(second.err.contains(u"Note      "_s + m_server.url(u"/mirror.img"_s).toString() + u": "_s + note),
                 qPrintable(second.err));
        QCOMPARE(sessionItems(session).at(0)["url"_L1].toString(), m_server.url(u"/mirror.img"_s).toString());
    }

    void corruptSessionIsSetAsideAndSaid()
    {
        QTemporaryDir dir;
        const QString session = dir.filePath(u"queue.json"_s);
        QVERIFY(!writeFile(session, "{\"version\":1,\"items\":[\n{\"url\":\"http://exa").isEmpty());
        const QByteArray content = randomBytes(1000, 90);
        m_server.serveFile(u"/new.bin"_s, content);
        const CliRun result = run({u"--session"_s, session, u"-d"_s, dir.path(), m_server.url(u"/new.bin"_s).toString()});
        // The new link downloads, but the run says the old queue was lost and does not count as success.
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(u"quiver-cli: session "_s + session + u": The session file"_s), qPrintable(result.err));
        QVERIFY2(result.err.contains(u".corrupt-"_s), qPrintable(result.err));
        QCOMPARE(fileSha256(dir.filePath(u"new.bin"_s)), sha256(content));
        QCOMPARE(QDir(dir.path()).entryList({u"queue.json.corrupt-*"_s}, QDir::Files).size(), 1);
        QCOMPARE(sessionItems(session).size(), 1);
    }

    void missingSessionWithoutLinksIsBadUsage()
    {
        QTemporaryDir dir;
        const CliRun result = run({u"--session"_s, dir.filePath(u"none.json"_s)});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(u"No links given"_s), qPrintable(result.err));
        QVERIFY(!QFile::exists(dir.filePath(u"none.json"_s)));
    }

    // Issue 8: two quiver-cli on one session both downloaded every item into the same .part, and the
    // second ended with a wrong reason. The second now leaves at once, saying who holds the session.
    void aSecondRunOnABusySessionExitsTwoAndTouchesNothing()
    {
        QTemporaryDir dir;
        const QString session = dir.filePath(u"queue.json"_s);
        const QByteArray content = randomBytes(1024 * 1024, 96);
        Reply held = FaultServer::rangeReply(content, "\"b\"");
        held.fault = Fault::HoldAfter;
        held.faultAfter = 256 * 1024;
        m_server.script(u"/busy.bin"_s, {held});
        m_server.serveFile(u"/other.bin"_s, randomBytes(1000, 97));

        QProcess first;
        QSignalSpy firstFinished(&first, &QProcess::finished);
        first.start(m_cli, {u"--session"_s, session, u"-d"_s, dir.filePath(u"out"_s),
                            m_server.url(u"/busy.bin"_s).toString()});
        QVERIFY(first.waitForStarted());
        QTRY_COMPARE_WITH_TIMEOUT(QFileInfo(dir.filePath(u"out/busy.bin.part"_s)).size(), 256 * 1024, 20000);
        const QByteArray sessionBefore = readFile(session);

        // At once: a run that waited for the lock would still be waiting when runCli() gives up (the first
        // run's answer is held), and end -1.
        const CliRun second = run({u"--session"_s, session, u"-d"_s, dir.filePath(u"second"_s),
                                   m_server.url(u"/busy.bin"_s).toString(), m_server.url(u"/other.bin"_s).toString()});
        QCOMPARE(second.exitCode, 2);
        const QString expected = u"quiver-cli: The queue file “%1” is in use by quiver-cli (process %2)."_s
                                     .arg(session).arg(first.processId());
        QVERIFY2(second.err.startsWith(expected), qPrintable(second.err));
        // Nothing of the second run happened: no folder, no request, no change to the queue or the .part.
        QVERIFY(!QFileInfo::exists(dir.filePath(u"second"_s)));
        QCOMPARE(m_server.requestsFor(u"/other.bin"_s).size(), 0);
        QCOMPARE(m_server.requestsFor(u"/busy.bin"_s).size(), 1);
        QCOMPARE(readFile(session), sessionBefore);
        QCOMPARE(QFileInfo(dir.filePath(u"out/busy.bin.part"_s)).size(), 256 * 1024);

        m_server.release();
        QVERIFY(firstFinished.wait(30000));
        QCOMPARE(first.exitStatus(), QProcess::NormalExit);
        QVERIFY2(first.exitCode() == 0, first.readAllStandardError().constData());
        QCOMPARE(fileSha256(dir.filePath(u"out/busy.bin"_s)), sha256(content));
        QCOMPARE(m_server.requestsFor(u"/busy.bin"_s).size(), 1);
        QCOMPARE(sessionItems(session).size(), 1);
        QVERIFY(!QFileInfo::exists(session + u".lock"_s));   // let go at the end
    }

    // A session whose holder was killed is not left locked for ever.
    void aSessionLockedByAKilledRunIsTakenOver()
    {
        QTemporaryDir dir;
        const QString session = dir.filePath(u"queue.json"_s);
        const QByteArray content = randomBytes(512 * 1024, 98);
        Reply held = FaultServer::rangeReply(content, "\"k\"");
        held.fault = Fault::HoldAfter;
        held.faultAfter = 100 * 1024;
        m_server.script(u"/killed.bin"_s, {held, FaultServer::rangeReply(content, "\"k\"")});
        QProcess first;
        QSignalSpy firstFinished(&first, &QProcess::finished);
        first.start(m_cli, {u"--session"_s, session, u"-d"_s, dir.path(), m_server.url(u"/killed.bin"_s).toString()});
        QVERIFY(first.waitForStarted());
        // Killed once the session knows the file's name, so the next run continues that .part.
        QTRY_COMPARE_WITH_TIMEOUT(sessionItems(session).at(0)["fileName"_L1].toString(), u"killed.bin"_s, 20000);
        first.kill();
        QVERIFY(firstFinished.wait(10000));
        QVERIFY(QFileInfo::exists(session + u".lock"_s));   // left behind by the kill

        const CliRun again = run({u"--session"_s, session});
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QCOMPARE(fileSha256(dir.filePath(u"killed.bin"_s)), sha256(content));
        m_server.release();
    }

private:
    FaultServer m_server;
    QString m_cli;
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
