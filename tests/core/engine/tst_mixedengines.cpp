// One queue with rows on this computer and rows on two real aria2 daemons (aria2c --enable-rpc on
// 127.0.0.1, random ports and secrets), all from a real nginx: every row goes to its own engine and lands
// byte-identical where it should; each engine is asked about all its rows in one system.multicall per
// refresh, counted on the wire; a queue file keeps each row's engine, and a restored queue reconciles each
// engine's rows with its daemon (a daemon that forgot its downloads gets them again, from their files).

#include "aria2fixture.h"
#include "nginxfixture.h"
#include "rpccountingproxy.h"
#include "testutil.h"

#include "engine/downloadengine.h"
#include "links/linksparser.h"
#include "queue/queuemodel.h"
#include "queue/scheduler.h"
#include "remote/aria2backend.h"
#include "remote/aria2monitor.h"
#include "remote/aria2transfer.h"
#include "session/sessionformat.h"

#include <QDir>
#include <QJsonDocument>
#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Quiver;
using namespace Quiver::Test;
using namespace Qt::StringLiterals;

namespace {

std::unique_ptr<Aria2::Backend> engineFor(const QString &name, const QUrl &rpc, const QByteArray &secret)
{
    auto backend = std::make_unique<Aria2::Backend>(Aria2::Endpoint{name, rpc, secret});
    backend->setRefreshInterval(std::chrono::milliseconds(50));
    return backend;
}

QList<Link> linksFor(const QList<QUrl> &urls)
{
    QList<Link> links;
    for (const QUrl &url : urls)
        links.append(Link{url, 0, {}});
    return links;
}

[[nodiscard]] bool waitIdle(DownloadEngine &engine, int timeoutMs = 90000)
{
    if (engine.scheduler()->isIdle())
        return true;
    QSignalSpy idle(engine.scheduler(), &Scheduler::idle);
    return idle.wait(timeoutMs);
}

void quickRetries(DownloadEngine &engine)
{
    EngineSettings settings = engine.settings();
    settings.retry.maxRetries = 20;
    settings.retry.baseDelay = std::chrono::milliseconds(20);
    settings.retry.maxDelay = std::chrono::milliseconds(200);
    engine.applySettings(settings);
}

} // namespace

