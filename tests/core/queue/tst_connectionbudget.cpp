// The rules for extra connections as arithmetic: the caps count them, they are lent only out of what the
// caps leave, given back never below zero, and taken back from the latest download (on the waiting one's
// host when that host's cap is what holds it up).

#include "queue/connectionbudget.h"

#include <QTest>

using namespace Quiver;
using namespace Qt::StringLiterals;

namespace {

RunningAttempts running(const QList<std::pair<DownloadId, QString>> &attempts)
{
    RunningAttempts result;
    for (const auto &[id, host] : attempts) {
        RunningAttempts::Attempt attempt;
        attempt.lane = host;
        result.add(id, attempt);
    }
    return result;
}

} // namespace

class TestConnectionBudget final : public QObject
{
    Q_OBJECT

private slots:
    void extrasCountAgainstBothCaps()
    {
        ConnectionBudget budget;
        budget.setCaps(6, 4);
        const RunningAttempts attempts = running({{1, u"a"_s}, {2, u"b"_s}});
        QVERIFY(budget.hasRoom(attempts.size(), attempts.countOn(u"a"_s), u"a"_s));
        // Download 1 wants 8 in all: the host leaves it 3 more.
        QCOMPARE(budget.offerFor(1, 8, attempts), 3);
        budget.lend(1, u"a"_s, 3);
        QCOMPARE(budget.extraTotal(), 3);
        QCOMPARE(budget.extraOn(u"a"_s), 3);
        QVERIFY(!budget.hasRoom(attempts.size(), attempts.countOn(u"a"_s), u"a"_s));   // a: 1 + 3
        QVERIFY(budget.hasRoom(attempts.size(), attempts.countOn(u"b"_s), u"b"_s));    // 5 of 6 in all
        // Download 2 gets what is left in all, not what its host would allow.
        QCOMPARE(budget.offerFor(2, 8, attempts), 1);
        budget.lend(2, u"b"_s, 1);
        QVERIFY(!budget.hasRoom(attempts.size(), 0, u"c"_s));
        QCOMPARE(budget.offerFor(2, 8, attempts), 0);
        // One that wants no more than it holds is offered nothing.
        QCOMPARE(budget.offerFor(1, 4, attempts), 0);
    }

    void givingBackNeverGoesBelowZero()
    {
        ConnectionBudget budget;
        budget.lend(1, u"a"_s, 2);
        budget.giveBack(1, 5);
        QCOMPARE(budget.extraOf(1), 0);
        QCOMPARE(budget.extraTotal(), 0);
        QCOMPARE(budget.extraOn(u"a"_s), 0);
        budget.giveBack(9, 1);   // never lent
        budget.lend(1, u"a"_s, 2);
        budget.drop(1);
        QCOMPARE(budget.extraTotal(), 0);
    }

    void aWaitingDownloadTakesAnExtraBackFromTheLatest()
    {
        ConnectionBudget budget;
        budget.setCaps(6, 4);
        const RunningAttempts attempts = running({{1, u"a"_s}, {2, u"b"_s}, {3, u"b"_s}});
        budget.lend(1, u"a"_s, 3);
        budget.lend(2, u"b"_s, 0);
        WaitingLine waiting;
        // Nothing waits: nothing is taken back.
        QCOMPARE(budget.reclaimFor(waiting, attempts), 0u);
        // The global cap holds up a download on c: the latest download with extras gives one.
        waiting.add(7, u"c"_s);
        QCOMPARE(budget.reclaimFor(waiting, attempts), 1u);
        // On a, it is a's cap that holds it up: only a's extras help.
        WaitingLine onA;
        onA.add(8, u"a"_s);
        budget.lend(3, u"b"_s, 1);
        QCOMPARE(budget.reclaimFor(onA, attempts), 1u);
        QCOMPARE(budget.reclaimFor(waiting, attempts), 3u);
        // Without extras, a full queue is full: nothing to take back.
        budget.clear();
        QCOMPARE(budget.reclaimFor(waiting, attempts), 0u);
    }
};

QTEST_GUILESS_MAIN(TestConnectionBudget)
#include "tst_connectionbudget.moc"
