// A queue of 100,000 items through the model, the scheduler and the session store (issue 15): adding,
// Start All, downloads ending, Pause All, removing the finished and then scattered rows, saving, loading
// and restoring, each row checked. It asserts what happens, not how long it takes (bench/run.sh
// --scenario scale and bench/queue/run.sh measure that); it runs in a few seconds only because nothing
// in it goes over the whole queue once per item.

#include "../queue/schedulerfakes.h"

#include "queue/queuemodel.h"
#include "queue/scheduler.h"
#include "session/sessionstore.h"

#include <QCoreApplication>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Quiver;
using namespace Quiver::Test;
using namespace Qt::StringLiterals;

namespace {

constexpr int kItems = 100'000;
constexpr int kParallel = 16;
constexpr int kFinished = 20'000;
constexpr int kKept = (kItems - kFinished) / 2;   // every other row of the rest is removed too

// Start All works through a long list a part per event-loop turn: turn the loop until it is through.
void workThroughResumes(const Scheduler &scheduler, int expectedWaiting)
{
    for (int turn = 0; turn < 100 && scheduler.waitingCount() < expectedWaiting; ++turn)
        QCoreApplication::processEvents();
}

int countIn(const QueueModel &model, DownloadState state)
{
    int count = 0;
    for (int row = 0; row < model.count(); ++row)
        count += model.at(row).state == state ? 1 : 0;
    return count;
}

QList<DownloadItem> manyPausedItems(const QString &directory)
{
    QList<DownloadItem> items = pausedItems(kItems);
    for (qsizetype i = 0; i < items.size(); ++i) {
        items[i].directory = directory;
        items[i].fileName = u"file"_s + QString::number(i) + u".bin"_s;
    }
    return items;
}

} // namespace

class tst_LargeQueue : public QObject
{
    Q_OBJECT

private slots:
    void aHundredThousandItems()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString sessionFile = dir.filePath(u"queue.json"_s);
        QList<DownloadId> remaining;
        {
            FakeBackend backend;
            QueueModel model;
            Scheduler scheduler(&model, &backend);
            scheduler.setLimits(kParallel, kParallel);
            SessionStore store(&model, sessionFile);

            // Adding: every item in, in order, none running while paused.
            const QList<DownloadId> ids = model.append(manyPausedItems(dir.path()));
            QCOMPARE(ids.size(), kItems);
            QCOMPARE(model.count(), kItems);
            QCOMPARE(QSet<DownloadId>(ids.cbegin(), ids.cend()).size(), kItems);
            for (int row = 0; row < kItems; row += 997)
                QCOMPARE(model.rowOf(ids.at(row)), row);
            QVERIFY(scheduler.isIdle());
            QVERIFY(store.saveNow());

            // Start All: the slots fill at once, the rest wait in queue order.
            scheduler.startAll();
            QCOMPARE(scheduler.activeCount(), kParallel);
            workThroughResumes(scheduler, kItems - kParallel);
            QCOMPARE(scheduler.waitingCount(), kItems - kParallel);
            QCOMPARE(countIn(model, DownloadState::Paused), 0);
            QCOMPARE(countIn(model, DownloadState::Connecting), kParallel);

            // Downloads end one after another; each freed slot goes to the next in line.
            for (int done = 0; done < kFinished; ++done) {
                FakeTransfer *transfer = backend.forId(ids.at(done));
                QVERIFY2(transfer && transfer->started, qPrintable(QString::number(done)));
                transfer->succeed(1024);
                QCOMPARE(scheduler.activeCount(), kParallel);
            }
            QCOMPARE(countIn(model, DownloadState::Finished), kFinished);
            QCOMPARE(backend.created.size(), kFinished + kParallel);

            // Pause All: nothing runs or waits any more, and every unfinished item is paused.
            scheduler.pauseAll();
            QCOMPARE(scheduler.activeCount(), 0);
            QCOMPARE(scheduler.waitingCount(), 0);
            QVERIFY(scheduler.isIdle());
            QCOMPARE(countIn(model, DownloadState::Paused), kItems - kFinished);

            // Removing the finished: they go, with their names released, and the rest keep their order.
            QList<DownloadId> finished;
            for (int row = 0; row < model.count(); ++row) {
                if (model.at(row).state == DownloadState::Finished)
                    finished.append(model.at(row).id);
            }
            scheduler.remove(finished, false);
            QCOMPARE(model.count(), kItems - kFinished);
            QCOMPARE(backend.released.size(), kFinished);
            QCOMPARE(model.ids(), ids.mid(kFinished));
            QVERIFY(model.find(ids.at(0)) == nullptr);

            // Removing scattered rows (every other one): one pass, the rest in order and found by id.
            QList<DownloadId> scattered;
            for (qsizetype i = kFinished; i < kItems; i += 2)
                scattered.append(ids.at(i));
            scheduler.remove(scattered, false);
            QCOMPARE(backend.released.size(), kFinished + kKept);
            for (qsizetype i = kFinished + 1; i < kItems; i += 2)
                remaining.append(ids.at(i));
            QCOMPARE(model.ids(), remaining);
            for (int row = 0; row < model.count(); ++row)
                QCOMPARE(model.rowOf(remaining.at(row)), row);
            QVERIFY(model.find(scattered.constLast()) == nullptr);

            QVERIFY(store.saveNow());
            QVERIFY(!store.isDirty());
        }

        // Restoring: the file holds the 40,000 paused items left, in order, each with its name.
        QueueModel model;
        FakeBackend backend;
        Scheduler scheduler(&model, &backend);
        scheduler.setLimits(kParallel, kParallel);
        SessionStore store(&model, sessionFile);
        SessionLoadResult loaded = store.load();
        QVERIFY2(loaded.problems.isEmpty(), qPrintable(loaded.problems.join(u'\n')));
        QCOMPARE(loaded.items.size(), kKept);
        for (qsizetype i = 0; i < loaded.items.size(); ++i) {
            QCOMPARE(loaded.items.at(i).fileName, u"file"_s + QString::number(kFinished + 2 * i + 1) + u".bin"_s);
            QCOMPARE(loaded.items.at(i).state, DownloadState::Paused);
        }
        const QList<DownloadId> restored = model.append(std::move(loaded.items));
        QCOMPARE(restored.size(), kKept);
        QVERIFY(scheduler.isIdle());

        // And they start again like before.
        scheduler.startAll();
        QCOMPARE(scheduler.activeCount(), kParallel);
        workThroughResumes(scheduler, kKept - kParallel);
        QCOMPARE(scheduler.waitingCount(), kKept - kParallel);
        QCOMPARE(backend.created.constFirst()->item.fileName, u"file"_s + QString::number(kFinished + 1) + u".bin"_s);
        scheduler.pauseAll();
        QVERIFY(scheduler.isIdle());
        QVERIFY(store.saveNow());
        QCOMPARE(store.load().items.size(), kKept);
    }
};

QTEST_GUILESS_MAIN(tst_LargeQueue)

#include "tst_largequeue.moc"