class TestMixedEngines final : public QObject
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
        for (int i = 0; i < 6; ++i)
            m_files.append(randomBytes(512 * 1024 + i * 40961, 700 + i));
        for (int i = 0; i < m_files.size(); ++i)
            writeFile(m_root.filePath(u"files/file%1.bin"_s.arg(i)), m_files.at(i));
        QVERIFY2(m_nginx.start(m_root.filePath(u"files"_s)), qPrintable(m_nginx.errorString()));
    }

    void localAndRemoteRowsInOneQueueEachLandWhereTheyRun()
    {
        Aria2Fixture nas;
        Aria2Fixture box;
        QVERIFY2(nas.start({}), qPrintable(nas.errorString()));
        QVERIFY2(box.start({}), qPrintable(box.errorString()));
        QTemporaryDir local;
        DownloadEngine engine;
        quickRetries(engine);
        engine.setRemoteEngine(engineFor(u"NAS"_s, nas.rpcUrl(), nas.secret()));
        engine.setRemoteEngine(engineFor(u"Box"_s, box.rpcUrl(), box.secret()));
        QCOMPARE(engine.remoteEngineNames(), (QStringList{u"Box"_s, u"NAS"_s}));

        const QList<DownloadId> here = engine.addTo({}, linksFor({fileUrl(0), fileUrl(1)}), local.path());
        const QList<DownloadId> onNas = engine.addTo(u"NAS"_s, linksFor({fileUrl(2), fileUrl(3)}), nas.downloadDir());
        const QList<DownloadId> onBox = engine.addTo(u"Box"_s, linksFor({fileUrl(4), fileUrl(5)}), box.downloadDir());
        QVERIFY(waitIdle(engine));

        const auto check = [&](const QList<DownloadId> &ids, int firstFile, const QString &folder, const QString &name) {
            for (int i = 0; i < ids.size(); ++i) {
                const DownloadItem &item = *engine.model()->find(ids.at(i));
                QVERIFY2(item.state == DownloadState::Finished, qPrintable(item.lastError));
                QCOMPARE(item.engine, name);
                QCOMPARE(item.fileName, u"file%1.bin"_s.arg(firstFile + i));
                QCOMPARE(fileSha256(QDir(folder).filePath(item.fileName)), sha256(m_files.at(firstFile + i)));
            }
        };
        check(here, 0, local.path(), QString());
        check(onNas, 2, nas.downloadDir(), u"NAS"_s);
        check(onBox, 4, box.downloadDir(), u"Box"_s);
        // Each file landed on its own machine only.
        QCOMPARE(QDir(local.path()).entryList(QDir::Files), (QStringList{u"file0.bin"_s, u"file1.bin"_s}));
        QCOMPARE(QDir(nas.downloadDir()).entryList(QDir::Files), (QStringList{u"file2.bin"_s, u"file3.bin"_s}));
        QCOMPARE(QDir(box.downloadDir()).entryList(QDir::Files), (QStringList{u"file4.bin"_s, u"file5.bin"_s}));
    }

    // However many rows an engine has, each refresh asks about all of them in one request: counted on the
    // wire, every system.multicall is one refresh, no row is ever asked about alone, and the biggest batch
    // held every row of that engine.
    void oneMulticallPerEnginePerRefreshWhateverTheRows()
    {
        Aria2Fixture nas;
        Aria2Fixture box;
        // Slow daemons, so the rows stay followed over many refreshes.
        QVERIFY2(nas.start({false, u"768K"_s}), qPrintable(nas.errorString()));
        QVERIFY2(box.start({false, u"768K"_s}), qPrintable(box.errorString()));
        RpcCountingProxy nasWire(nas.rpcUrl());
        RpcCountingProxy boxWire(box.rpcUrl());
        QVERIFY(nasWire.listen() && boxWire.listen());

        DownloadEngine engine;
        quickRetries(engine);
        EngineSettings settings = engine.settings();
        settings.perEngine = 12;
        engine.applySettings(settings);
        engine.setRemoteEngine(engineFor(u"NAS"_s, nasWire.url(), nas.secret()));
        engine.setRemoteEngine(engineFor(u"Box"_s, boxWire.url(), box.secret()));

        // Twelve rows on NAS (six links, each into two folders), one on Box.
        QList<QUrl> twelve;
        for (int i = 0; i < 6; ++i)
            twelve.append(fileUrl(i));
        engine.addTo(u"NAS"_s, linksFor(twelve), nas.downloadDir() + u"/a"_s);
        engine.addTo(u"NAS"_s, linksFor(twelve), nas.downloadDir() + u"/b"_s);
        const DownloadId lone = engine.addTo(u"Box"_s, linksFor({fileUrl(5)}), box.downloadDir()).constFirst();
        QVERIFY(waitIdle(engine));
        for (int row = 0; row < engine.model()->rowCount(); ++row)
            QVERIFY2(engine.model()->at(row).state == DownloadState::Finished, qPrintable(engine.model()->at(row).lastError));
        QCOMPARE(fileSha256(QDir(box.downloadDir()).filePath(engine.model()->find(lone)->fileName)), sha256(m_files.at(5)));

        const auto checkWire = [](const RpcCountingProxy &wire, const Aria2::Monitor *monitor, int rows) {
            const QList<RpcCountingProxy::Request> requests = wire.requests();
            int multicalls = 0;
            int biggest = 0;
            for (const RpcCountingProxy::Request &request : requests) {
                QVERIFY2(request.method != "aria2.tellStatus"_L1, "a row was asked about on its own");
                // A refresh is a multicall of tellStatus only; the rows' adds go out batched too.
                if (request.method == "system.multicall"_L1
                    && request.innerMethods.count(u"aria2.tellStatus"_s) == request.innerCalls) {
                    ++multicalls;
                    biggest = qMax(biggest, request.innerCalls);
                }
            }
            QVERIFY(monitor->refreshesSent() > 3);
            QCOMPARE(multicalls, monitor->refreshesSent());
            QCOMPARE(biggest, rows);
            // Every row added once; the rows started together were added in one request, not one each.
            QCOMPARE(wire.calls(u"aria2.addUri"_s), rows);
            if (rows > 1)
                QVERIFY2(wire.count(u"aria2.addUri"_s) < rows, "each row was added in a request of its own");
        };
        checkWire(nasWire, engine.remoteEngine(u"NAS"_s)->monitor(), 12);
        checkWire(boxWire, engine.remoteEngine(u"Box"_s)->monitor(), 1);
    }

    // The queue file keeps each row's engine (its name only: no address, no token); loaded again, each
    // engine's rows go back to it, and a daemon that forgot them (restarted without its session) gets them
    // again, continuing from the files on its disk, while this computer's rows continue here.
    void aRestoredQueueIsReconciledPerEngine()
    {
        Aria2Fixture nas;
        // Slow enough that the row is seen downloading before its file is done, on a busy machine too.
        QVERIFY2(nas.start({false, u"128K"_s}), qPrintable(nas.errorString()));
        QTemporaryDir local;
        QList<QJsonObject> saved;
        {
            DownloadEngine engine;
            quickRetries(engine);
            engine.setRemoteEngine(engineFor(u"NAS"_s, nas.rpcUrl(), nas.secret()));
            const DownloadId remote = engine.addTo(u"NAS"_s, linksFor({fileUrl(3)}), nas.downloadDir()).constFirst();
            const DownloadId here = engine.addTo({}, linksFor({fileUrl(1)}), local.path(), Intent::Pause).constFirst();
            QTRY_VERIFY_WITH_TIMEOUT(engine.model()->find(remote)->state == DownloadState::Downloading
                                         && engine.model()->find(remote)->bytesReceived > 0, 30000);
            for (const DownloadId id : {remote, here})
                saved.append(SessionFormat::toJson(*engine.model()->find(id)));
        }
        QCOMPARE(saved.at(0).value("engine"_L1).toString(), u"NAS"_s);
        QVERIFY(!saved.at(1).contains("engine"_L1));
        QVERIFY(!QJsonDocument(saved.at(0)).toJson().contains(nas.secret()));

        nas.kill();
        QVERIFY2(nas.restart(), qPrintable(nas.errorString()));

        DownloadEngine engine;
        quickRetries(engine);
        engine.setRemoteEngine(engineFor(u"NAS"_s, nas.rpcUrl(), nas.secret()));
        QList<DownloadItem> items;
        for (const QJsonObject &object : saved) {
            DownloadItem item;
            QString problem;
            QVERIFY2(SessionFormat::fromJson(object, &item, &problem), qPrintable(problem));
            items.append(item);
        }
        const QList<DownloadId> ids = engine.restore(items);
        engine.scheduler()->resume({ids.at(1)});
        QVERIFY(waitIdle(engine));
        const DownloadItem &remote = *engine.model()->find(ids.at(0));
        const DownloadItem &here = *engine.model()->find(ids.at(1));
        QVERIFY2(remote.state == DownloadState::Finished, qPrintable(remote.lastError));
        QVERIFY2(here.state == DownloadState::Finished, qPrintable(here.lastError));
        QCOMPARE(fileSha256(QDir(nas.downloadDir()).filePath(u"file3.bin"_s)), sha256(m_files.at(3)));
        QCOMPARE(QDir(nas.downloadDir()).entryList(QDir::Files), QStringList{u"file3.bin"_s});
        QCOMPARE(fileSha256(QDir(local.path()).filePath(u"file1.bin"_s)), sha256(m_files.at(1)));
    }

    // Change Link on a remote row swaps the link on the same aria2 download (aria2.changeUri): the same gid
    // goes on from its bytes with the new link, and the old one, gone meanwhile, is never asked again.
    void changeLinkOnARemoteRowKeepsItsDownload()
    {
        Aria2Fixture nas;
        QVERIFY2(nas.start({false, u"512K"_s}), qPrintable(nas.errorString()));
        const QByteArray data = randomBytes(3 * 1024 * 1024 + 17, 77);
        const QString oldPath = m_root.filePath(u"files/expiring.bin"_s);
        writeFile(oldPath, data);
        DownloadEngine engine;
        quickRetries(engine);
        engine.setRemoteEngine(engineFor(u"NAS"_s, nas.rpcUrl(), nas.secret()));
        const DownloadId id = engine.addTo(u"NAS"_s, linksFor({m_nginx.url(u"/expiring.bin"_s)}), nas.downloadDir()).constFirst();
        const auto item = [&]() -> const DownloadItem & { return *engine.model()->find(id); };
        QTRY_VERIFY_WITH_TIMEOUT(item().state == DownloadState::Downloading && item().bytesReceived > 0, 30000);
        const QString gid = Aria2::Transfer::gidIn(item().backendState);
        QVERIFY(Aria2::isGid(gid));

        // The old link expires: the file moves, and only the new link serves it.
        QVERIFY(QDir().mkpath(m_root.filePath(u"files/mirror"_s)));
        QVERIFY(QFile::rename(oldPath, m_root.filePath(u"files/mirror/expiring.bin"_s)));
        QVERIFY(engine.scheduler()->changeLink(id, m_nginx.url(u"/mirror/expiring.bin"_s)));
        QVERIFY(waitIdle(engine));
        QVERIFY2(item().state == DownloadState::Finished, qPrintable(item().lastError));
        QCOMPARE(Aria2::Transfer::gidIn(item().backendState), gid);   // the same download, not a new one
        QCOMPARE(item().fileName, u"expiring.bin"_s);
        QCOMPARE(fileSha256(QDir(nas.downloadDir()).filePath(u"expiring.bin"_s)), sha256(data));
        QCOMPARE(QDir(nas.downloadDir()).entryList(QDir::Files), QStringList{u"expiring.bin"_s});
    }

    // Rows removed, and their engine removed from Settings in the same moment, before the daemon answered
    // the removal: the daemon still stops them, and the engine goes once it has answered. It used to be
    // destroyed from inside the destruction of that answer's reply, which its own network manager then
    // deleted a second time: a crash, every time.
    void anEngineRemovedWhileItsRowsAreBeingRemovedGoesOnceTheDaemonAnswered()
    {
        Aria2Fixture nas;
        QVERIFY2(nas.start({false, u"64K"_s}), qPrintable(nas.errorString()));
        DownloadEngine engine;
        engine.setRemoteEngine(engineFor(u"NAS"_s, nas.rpcUrl(), nas.secret()));
        const QList<DownloadId> ids = engine.addTo(u"NAS"_s, linksFor({fileUrl(0), fileUrl(1)}), nas.downloadDir());
        for (const DownloadId id : ids) {
            QTRY_VERIFY_WITH_TIMEOUT(Aria2::isGid(Aria2::Transfer::gidIn(engine.model()->find(id)->backendState))
                                         && engine.model()->find(id)->state == DownloadState::Downloading, 30000);
        }
        const QPointer<Aria2::Monitor> leaving = engine.remoteEngine(u"NAS"_s)->monitor();

        engine.remove(ids, false);
        engine.removeRemoteEngine(u"NAS"_s);
        QVERIFY(!engine.remoteEngine(u"NAS"_s));
        QVERIFY2(leaving, "the engine went before the daemon answered the removal of its rows");

        // The daemon was told: nothing of the two runs or waits there any more.
        QTRY_VERIFY_WITH_TIMEOUT(nas.call("aria2.tellActive", "[\"gid\"]").contains("\"result\":[]")
                                     && nas.call("aria2.tellWaiting", "0,10,[\"gid\"]").contains("\"result\":[]"),
                                 30000);
        QTRY_VERIFY_WITH_TIMEOUT(leaving.isNull(), 30000);

        // The same with an engine replaced under its name, while the queue lives on.
        engine.setRemoteEngine(engineFor(u"NAS"_s, nas.rpcUrl(), nas.secret()));
        const DownloadId again = engine.addTo(u"NAS"_s, linksFor({fileUrl(2)}), nas.downloadDir()).constFirst();
        QTRY_VERIFY_WITH_TIMEOUT(engine.model()->find(again)->state == DownloadState::Downloading, 30000);
        const QPointer<Aria2::Monitor> replaced = engine.remoteEngine(u"NAS"_s)->monitor();
        engine.remove({again}, false);
        engine.setRemoteEngine(engineFor(u"NAS"_s, nas.rpcUrl(), nas.secret()));
        QVERIFY(replaced);
        QTRY_VERIFY_WITH_TIMEOUT(replaced.isNull(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(nas.call("aria2.tellActive", "[\"gid\"]").contains("\"result\":[]"), 30000);
    }

    // A row whose engine was removed from Settings fails with a sentence that says so, and stays.
    void aRowOfARemovedEngineFailsWithTheReason()
    {
        DownloadEngine engine;
        engine.setRemoteEngine(engineFor(u"NAS"_s, QUrl(u"http://127.0.0.1:1/jsonrpc"_s), "x"));
        engine.removeRemoteEngine(u"NAS"_s);
        const DownloadId id = engine.addTo(u"NAS"_s, linksFor({fileUrl(0)}), u"/srv"_s).constFirst();
        QVERIFY(waitIdle(engine));
        const DownloadItem &item = *engine.model()->find(id);
        QCOMPARE(item.state, DownloadState::Failed);
        QVERIFY2(item.lastError.contains(u"not in Settings any more"_s), qPrintable(item.lastError));
    }
};

QTEST_GUILESS_MAIN(TestMixedEngines)
#include "tst_mixedengines.moc"
