// Removing and canceling downloads: files go when asked (off the caller's thread), the ones that cannot go
// are reported, and neither a verify nor a next attempt races a deletion.

#include "disk/fileremover.h"
#include "disk/nameregistry.h"
#include "disk/partfinisher.h"
#include "enginetestbase.h"

#include <QSemaphore>
#include <QThread>

#include <atomic>

using namespace Quiver;
using namespace Quiver::Test;
using namespace Qt::StringLiterals;

namespace {
// Holds every call of a worker-thread hook until open() is called, and tells that one arrived.
class Gate
{
public:
    void pass()
    {
        arrived.fetch_add(1);
        // Bounded, so a broken build fails the test instead of hanging it.
        m_open.tryAcquire(1, 20000);
        m_open.release();
    }
    void open() { m_open.release(); }

    std::atomic<int> arrived{0};

private:
    QSemaphore m_open;
};
} // namespace

class TestRemoval final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_server.listen()); }
    void init() { m_server.reset(); }
    void cleanup()
    {
        setAfterFinishHookForTesting({});
        FileRemover::setBeforeRemoveHookForTesting({});
    }

    // The file is being given its final name when the user removes the row and asks for its files to go:
    // what goes is the file it ends as, and only then is its name free for the next download.
    void removeWhileVerifyingDeletesTheFileItLandsAs()
    {
        EngineHarness h;
        const QByteArray content = randomBytes(200000, 901);
        m_server.serveFile(u"/v.bin"_s, content);
        Gate gate;
        setAfterFinishHookForTesting([&gate](const QString &) { gate.pass(); });
        const DownloadId id = h.add(m_server.url(u"/v.bin"_s));
        QTRY_COMPARE_WITH_TIMEOUT(gate.arrived.load(), 1, 10000);
        QCOMPARE(h.item(id).state, DownloadState::Verifying);
        QVERIFY(QFile::exists(h.path(u"v.bin"_s)));   // renamed already; the row does not know yet

        h.engine.remove({id}, true);
        QCOMPARE(h.engine.model()->rowCount(), 0);
        gate.open();
        QTRY_VERIFY_WITH_TIMEOUT(!h.engine.names()->isClaimed(h.path(u"v.bin"_s)), 10000);
        QVERIFY(!QFile::exists(h.path(u"v.bin"_s)));
        QVERIFY(!QFile::exists(h.path(u"v.bin.part"_s)));
        QCOMPARE(h.files(), QStringList());

        // The name is free again: the same link downloads under it, not as "v (1).bin".
        setAfterFinishHookForTesting({});
        const DownloadId again = h.add(m_server.url(u"/v.bin"_s));
        QVERIFY(h.waitIdle());
        QUIVER_VERIFY_FILE(h, again, u"v.bin"_s, content);
    }

    void removeWhileVerifyingKeepsTheFileWhenAskedTo()
    {
        EngineHarness h;
        const QByteArray content = randomBytes(150000, 902);
        m_server.serveFile(u"/k.bin"_s, content);
        Gate gate;
        setAfterFinishHookForTesting([&gate](const QString &) { gate.pass(); });
        const DownloadId id = h.add(m_server.url(u"/k.bin"_s));
        QTRY_COMPARE_WITH_TIMEOUT(gate.arrived.load(), 1, 10000);
        h.engine.remove({id}, false);
        gate.open();
        QTRY_VERIFY_WITH_TIMEOUT(!h.engine.names()->isClaimed(h.path(u"k.bin"_s)), 10000);
        QCOMPARE(fileSha256(h.path(u"k.bin"_s)), sha256(content));
        QCOMPARE(h.files(), QStringList{u"k.bin"_s});
    }

    // A file that cannot be deleted is named with the reason, and the engine goes on.
    void aFileThatCannotBeDeletedIsReported()
    {
        EngineHarness h;
        const QByteArray content = randomBytes(5000, 903);
        m_server.serveFile(u"/d.bin"_s, content);
        const DownloadId id = h.add(m_server.url(u"/d.bin"_s));
        QVERIFY(h.waitIdle());
        QUIVER_VERIFY_FILE(h, id, u"d.bin"_s, content);
        // Something put a folder where the file was (a user, a sync tool): Quiver deletes only files.
        QVERIFY(QFile::remove(h.path(u"d.bin"_s)));
        QVERIFY(QDir(h.dir.path()).mkpath(u"d.bin/inside"_s));

        QSignalSpy notDeleted(&h.engine, &DownloadEngine::filesNotDeleted);
        h.engine.remove({id}, true);
        QVERIFY(notDeleted.wait(10000));
        const QStringList problems = notDeleted.constFirst().constFirst().toStringList();
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.constFirst().startsWith(u"Quiver could not delete “d.bin” in “"_s), qPrintable(problems.constFirst()));
        QVERIFY2(problems.constFirst().endsWith(u"it is a folder now, and Quiver deletes only the files it downloaded."_s),
                 qPrintable(problems.constFirst()));
        QVERIFY(QFileInfo(h.path(u"d.bin/inside"_s)).isDir());
        QVERIFY(!h.engine.names()->isClaimed(h.path(u"d.bin"_s)));
    }

    // An unlink on a hung network share must not freeze the window: deletions run on a worker.
    void filesAreDeletedOffTheCallersThread()
    {
        EngineHarness h;
        const QByteArray content = randomBytes(5000, 904);
        m_server.serveFile(u"/t.bin"_s, content);
        const DownloadId id = h.add(m_server.url(u"/t.bin"_s));
        QVERIFY(h.waitIdle());
        Gate gate;
        std::atomic<bool> onCallersThread{false};
        QThread *const caller = QThread::currentThread();
        FileRemover::setBeforeRemoveHookForTesting([&](const QString &) {
            onCallersThread = QThread::currentThread() == caller;
            gate.pass();
        });
        h.engine.remove({id}, true);
        // remove() returned while the deletion is held: it did not run here.
        QTRY_COMPARE_WITH_TIMEOUT(gate.arrived.load(), 1, 10000);
        QVERIFY(!onCallersThread);
        QVERIFY(QFile::exists(h.path(u"t.bin"_s)));
        QVERIFY(h.engine.names()->isClaimed(h.path(u"t.bin"_s)));   // not free while the file is there
        gate.open();
        QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(h.path(u"t.bin"_s)), 10000);
        QTRY_VERIFY(!h.engine.names()->isClaimed(h.path(u"t.bin"_s)));
    }

    // Cancel deletes the .part; a Retry right after must not have its new .part deleted by that deletion
    // arriving late: the new attempt opens the file only once the old one is gone.
    void retryRightAfterCancelKeepsTheNewPart()
    {
        EngineHarness h;
        const QByteArray content = randomBytes(300000, 905);
        Reply first = FaultServer::rangeReply(content);
        first.fault = Fault::HoldAfter;
        first.faultAfter = 100000;
        Reply second = first;
        second.faultAfter = 50000;
        m_server.script(u"/c.bin"_s, {first, second});
        const DownloadId id = h.add(m_server.url(u"/c.bin"_s));
        QTRY_COMPARE_WITH_TIMEOUT(h.item(id).bytesReceived, 100000, 10000);

        Gate gate;
        FileRemover::setBeforeRemoveHookForTesting([&gate](const QString &) { gate.pass(); });
        h.engine.scheduler()->cancel({id});
        QTRY_COMPARE_WITH_TIMEOUT(h.item(id).state, DownloadState::Canceled, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(gate.arrived.load(), 1, 10000);   // the deletion is held
        h.engine.scheduler()->retry({id});
        QTRY_COMPARE_WITH_TIMEOUT(m_server.requestsFor(u"/c.bin"_s).size(), 2, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_server.heldReplies(), 1, 10000);
        // The answer is here, but its .part waits for the deletion: opened now (cut to 0 and written), it
        // would lose its bytes to that deletion a moment later. The canceled bytes are still there.
        const QString part = h.path(u"c.bin.part"_s);
        QVERIFY(!QTest::qWaitFor([&part] { return QFileInfo(part).size() != 100000; }, 500));
        gate.open();
        m_server.release();
        QVERIFY(h.waitIdle());
        QUIVER_VERIFY_FILE(h, id, u"c.bin"_s, content);
        QCOMPARE(m_server.requestsFor(u"/c.bin"_s).size(), 2);
        QCOMPARE(m_server.requestsFor(u"/c.bin"_s).constLast().header("range"), QByteArray());
    }

private:
    FaultServer m_server;
};

QTEST_GUILESS_MAIN(TestRemoval)
#include "tst_removal.moc"
