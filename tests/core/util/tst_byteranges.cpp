#include "util/byteranges.h"

#include <QJsonDocument>
#include <QTest>

using namespace Quiver;

class TestByteRanges : public QObject
{
    Q_OBJECT

private slots:
    void addMergesTouchingAndOverlapping()
    {
        ByteRanges set;
        set.add({10, 20});
        set.add({30, 40});
        set.add({0, 5});
        QCOMPARE(set.ranges(), (QList<ByteRange>{{0, 5}, {10, 20}, {30, 40}}));
        set.add({20, 30});   // touches both neighbours: one range
        QCOMPARE(set.ranges(), (QList<ByteRange>{{0, 5}, {10, 40}}));
        set.add({3, 12});
        QCOMPARE(set.ranges(), (QList<ByteRange>{{0, 40}}));
        set.add({50, 50});   // empty: nothing
        QCOMPARE(set.ranges().size(), 1);
        set.add({45, 60});
        set.add({44, 46});
        QCOMPARE(set.ranges(), (QList<ByteRange>{{0, 40}, {44, 60}}));
        QCOMPARE(set.coveredBytes(), 56);
        QCOMPARE(set.prefixEnd(), 40);
    }

    void gapsAndCoverage()
    {
        ByteRanges set;
        QCOMPARE(set.gaps(100), (QList<ByteRange>{{0, 100}}));
        QCOMPARE(set.prefixEnd(), 0);
        set.add({10, 20});
        set.add({50, 100});
        QCOMPARE(set.gaps(100), (QList<ByteRange>{{0, 10}, {20, 50}}));
        QCOMPARE(set.gaps(120), (QList<ByteRange>{{0, 10}, {20, 50}, {100, 120}}));
        QCOMPARE(set.prefixEnd(), 0);
        QVERIFY(set.covers({12, 18}));
        QVERIFY(!set.covers({15, 55}));
        set.add({0, 50});
        QVERIFY(set.gaps(100).isEmpty());
        QCOMPARE(set.prefixEnd(), 100);
    }

    void clipDropsBytesBeyondTheFile()
    {
        ByteRanges set;
        set.add({0, 10});
        set.add({20, 30});
        set.add({40, 50});
        set.clipTo(25);
        QCOMPARE(set.ranges(), (QList<ByteRange>{{0, 10}, {20, 25}}));
        set.clipTo(5);
        QCOMPARE(set.ranges(), (QList<ByteRange>{{0, 5}}));
    }

    void jsonRoundTripAndRejects()
    {
        ByteRanges set;
        set.add({0, 1048576});
        set.add({5000000000LL, 6000000000LL});
        bool ok = false;
        QCOMPARE(ByteRanges::fromJson(set.toJson(), &ok), set);
        QVERIFY(ok);
        for (const char *bad : {R"([[1]])", R"([[5,2]])", R"([[-1,2]])", R"([["0","2"]])", R"([[0,1.5]])", R"([3])"}) {
            ok = true;
            const ByteRanges parsed = ByteRanges::fromJson(QJsonDocument::fromJson(bad).array(), &ok);
            QVERIFY2(!ok, bad);
            QVERIFY(parsed.isEmpty());
        }
    }

    void splitPointKeepsBothHalvesLargeEnough()
    {
        const qint64 mib = 1024 * 1024;
        QCOMPARE(splitPoint(0, 2 * mib - 1, mib), -1);
        QCOMPARE(splitPoint(0, 2 * mib, mib), mib);
        QCOMPARE(splitPoint(0, 10 * mib, mib), 5 * mib);
        const qint64 cut = splitPoint(1000, 1000 + 3 * mib, mib);
        QVERIFY(cut > 1000);
        QCOMPARE(cut % 4096, 0);
        QVERIFY(cut - 1000 >= mib && 1000 + 3 * mib - cut >= mib);
    }

    void planCutsIntoAtMostCountPieces()
    {
        const qint64 mib = 1024 * 1024;
        QList<ByteRange> plan = planPieces({{0, 256 * mib}}, 16, mib);
        QCOMPARE(plan.size(), 16);
        qint64 at = 0;
        for (const ByteRange &piece : plan) {
            QCOMPARE(piece.begin, at);   // in order, no gap, no overlap
            QCOMPARE(piece.size(), 16 * mib);
            at = piece.end;
        }
        QCOMPARE(at, 256 * mib);
        // Too small to pay: no more pieces than minSize allows.
        QCOMPARE(planPieces({{0, 3 * mib}}, 16, mib).size(), 2);
        QCOMPARE(planPieces({{0, mib}}, 16, mib).size(), 1);
        // The gaps of a resumed download are cut where they are largest.
        plan = planPieces({{0, mib}, {10 * mib, 30 * mib}}, 3, mib);
        QCOMPARE(plan, (QList<ByteRange>{{0, mib}, {10 * mib, 20 * mib}, {20 * mib, 30 * mib}}));
    }
};

QTEST_GUILESS_MAIN(TestByteRanges)
#include "tst_byteranges.moc"
