#include "queue/pendingresumes.h"

#include <QTest>

using namespace Quiver;

class TestPendingResumes final : public QObject
{
    Q_OBJECT

private slots:
    void takesInTheOrderGiven()
    {
        PendingResumes pending;
        QVERIFY(pending.isEmpty());
        QCOMPARE(pending.takeNext(), 0u);
        pending.append({5, 2, 9});
        pending.append({1});
        QVERIFY(!pending.isEmpty());
        QCOMPARE(pending.takeNext(), 5u);
        QCOMPARE(pending.takeNext(), 2u);
        QCOMPARE(pending.takeNext(), 9u);
        QVERIFY(!pending.isEmpty());
        QCOMPARE(pending.takeNext(), 1u);
        QVERIFY(pending.isEmpty());
        QCOMPARE(pending.takeNext(), 0u);
    }

    // Dropping while ids are being taken (a pause handled while resuming): only what is left goes, the id
    // after a dropped one is still taken, and an id already taken is not taken again.
    void dropTakesOutOnlyWhatIsLeft()
    {
        PendingResumes pending;
        pending.append({1, 2, 3, 4, 5});
        QCOMPARE(pending.takeNext(), 1u);
        pending.drop({1, 2, 4});
        QCOMPARE(pending.takeNext(), 3u);
        QCOMPARE(pending.takeNext(), 5u);
        QVERIFY(pending.isEmpty());
        QCOMPARE(pending.takeNext(), 0u);

        pending.append({6, 7});
        pending.drop({6, 7});
        QVERIFY(pending.isEmpty());
        QCOMPARE(pending.takeNext(), 0u);
        pending.append({8});
        QCOMPARE(pending.takeNext(), 8u);
    }

    // A long list goes a part per event-loop turn, the first part at once; dropping what is left stops it.
    void worksThroughALongListInParts()
    {
        QList<DownloadId> resumed;
        int parts = 0;
        PendingResumes pending([&resumed](DownloadId id) { resumed.append(id); }, [&parts] { ++parts; });
        QList<DownloadId> ids;
        for (DownloadId id = 1; id <= 2 * PendingResumes::partSize + 5; ++id)
            ids.append(id);
        pending.resume(ids);
        QCOMPARE(resumed.size(), PendingResumes::partSize);
        QCOMPARE(parts, 1);
        QTRY_VERIFY(pending.isEmpty());
        QCOMPARE(parts, 3);
        QCOMPARE(resumed, ids);

        resumed.clear();
        parts = 0;
        pending.resume(ids);
        pending.drop(ids);
        QVERIFY(pending.isEmpty());
        // The next part's turn (a zero timer) would come in this pass: there is none.
        QCoreApplication::processEvents();
        QCoreApplication::processEvents();
        QCOMPARE(parts, 1);
        QCOMPARE(resumed, ids.first(PendingResumes::partSize));
    }
};

QTEST_GUILESS_MAIN(TestPendingResumes)
#include "tst_pendingresumes.moc"
