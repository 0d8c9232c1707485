// Downloads on a real aria2 daemon (aria2c --enable-rpc on 127.0.0.1, a random port and secret) from a real
// nginx, through the same engine, scheduler and queue as this computer's downloads, and through quiver-cli
// --remote: files land byte-identical in the daemon's folder, pause and resume act on the daemon, aria2's
// errors and a refused token reach the row as sentences, a daemon that is down, answers garbage, or is
// killed mid-download and restarted (with and without its session) never loses or hangs a row.

#include "aria2fixture.h"
#include "clirunner.h"
#include "nginxfixture.h"
#include "testutil.h"

#include "engine/downloadengine.h"
#include "links/linksparser.h"
#include "queue/queuemodel.h"
#include "queue/scheduler.h"
#include "remote/aria2backend.h"
#include "remote/aria2monitor.h"
#include "remote/aria2transfer.h"
#include "remote/secretfile.h"

#include <QDir>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Quiver;
using namespace Quiver::Test;
using namespace Qt::StringLiterals;

namespace {

// An engine whose downloads run on one aria2 daemon, refreshed every 50 ms, with quick retries.
struct RemoteHarness {
    RemoteHarness(const QUrl &rpc, const QByteArray &secret, int maxRetries = 20)
    {
        auto remote = std::make_unique<Aria2::Backend>(Aria2::Endpoint{u"NAS"_s, rpc, secret});
        remote->setRefreshInterval(std::chrono::milliseconds(50));
        backend = remote.get();
        engine = std::make_unique<DownloadEngine>(std::move(remote));
        EngineSettings settings;
        settings.retry.maxRetries = maxRetries;
        settings.retry.baseDelay = std::chrono::milliseconds(20);
        settings.retry.maxDelay = std::chrono::milliseconds(200);
        engine->applySettings(settings);
    }

    QList<DownloadId> add(const QList<QUrl> &urls, const QString &folder)
    {
        QList<Link> links;
        for (const QUrl &url : urls)
            links.append(Link{url, 0, {}});
        return engine->add(links, folder);
    }

    [[nodiscard]] bool waitIdle(int timeoutMs = 60000)
    {
        if (engine->scheduler()->isIdle())
            return true;
        QSignalSpy idle(engine->scheduler(), &Scheduler::idle);
        return idle.wait(timeoutMs);
    }

    const DownloadItem &item(DownloadId id) const { return *engine->model()->find(id); }
    QString gid(DownloadId id) const { return Aria2::Transfer::gidIn(item(id).backendState); }

    Aria2::Backend *backend = nullptr;
    std::unique_ptr<DownloadEngine> engine;
};

} // namespace

