// .part files of Quiver's that no queue item owns (issue 12): found, offered, continued or deleted on the
// user's word, never deleted silently; quiver-cli --session points them out.

#include "clirunner.h"
#include "enginetestbase.h"
#include "leftoverpart.h"

using namespace Quiver;
using namespace Quiver::Test;
using namespace Qt::StringLiterals;

class TestLeftovers final : public QObject
{
    Q_OBJECT

private:
    QList<LeftoverPart> found(EngineHarness &h)
    {
        QSignalSpy spy(&h.engine, &DownloadEngine::leftoversFound);
        h.engine.lookForLeftovers({h.dir.path()});
        if (!spy.wait(10000))
            return {};
        return spy.constFirst().constFirst().value<QList<LeftoverPart>>();
    }

    FaultServer m_server;

private slots:
    void initTestCase() { QVERIFY(m_server.listen()); }
    void init() { m_server.reset(); }

    void aLeftoverIsFoundAndContinuedFromItsBytes()
    {
        EngineHarness h;
        const QByteArray content = randomBytes(500000, 1600);
        m_server.serveFile(u"/l.iso"_s, content);
        if (!leaveAPart(h.path(u"l.iso.part"_s), m_server.url(u"/l.iso"_s), content, 300000))
            QSKIP("the test folder keeps no extended attributes");
        // Not a leftover: a .part without an origin (the user's, or another program's).
        QVERIFY(!writeFile(h.path(u"other.part"_s), "x").isEmpty());

        const QList<LeftoverPart> leftovers = found(h);
        QCOMPARE(leftovers.size(), 1);
        QCOMPARE(leftovers.constFirst().path, h.path(u"l.iso.part"_s));
        QCOMPARE(leftovers.constFirst().size, 300000);
        QCOMPARE(leftovers.constFirst().total, content.size());
        QCOMPARE(leftovers.constFirst().url, m_server.url(u"/l.iso"_s));

        const QList<DownloadId> ids = h.engine.continueLeftovers(leftovers);
        QCOMPARE(ids.size(), 1);
        QVERIFY(h.waitIdle());
        QUIVER_VERIFY_FILE(h, ids.constFirst(), u"l.iso"_s, content);
        QCOMPARE(m_server.requestsFor(u"/l.iso"_s).size(), 1);
        QCOMPARE(m_server.requestsFor(u"/l.iso"_s).constFirst().header("range"), resumeRange(300000));
        QVERIFY(QFile::exists(h.path(u"other.part"_s)));

        // Owned now (finished): looking again finds nothing.
        QSignalSpy again(&h.engine, &DownloadEngine::leftoversFound);
        h.engine.lookForLeftovers({h.dir.path()});
        QVERIFY(!again.wait(1000));
    }

    void aLeftoverIsDeletedOnlyWhenAskedTo()
    {
        EngineHarness h;
        const QByteArray content = randomBytes(100000, 1601);
        if (!leaveAPart(h.path(u"d.iso.part"_s), m_server.url(u"/d.iso"_s), content, 50000))
            QSKIP("the test folder keeps no extended attributes");
        const QList<LeftoverPart> leftovers = found(h);
        QCOMPARE(leftovers.size(), 1);
        QVERIFY(QFile::exists(h.path(u"d.iso.part"_s)));   // finding deletes nothing
        h.engine.deleteLeftovers(leftovers);
        QTRY_VERIFY(!QFile::exists(h.path(u"d.iso.part"_s)));
    }

    // A .part some item of the queue holds is that item's, not a leftover.
    void aPartOfAQueuedItemIsNoLeftover()
    {
        EngineHarness h;
        const QByteArray content = randomBytes(100000, 1602);
        m_server.serveFile(u"/q.iso"_s, content);
        if (!leaveAPart(h.path(u"q.iso.part"_s), m_server.url(u"/q.iso"_s), content, 50000))
            QSKIP("the test folder keeps no extended attributes");
        LinkOptions options;
        options.fileName = u"q.iso"_s;
        const DownloadId id = h.add(m_server.url(u"/q.iso"_s), options);
        QCOMPARE(h.item(id).bytesReceived, 50000);   // taken over at once
        QSignalSpy spy(&h.engine, &DownloadEngine::leftoversFound);
        h.engine.lookForLeftovers({h.dir.path()});
        QVERIFY(!spy.wait(1000));
        QVERIFY(h.waitIdle());
        QUIVER_VERIFY_FILE(h, id, u"q.iso"_s, content);
    }

    void theCliPointsThemOutAndKeepsThem()
    {
        EngineHarness h;   // for its folder
        const QByteArray content = randomBytes(100000, 1603);
        if (!leaveAPart(h.path(u"c.iso.part"_s), m_server.url(u"/c.iso"_s), content, 40000))
            QSKIP("the test folder keeps no extended attributes");
        const QByteArray other = randomBytes(1000, 1604);
        m_server.serveFile(u"/n.bin"_s, other);
        QTemporaryDir sessionDir;
        const CliRun run = runCli({u"--session"_s, sessionDir.filePath(u"q.json"_s), u"-d"_s, h.dir.path(),
                                   m_server.url(u"/n.bin"_s).toString()});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains(u"quiver-cli: “c.iso.part” in “%1” holds 39.1\u00A0KiB of 97.7\u00A0KiB of a download of %2 "
                                  "that is in no queue."_s.arg(h.dir.path(), m_server.url(u"/c.iso"_s).toString())),
                 qPrintable(run.err));
        QCOMPARE(readFile(h.path(u"c.iso.part"_s)), content.left(40000));
        QCOMPARE(fileSha256(h.path(u"n.bin"_s)), sha256(other));
    }
};

QTEST_GUILESS_MAIN(TestLeftovers)
#include "tst_leftovers.moc"
