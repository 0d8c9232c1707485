#include "queue/waitingline.h"

#include <QRandomGenerator>
#include <QTest>

#include <map>
#include <set>

using namespace Quiver;
using namespace Qt::StringLiterals;

class TestWaitingLine final : public QObject
{
    Q_OBJECT

private slots:
    void nextIsTheEarliestAmongHostsWithRoom()
    {
        WaitingLine line;
        line.add(7, u"a"_s);
        line.add(5, u"a"_s);   // out of order on its host
        line.add(3, u"b"_s);
        line.add(4, u"c"_s);
        QCOMPARE(line.size(), 4);
        QCOMPARE(line.next([](const QString &) { return true; }), 3u);
        QCOMPARE(line.next([](const QString &host) { return host != u"b"_s; }), 4u);
        QCOMPARE(line.next([](const QString &host) { return host == u"a"_s; }), 5u);
        QCOMPARE(line.next([](const QString &) { return false; }), 0u);
    }

    void aHostsLineGoesWithItsLastId()
    {
        WaitingLine line;
        line.add(1, u"a"_s);
        line.add(2, u"a"_s);
        line.add(3, u"b"_s);
        QCOMPARE(line.hostCount(), 2);
        line.remove(1);
        QCOMPARE(line.hostCount(), 2);
        line.remove(2);
        QCOMPARE(line.hostCount(), 1);
        QVERIFY(!line.contains(2));
        line.remove(99);   // never waited
        line.remove(2);    // no longer waits
        QCOMPARE(line.size(), 1);
        line.remove(3);
        QVERIFY(line.isEmpty());
        QCOMPARE(line.hostCount(), 0);
        QCOMPARE(line.next([](const QString &) { return true; }), 0u);
    }

    // An id added again (its link changed while it waited) moves: it waits once, under its new host only.
    void addingAgainMovesToTheNewHost()
    {
        WaitingLine line;
        line.add(1, u"a"_s);
        line.add(2, u"a"_s);
        line.add(1, u"b"_s);
        line.add(1, u"b"_s);
        QCOMPARE(line.size(), 2);
        QCOMPARE(line.hostCount(), 2);
        QCOMPARE(line.next([](const QString &host) { return host == u"a"_s; }), 2u);
        QCOMPARE(line.next([](const QString &host) { return host == u"b"_s; }), 1u);
        line.remove(1);
        QCOMPARE(line.hostCount(), 1);
        QCOMPARE(line.next([](const QString &) { return true; }), 2u);
    }
    // Asking costs the lanes up to the first with room, and none of this computer's while it has no room.
    void onlyTheLanesThatComeFirstAreAsked()
    {
        WaitingLine line;
        for (DownloadId id = 1; id <= 1000; ++id)
            line.add(id, u"host%1"_s.arg(id));
        line.add(1001, QChar(0x1f) + u"NAS"_s);
        line.add(1002, QChar(0x1f) + u"Box"_s);
        QStringList asked;
        const auto room = [&asked](const QString &lane) {
            asked.append(lane);
            return lane != u"host1"_s && lane != QChar(0x1f) + u"NAS"_s;
        };
        QCOMPARE(line.next(room), 2u);
        QCOMPARE(asked, QStringList({u"host1"_s, u"host2"_s}));
        asked.clear();
        QCOMPARE(line.next(room, false), 1002u);
        QCOMPARE(asked, QStringList({QChar(0x1f) + u"NAS"_s, QChar(0x1f) + u"Box"_s}));
        // A lane whose first row leaves is found under its next one.
        line.add(1003, u"host2"_s);
        line.remove(2);
        asked.clear();
        QCOMPARE(line.next([](const QString &lane) { return lane == u"host2"_s; }), 1003u);
        line.remove(1003);
        QCOMPARE(line.next([](const QString &lane) { return lane == u"host2"_s; }), 0u);
        QCOMPARE(line.size(), 1001);
    }

    // Through thousands of adds, moves and removals the line answers like a plain sorted set per host.
    void answersLikeASortedSetPerHostThroughManyChanges()
    {
        WaitingLine line;
        std::map<DownloadId, QString> model;   // id -> host
        const QStringList hosts{u"a"_s, u"b"_s, u"c"_s};
        QRandomGenerator random(15);
        auto expectedNext = [&](const QString &only) {
            DownloadId best = 0;
            for (const auto &[id, host] : model) {
                if ((only.isEmpty() || host == only) && (best == 0 || id < best))
                    best = id;
            }
            return best;
        };
        for (int step = 0; step < 20000; ++step) {
            const DownloadId id = 1 + random.bounded(300);
            const QString host = hosts.at(random.bounded(int(hosts.size())));
            if (random.bounded(3) == 0) {
                line.remove(id);
                model.erase(id);
            } else {
                line.add(id, host);
                model[id] = host;
            }
            if (step % 7 == 0) {
                QCOMPARE(line.size(), int(model.size()));
                std::set<QString> used;
                for (const auto &entry : model)
                    used.insert(entry.second);
                QCOMPARE(line.hostCount(), int(used.size()));
                QCOMPARE(line.next([](const QString &) { return true; }), expectedNext({}));
                for (const QString &only : hosts)
                    QCOMPARE(line.next([&](const QString &h) { return h == only; }), expectedNext(only));
                QCOMPARE(line.hostOf(id), model.count(id) ? model.at(id) : QString());
            }
        }
        for (const auto &entry : std::map<DownloadId, QString>(model))
            line.remove(entry.first);
        QVERIFY(line.isEmpty());
        QCOMPARE(line.hostCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestWaitingLine)
#include "tst_waitingline.moc"