class TestAria2Remote final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_root;
    NginxFixture m_nginx;
    QList<QByteArray> m_files;

    QUrl fileUrl(int i) const { return m_nginx.url(u"/file%1.bin"_s.arg(i)); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        for (int i = 0; i < 4; ++i)
            m_files.append(randomBytes((1 + i) * 1024 * 1024 + i * 4099, 900 + i));
        for (int i = 0; i < m_files.size(); ++i)
            writeFile(m_root.filePath(u"file%1.bin"_s.arg(i)), m_files.at(i));
        QVERIFY2(m_nginx.start(m_root.path()), qPrintable(m_nginx.errorString()));
    }

    void linksLandByteIdenticalInTheDaemonsFolder()
    {
        Aria2Fixture aria2;
        QVERIFY2(aria2.start({}), qPrintable(aria2.errorString()));
        RemoteHarness h(aria2.rpcUrl(), aria2.secret());
        const QString folder = aria2.downloadDir() + u"/sub folder"_s;
        const QList<DownloadId> ids = h.add({fileUrl(0), fileUrl(1), fileUrl(2), fileUrl(3)}, folder);
        QVERIFY(h.waitIdle());
        for (int i = 0; i < ids.size(); ++i) {
            const DownloadItem &item = h.item(ids.at(i));
            QVERIFY2(item.state == DownloadState::Finished, qPrintable(item.lastError));
            QCOMPARE(item.fileName, u"file%1.bin"_s.arg(i));
            QCOMPARE(item.bytesReceived, qint64(m_files.at(i).size()));
            QCOMPARE(fileSha256(QDir(folder).filePath(item.fileName)), sha256(m_files.at(i)));
            QCOMPARE(item.backendState.value("engine"_L1).toString(), u"NAS"_s);
        }
        // Nothing is followed any more, and the daemon keeps no results Quiver no longer needs.
        QCOMPARE(h.backend->monitor()->watchedCount(), 0);
        QTRY_VERIFY(aria2.call("aria2.tellStopped", "0,100").contains("\"result\":[]"));
    }

    void pauseAndResumeActOnTheDaemon()
    {
        Aria2Fixture aria2;
        QVERIFY2(aria2.start({false, u"512K"_s}), qPrintable(aria2.errorString()));
        RemoteHarness h(aria2.rpcUrl(), aria2.secret());
        const DownloadId id = h.add({fileUrl(3)}, aria2.downloadDir()).constFirst();
        QTRY_VERIFY_WITH_TIMEOUT(h.item(id).state == DownloadState::Downloading && h.item(id).bytesReceived > 0, 30000);
        const QString gid = h.gid(id);
        QVERIFY(Aria2::isGid(gid));

        h.engine->scheduler()->pause({id});
        QTRY_COMPARE_WITH_TIMEOUT(h.item(id).state, DownloadState::Paused, 30000);
        QVERIFY(aria2.call("aria2.tellStatus", "\"" + gid.toLatin1() + "\",[\"status\"]").contains("\"paused\""));

        h.engine->scheduler()->resume({id});
        QVERIFY(h.waitIdle());
        QVERIFY2(h.item(id).state == DownloadState::Finished, qPrintable(h.item(id).lastError));
        QCOMPARE(h.gid(id), gid);   // the same download went on: no second one was added
        QCOMPARE(fileSha256(QDir(aria2.downloadDir()).filePath(u"file3.bin"_s)), sha256(m_files.at(3)));
    }

    void aMissingFileReachesTheRowWithItsReason()
    {
        Aria2Fixture aria2;
        QVERIFY2(aria2.start({}), qPrintable(aria2.errorString()));
        RemoteHarness h(aria2.rpcUrl(), aria2.secret());
        const DownloadId id = h.add({m_nginx.url(u"/missing.bin"_s)}, aria2.downloadDir()).constFirst();
        QVERIFY(h.waitIdle());
        QCOMPARE(h.item(id).state, DownloadState::Failed);
        QVERIFY2(h.item(id).lastError.contains(u"404"_s), qPrintable(h.item(id).lastError));
        QCOMPARE(h.item(id).attempts, 1);   // a 404 is final: not retried
    }

    void aWrongTokenIsAClearErrorNotARetryLoop()
    {
        Aria2Fixture aria2;
        QVERIFY2(aria2.start({}), qPrintable(aria2.errorString()));
        RemoteHarness h(aria2.rpcUrl(), "not-the-token");
        const DownloadId id = h.add({fileUrl(0)}, aria2.downloadDir()).constFirst();
        QVERIFY(h.waitIdle());
        QCOMPARE(h.item(id).state, DownloadState::Failed);
        QVERIFY2(h.item(id).lastError.contains(u"refused Quiver's secret token"_s), qPrintable(h.item(id).lastError));
        QCOMPARE(h.item(id).attempts, 1);
        QVERIFY(!h.item(id).lastError.contains(QString::fromLatin1(aria2.secret())));
    }

    void aDaemonThatIsDownOrAnswersGarbageKeepsTheRow_data()
    {
        QTest::addColumn<bool>("garbage");
        QTest::addColumn<QString>("expected");
        QTest::newRow("down") << false << u"“NAS” could not be reached"_s;
        QTest::newRow("garbage") << true << u"“NAS” did not answer as aria2 does"_s;
    }

    void aDaemonThatIsDownOrAnswersGarbageKeepsTheRow()
    {
        QFETCH(bool, garbage);
        QFETCH(QString, expected);
        QUrl rpc = m_nginx.url(u"/jsonrpc"_s);   // nginx answers a POST with an HTML error page
        if (!garbage) {
            // A port nothing listens on any more: the connection is refused.
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            const quint16 port = probe.serverPort();
            probe.close();
            rpc = QUrl(u"http://127.0.0.1:%1/jsonrpc"_s.arg(port));
        }
        RemoteHarness h(rpc, "token", 2);
        // Retried with the scheduler's backoff (the row says why and when), then failed; never lost.
        QStringList retryReasons;
        connect(h.engine->model(), &QueueModel::stateChanged, this,
                [&](DownloadId changed, DownloadState, DownloadState to) {
                    if (to == DownloadState::Retrying)
                        retryReasons.append(h.item(changed).lastError);
                });
        const DownloadId id = h.add({fileUrl(0)}, u"/srv/nas"_s).constFirst();
        QVERIFY(h.waitIdle());
        QCOMPARE(retryReasons.size(), 2);
        QVERIFY2(retryReasons.constFirst().contains(expected), qPrintable(retryReasons.constFirst()));
        QCOMPARE(h.item(id).state, DownloadState::Failed);
        QVERIFY2(h.item(id).lastError.contains(expected), qPrintable(h.item(id).lastError));
        QCOMPARE(h.engine->model()->rowCount(), 1);
    }

    void aDaemonKilledMidDownloadIsReconciled_data()
    {
        QTest::addColumn<bool>("session");
        QTest::newRow("without its session: the download is added again") << false;
        QTest::newRow("with its session: the same gid goes on") << true;
    }

    void aDaemonKilledMidDownloadIsReconciled()
    {
        QFETCH(bool, session);
        Aria2Fixture aria2;
        QVERIFY2(aria2.start({session, u"1M"_s}), qPrintable(aria2.errorString()));
        RemoteHarness h(aria2.rpcUrl(), aria2.secret());
        const DownloadId id = h.add({fileUrl(3)}, aria2.downloadDir()).constFirst();
        QTRY_VERIFY_WITH_TIMEOUT(h.item(id).state == DownloadState::Downloading && h.item(id).bytesReceived > 0, 30000);
        const QString gid = h.gid(id);
        QVERIFY(Aria2::isGid(gid));
        if (session)
            QVERIFY(aria2.call("aria2.saveSession", {}).contains("\"OK\""));

        aria2.kill();
        QVERIFY2(aria2.restart(), qPrintable(aria2.errorString()));
        QVERIFY(h.waitIdle());
        const DownloadItem &item = h.item(id);
        QVERIFY2(item.state == DownloadState::Finished, qPrintable(item.lastError));
        QCOMPARE(item.fileName, u"file3.bin"_s);
        QCOMPARE(fileSha256(QDir(aria2.downloadDir()).filePath(u"file3.bin"_s)), sha256(m_files.at(3)));
        // One file: the re-added download continued the daemon's file instead of numbering a second one.
        QCOMPARE(QDir(aria2.downloadDir()).entryList(QDir::Files), QStringList{u"file3.bin"_s});
        // With its session the daemon still knew the download and went on with it; without, Quiver added it
        // again (a new gid) and aria2 continued the file.
        if (session)
            QCOMPARE(h.gid(id), gid);
        else
            QVERIFY(Aria2::isGid(h.gid(id)) && h.gid(id) != gid);
    }

    void cliSendsTheLinksAndFollowsThemToTheEnd()
    {
        Aria2Fixture aria2;
        QVERIFY2(aria2.start({}), qPrintable(aria2.errorString()));
        QTemporaryDir dir;
        const QString secretFile = dir.filePath(u"secret"_s);
        QString error;
        QVERIFY(Aria2::writeSecretFile(secretFile, aria2.secret(), &error));
        const QString folder = aria2.downloadDir() + u"/cli"_s;
        const CliRun run = runCli({u"--remote"_s, aria2.rpcUrl().toString(), u"--remote-secret-file"_s, secretFile,
                                   u"-d"_s, folder, fileUrl(0).toString(), fileUrl(1).toString()});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains(u"2 finished"_s) || run.err.contains(u"finished"_s), qPrintable(run.err));
        QVERIFY(!run.err.contains(QString::fromLatin1(aria2.secret())));
        QCOMPARE(fileSha256(QDir(folder).filePath(u"file0.bin"_s)), sha256(m_files.at(0)));
        QCOMPARE(fileSha256(QDir(folder).filePath(u"file1.bin"_s)), sha256(m_files.at(1)));

        // A 404 among them: exit 1, with the reason.
        const CliRun missing = runCli({u"--remote"_s, aria2.rpcUrl().toString(), u"--remote-secret-file"_s, secretFile,
                                       u"-d"_s, folder, m_nginx.url(u"/missing.bin"_s).toString()});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(u"404"_s), qPrintable(missing.err));
    }

    void cliSessionKeepsRemoteRowsAndReconcilesThem()
    {
        Aria2Fixture aria2;
        QVERIFY2(aria2.start({false, u"1M"_s}), qPrintable(aria2.errorString()));
        QTemporaryDir dir;
        const QString secretFile = dir.filePath(u"secret"_s);
        const QString sessionFile = dir.filePath(u"queue.json"_s);
        QString error;
        QVERIFY(Aria2::writeSecretFile(secretFile, aria2.secret(), &error));
        const QStringList common{u"--remote"_s, aria2.rpcUrl().toString(), u"--remote-secret-file"_s, secretFile,
                                 u"--session"_s, sessionFile, u"--retry-wait"_s, u"0.05"_s, u"--retries"_s, u"20"_s};

        // The first run ends (SIGTERM) once the row has its gid in the session; the daemon goes on meanwhile.
        QProcess first;
        QSignalSpy ended(&first, &QProcess::finished);
        first.start(cliPath(), common + QStringList{u"-d"_s, aria2.downloadDir(), fileUrl(3).toString()});
        QVERIFY(first.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(readFile(sessionFile).contains("\"gid\""), 30000);
        first.terminate();
        QVERIFY(ended.wait(30000));
        QCOMPARE(first.exitCode(), 1);
        const QByteArray saved = readFile(sessionFile);
        QVERIFY(saved.contains("\"engine\""));
        QVERIFY(!saved.contains(aria2.secret()));

        // The daemon restarts without a session: it forgot the download. The next run adds it again,
        // continuing the daemon's file, and ends with one complete file.
        aria2.kill();
        QVERIFY2(aria2.restart(), qPrintable(aria2.errorString()));
        const CliRun second = runCli(common);
        QVERIFY2(second.exitCode == 0, qPrintable(second.err));
        QCOMPARE(fileSha256(QDir(aria2.downloadDir()).filePath(u"file3.bin"_s)), sha256(m_files.at(3)));
        QCOMPARE(QDir(aria2.downloadDir()).entryList(QDir::Files), QStringList{u"file3.bin"_s});
    }

    void cliRefusesASecretOthersCanReadAndAWrongToken()
    {
        Aria2Fixture aria2;
        QVERIFY2(aria2.start({}), qPrintable(aria2.errorString()));
        QTemporaryDir dir;
        const QString secretFile = dir.filePath(u"secret"_s);
        QString error;
        QVERIFY(Aria2::writeSecretFile(secretFile, aria2.secret(), &error));
        QVERIFY(QFile::setPermissions(secretFile, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther));
        const CliRun open = runCli({u"--remote"_s, aria2.rpcUrl().toString(), u"--remote-secret-file"_s, secretFile,
                                    fileUrl(0).toString()});
        QCOMPARE(open.exitCode, 2);
        QVERIFY2(open.err.contains(u"chmod 600"_s), qPrintable(open.err));

        QVERIFY(Aria2::writeSecretFile(secretFile, "wrong", &error));
        const CliRun wrong = runCli({u"--remote"_s, aria2.rpcUrl().toString(), u"--remote-secret-file"_s, secretFile,
                                     fileUrl(0).toString()});
        QCOMPARE(wrong.exitCode, 1);
        QVERIFY2(wrong.err.contains(u"refused Quiver's secret token"_s), qPrintable(wrong.err));

        const CliRun relative = runCli({u"--remote"_s, aria2.rpcUrl().toString(), u"-d"_s, u"rel/dir"_s,
                                        fileUrl(0).toString()});
        QCOMPARE(relative.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestAria2Remote)
#include "tst_aria2remote.moc"
