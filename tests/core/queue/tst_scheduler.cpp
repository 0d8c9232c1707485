#include "schedulerfakes.h"

#include "queue/queuemodel.h"
#include "queue/runningattempts.h"
#include "queue/scheduler.h"

#include <QHash>
#include <QPointer>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace Quiver;
using namespace Quiver::Test;
using namespace Qt::StringLiterals;

class TestScheduler final : public QObject
{
    Q_OBJECT

private slots:
    void globalCapIsASlidingWindow()
    {
        QueueModel model;
        FakeBackend backend;
        Scheduler scheduler(&model, &backend);
        scheduler.setLimits(3, 10);
        const auto ids = model.append(itemsFor(QStringList(10, u"a"_s)));
        QCOMPARE(scheduler.activeCount(), 3);
        QCOMPARE(backend.created.size(), 3);
        QCOMPARE(backend.created.at(0)->item.id, ids.at(0));   // queue order
        QCOMPARE(backend.created.at(2)->item.id, ids.at(2));

        // One ends: exactly one new one starts at once, no batch, no waiting for the others.
        backend.forId(ids.at(1))->succeed();
        QCOMPARE(scheduler.activeCount(), 3);
        QCOMPARE(backend.created.size(), 4);
        QCOMPARE(backend.created.at(3)->item.id, ids.at(3));
        QCOMPARE(model.find(ids.at(1))->state, DownloadState::Finished);
        QCOMPARE(model.find(ids.at(4))->state, DownloadState::Queued);
    }

    void perHostCap()
    {
        QueueModel model;
        FakeBackend backend;
        Scheduler scheduler(&model, &backend);
        scheduler.setLimits(8, 2);
        const auto ids = model.append(itemsFor({u"a"_s, u"a"_s, u"a"_s, u"a"_s, u"b"_s, u"b"_s, u"b"_s, u"c"_s}));
        QCOMPARE(backend.runningFor(u"a"_s), 2);
        QCOMPARE(backend.runningFor(u"b"_s), 2);
        QCOMPARE(backend.runningFor(u"c"_s), 1);
        QCOMPARE(scheduler.activeCount(), 5);
        // When an "a" ends, the next "a" takes its place even though "b" items are also waiting.
        backend.forId(ids.at(0))->succeed();
        QCOMPARE(backend.runningFor(u"a"_s), 2);
        QCOMPARE(model.find(ids.at(2))->state, DownloadState::Connecting);
        QCOMPARE(model.find(ids.at(6))->state, DownloadState::Queued);
    }

    // Remote rows run under their engine's own cap and take none of this computer's slots; this computer's
    // rows are not held back by theirs.
    void remoteEnginesHaveCapsOfTheirOwn()
    {
        QueueModel model;
        FakeBackend backend;
        Scheduler scheduler(&model, &backend);
        scheduler.setLimits(1, 1);
        scheduler.setPerEngineLimit(2);
        QList<DownloadItem> items = itemsFor({u"a"_s, u"a"_s, u"a"_s, u"a"_s, u"a"_s, u"a"_s, u"a"_s});
        for (int i = 1; i < 4; ++i)
            items[i].engine = u"NAS"_s;
        for (int i = 4; i < 6; ++i)
            items[i].engine = u"Box"_s;
        const auto ids = model.append(items);
        // One local (global cap 1), two on NAS (its cap), two on Box: the same host counts apart per engine.
        QCOMPARE(scheduler.activeCount(), 5);
        QCOMPARE(model.find(ids.at(0))->state, DownloadState::Connecting);
        QCOMPARE(model.find(ids.at(1))->state, DownloadState::Connecting);
        QCOMPARE(model.find(ids.at(2))->state, DownloadState::Connecting);
        QCOMPARE(model.find(ids.at(3))->state, DownloadState::Queued);
        QCOMPARE(model.find(ids.at(4))->state, DownloadState::Connecting);
        QCOMPARE(model.find(ids.at(5))->state, DownloadState::Connecting);
        QCOMPARE(model.find(ids.at(6))->state, DownloadState::Queued);
        // A NAS row ending frees a NAS slot only; the local row ending frees the local one.
        backend.forId(ids.at(1))->succeed();
        QCOMPARE(model.find(ids.at(3))->state, DownloadState::Connecting);
        QCOMPARE(model.find(ids.at(6))->state, DownloadState::Queued);
        backend.forId(ids.at(0))->succeed();
        QCOMPARE(model.find(ids.at(6))->state, DownloadState::Connecting);
        QCOMPARE(scheduler.activeCount(), 5);
    }

    // Hundreds of lanes waiting (sixty hosts of this computer, three engines), this computer's cap full
    // Thousands that may start at once (a remote engine's cap raised to the size of its queue) start over
    // several turns of the event loop, launchesPerTurn() a turn, so the window keeps answering; all start.
    void thousandsThatMayStartAtOnceStartOverSeveralTurns()
    {
        QueueModel model;
        FakeBackend backend;
        Scheduler scheduler(&model, &backend);
        constexpr int rows = 1000;
        scheduler.setPerEngineLimit(rows);
        QList<DownloadItem> items = itemsFor(QStringList(rows, u"a"_s));
        for (DownloadItem &item : items)
            item.engine = u"NAS"_s;
        const QList<DownloadId> ids = model.append(items);
        QCOMPARE(backend.created.size(), Scheduler::launchesPerTurn());
        QVERIFY(!scheduler.isIdle());
        QCOMPARE(model.find(ids.at(Scheduler::launchesPerTurn()))->state, DownloadState::Queued);
        QTRY_COMPARE(backend.created.size(), rows);
        for (int i = 0; i < rows; ++i)
            QCOMPARE(backend.created.at(i)->item.id, ids.at(i));   // still in queue order
        QCOMPARE(model.find(ids.constLast())->state, DownloadState::Connecting);
    }

    // most of the time: after every transfer that ends, no lane is over its cap, none that has room is left
    // with a row waiting (starved), and each lane starts its rows in queue order.
    void manyLanesNoneStarvedNoneOverStarted()
    {
        QueueModel model;
        FakeBackend backend;
        Scheduler scheduler(&model, &backend);
        const int global = 4;
        const int perHost = 2;
        const int perEngine = 2;
        scheduler.setLimits(global, perHost);
        scheduler.setPerEngineLimit(perEngine);
        QStringList hosts;
        for (int i = 0; i < 300; ++i)
            hosts.append(u"h%1"_s.arg(i % 60));
        QList<DownloadItem> items = itemsFor(hosts);
        const QStringList engines{u"NAS"_s, u"Box"_s, u"Seedbox"_s};
        for (int i = 0; i < items.size(); i += 4)
            items[i].engine = engines.at((i / 4) % 3);
        // The first rows are all this computer's, on few hosts: the engines' rows come after many of them.
        for (int i = 0; i < 12; i += 4)
            items[i].engine.clear();
        const QList<DownloadId> ids = model.append(items);

        const auto check = [&] {
            QHash<QString, int> running;
            QHash<QString, DownloadId> firstWaiting;
            QHash<QString, DownloadId> lastStarted;
            int local = 0;
            for (int row = 0; row < model.rowCount(); ++row) {
                const DownloadItem &item = model.at(row);
                const QString lane = laneOf(item);
                if (item.state == DownloadState::Queued) {
                    if (!firstWaiting.contains(lane))
                        firstWaiting.insert(lane, item.id);
                    continue;
                }
                lastStarted[lane] = qMax(lastStarted.value(lane), item.id);
                if (item.state == DownloadState::Connecting) {
                    ++running[lane];
                    local += item.engine.isEmpty() ? 1 : 0;
                }
            }
            QVERIFY2(local <= global, "this computer's cap over-started");
            QCOMPARE(scheduler.activeCount() - local, [&] {
                int remote = 0;
                for (const QString &engine : engines)
                    remote += running.value(QChar(0x1f) + engine);
                return remote;
            }());
            for (auto it = running.cbegin(); it != running.cend(); ++it)
                QVERIFY2(it.value() <= (isRemoteLane(it.key()) ? perEngine : perHost), qPrintable(it.key()));
            for (auto it = firstWaiting.cbegin(); it != firstWaiting.cend(); ++it) {
                const QString &lane = it.key();
                const bool room = isRemoteLane(lane) ? running.value(lane) < perEngine
                                                     : local < global && running.value(lane) < perHost;
                QVERIFY2(!room, qPrintable(u"lane %1 starved"_s.arg(lane)));
                // Queue order within a lane: nothing after its first waiting row has started.
                QVERIFY2(lastStarted.value(lane) < it.value(), qPrintable(u"lane %1 out of order"_s.arg(lane)));
            }
        };

        QRandomGenerator random(20261204);
        int steps = 0;
        for (;;) {
            check();
            if (QTest::currentTestFailed())
                return;
            QList<FakeTransfer *> running;
            for (const auto &transfer : std::as_const(backend.created)) {
                if (transfer && transfer->started && !transfer->done)
                    running.append(transfer);
            }
            if (running.isEmpty())
                break;
            running.at(random.bounded(int(running.size())))->succeed();
            ++steps;
        }
        QCOMPARE(steps, int(ids.size()));
        for (const DownloadId id : ids)
            QCOMPARE(model.find(id)->state, DownloadState::Finished);
        QVERIFY(scheduler.isIdle());
    }

    void raisingTheCapStartsMoreAtOnce()
    {
        QueueModel model;
        FakeBackend backend;
        Scheduler scheduler(&model, &backend);
        scheduler.setLimits(2, 100);
        model.append(itemsFor(QStringList(20, u"a"_s)));
        QCOMPARE(scheduler.activeCount(), 2);
        scheduler.setLimits(16, 100);
        QCOMPARE(scheduler.activeCount(), 16);
        QCOMPARE(backend.runningFor(u"a"_s), 16);
    }

    void pausedItemsWaitForStart()
    {
        QueueModel model;
        FakeBackend backend;
        Scheduler scheduler(&model, &backend);
        auto items = itemsFor({u"a"_s, u"b"_s, u"c"_s});
        for (DownloadItem &item : items) {
            item.intent = Intent::Pause;
            item.state = DownloadState::Paused;
        }
        const auto ids = model.append(items);
        QCOMPARE(scheduler.activeCount(), 0);
        // Never started: no attempt, no bytes (the window says "Not started").
        QCOMPARE(model.find(ids.at(0))->state, DownloadState::Paused);
        QCOMPARE(model.find(ids.at(0))->attempts, 0);
        QCOMPARE(model.find(ids.at(0))->bytesReceived, 0);
        scheduler.resume({ids.at(2)});   // Start on one selected row
        QCOMPARE(scheduler.activeCount(), 1);
        QCOMPARE(model.find(ids.at(2))->state, DownloadState::Connecting);
        scheduler.startAll();
        QCOMPARE(scheduler.activeCount(), 3);
        scheduler.pauseAll();
        QTRY_COMPARE(model.find(ids.at(0))->state, DownloadState::Paused);
        QCOMPARE(model.find(ids.at(1))->state, DownloadState::Paused);
    }

    // Start All on a long queue goes a part per event-loop turn; the first part fills the free slots.
    void startAllOnALongQueueGoesInParts()
    {
        QueueModel model;
        FakeBackend backend;
        Scheduler scheduler(&model, &backend);
        scheduler.setLimits(4, 4);
        const QList<DownloadId> ids = model.append(pausedItems(25'000));
        scheduler.startAll();
        QCOMPARE(scheduler.activeCount(), 4);
        QVERIFY(!scheduler.isIdle());
        QCOMPARE(model.find(ids.constLast())->state, DownloadState::Paused);   // in a later part
        QTRY_COMPARE_WITH_TIMEOUT(model.find(ids.constLast())->state, DownloadState::Queued, 30000);
        QCOMPARE(scheduler.waitingCount(), 25'000 - 4);
        for (DownloadId id : ids)
            QCOMPARE(model.find(id)->intent, Intent::Run);
    }

    // Rows removed while Start All is still going leave nothing behind: the queue is idle at once, not
    // when the resume has worked its way through ids that are gone (issue 14, point 5).
    void removeDuringALongStartAllLeavesNothingBehind()
    {
        QueueModel model;
        FakeBackend backend;
        Scheduler scheduler(&model, &backend);
        scheduler.setLimits(4, 4);
        const QList<DownloadId> ids = model.append(pausedItems(25'000));
        scheduler.startAll();
        QVERIFY(!scheduler.isIdle());
        scheduler.remove(ids, false);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(scheduler.isIdle());
        QCOMPARE(backend.released.size(), 25'000);
    }

    // A pause given while Start All is still going wins over the parts not done yet.
    void pauseDuringALongStartAllWins()
    {
        QueueModel model;
        FakeBackend backend;
        Scheduler scheduler(&model, &backend);
        scheduler.setLimits(4, 4);
        const QList<DownloadId> ids = model.append(pausedItems(25'000));
        scheduler.startAll();
        scheduler.pause({ids.constLast()});
        QTRY_COMPARE_WITH_TIMEOUT(model.find(ids.at(ids.size() - 2))->state, DownloadState::Queued, 30000);
        QCOMPARE(model.find(ids.constLast())->state, DownloadState::Paused);
        QCOMPARE(model.find(ids.constLast())->intent, Intent::Pause);

        // Pause All right after a Start All on 25,000 paused rows, most of them not resumed yet.
        scheduler.pauseAll();
        QVERIFY(scheduler.isIdle());
        QSignalSpy idle(&scheduler, &Scheduler::idle);
        scheduler.startAll();
        QCOMPARE(model.find(ids.constLast())->state, DownloadState::Paused);   // not reached yet
        scheduler.pauseAll();
        QCOMPARE(idle.size(), 1);
        QVERIFY(scheduler.isIdle());   // nothing left over to resume later
        for (DownloadId id : ids)
            QCOMPARE(model.find(id)->state, DownloadState::Paused);
    }

    // A handler of the state change pauses the row being resumed, and one further down, while Start goes
    // through the list: those two stay paused, and every other one is resumed, none skipped.
    void pausingFromAHandlerWhileResumingSkipsNoOther()
    {
        QueueModel model;
        FakeBackend backend;
        Scheduler scheduler(&model, &backend);
        const QList<DownloadId> ids = model.append(pausedItems(4));
        connect(&model, &QueueModel::stateChanged, &model, [&](DownloadId id, DownloadState from, DownloadState to) {
            if (id == ids.at(0) && from == DownloadState::Paused && to == DownloadState::Queued)
                scheduler.pause({ids.at(0), ids.at(2)});
        });
        scheduler.resume(ids);
        QCOMPARE(model.find(ids.at(0))->state, DownloadState::Paused);
        QCOMPARE(model.find(ids.at(1))->state, DownloadState::Connecting);
        QCOMPARE(model.find(ids.at(2))->state, DownloadState::Paused);
        QCOMPARE(model.find(ids.at(2))->intent, Intent::Pause);
        QCOMPARE(model.find(ids.at(3))->state, DownloadState::Connecting);
        QCOMPARE(scheduler.activeCount(), 2);
    }

    void finalErrorCostsOneRequest()
    {
        QueueModel model;
        FakeBackend backend;
        Scheduler scheduler(&model, &backend);
        QSignalSpy failed(&scheduler, &Scheduler::itemFailed);
        const auto ids = model.append(itemsFor({u"a"_s}));
        backend.forId(ids.at(0))->failWith(ErrorKind::HttpStatus, 404);
        QCOMPARE(model.find(ids.at(0))->state, DownloadState::Failed);
        QCOMPARE(model.find(ids.at(0))->attempts, 1);
        QCOMPARE(model.find(ids.at(0))->lastError, u"boom"_s);
        QCOMPARE(backend.created.size(), 1);
        QCOMPARE(failed.size(), 1);
    }

    void retriesWithBackoffThenGivesUp()
    {
        QueueModel model;
        FakeBackend backend;
        Scheduler scheduler(&model, &backend);
        RetrySettings retry;
        retry.maxRetries = 2;
        retry.baseDelay = std::chrono::milliseconds(40);
        scheduler.setRetrySettings(retry);
        scheduler.setRandomSource([] { return 0.5; });
        QSignalSpy idle(&scheduler, &Scheduler::idle);
        const auto ids = model.append(itemsFor({u"a"_s}));
        const DownloadId id = ids.at(0);

        backend.forId(id)->failWith(ErrorKind::Network);
        QCOMPARE(model.find(id)->state, DownloadState::Retrying);
        QVERIFY(model.find(id)->nextRetryAt.isValid());
        // The second attempt of three (the window's "attempt 2 of 3").
        QCOMPARE(model.find(id)->attemptsWithoutProgress + 1, 2);
        QCOMPARE(scheduler.attemptLimit(), 3);
        QTRY_COMPARE(model.find(id)->state, DownloadState::Connecting);
        QCOMPARE(model.find(id)->attempts, 2);

        backend.forId(id)->failWith(ErrorKind::Timeout);
        QCOMPARE(model.find(id)->state, DownloadState::Retrying);
        QTRY_COMPARE(model.find(id)->state, DownloadState::Connecting);

        backend.forId(id)->failWith(ErrorKind::Network);
        QCOMPARE(model.find(id)->state, DownloadState::Failed);
        QCOMPARE(model.find(id)->attempts, 3);
        QVERIFY(model.find(id)->lastError.contains(u"3 attempt"_s));
        QCOMPARE(backend.created.size(), 3);
        QCOMPARE(idle.size(), 1);
    }

    void retryAfterIsHonoured()
    {
        QueueModel model;
        FakeBackend backend;
        Scheduler scheduler(&model, &backend);
        scheduler.setRandomSource([] { return 0.0; });
        const auto ids = model.append(itemsFor({u"a"_s}));
        const QDateTime before = QDateTime::currentDateTimeUtc();
        backend.forId(ids.at(0))->failWith(ErrorKind::HttpStatus, 503, std::chrono::seconds(30));
        QCOMPARE(model.find(ids.at(0))->state, DownloadState::Retrying);
        const qint64 wait = before.msecsTo(model.find(ids.at(0))->nextRetryAt);
        QVERIFY2(wait >= 29000 && wait <= 31000, qPrintable(QString::number(wait)));
    }

    void pauseAndResume()
    {
        QueueModel model;
        FakeBackend backend;
        Scheduler scheduler(&model, &backend);
        scheduler.setLimits(1, 1);
        const auto ids = model.append(itemsFor({u"a"_s, u"a"_s}));
        backend.forId(ids.at(0))->bytes = 42;
        scheduler.pause({ids.at(0), ids.at(1)});
        QCOMPARE(model.find(ids.at(0))->state, DownloadState::Paused);
        QCOMPARE(model.find(ids.at(0))->bytesReceived, 42);
        QCOMPARE(model.find(ids.at(1))->state, DownloadState::Paused);
        QVERIFY(backend.forId(ids.at(0))->stopped);
        QCOMPARE(scheduler.activeCount(), 0);
        QVERIFY(scheduler.isIdle());

        scheduler.resume({ids.at(1)});
        QCOMPARE(model.find(ids.at(1))->state, DownloadState::Connecting);
        QCOMPARE(model.find(ids.at(0))->state, DownloadState::Paused);
        // A failure while the user has paused it does not schedule a retry.
    }

    void cancelAndRetry()
    {
        QueueModel model;
        FakeBackend backend;
        Scheduler scheduler(&model, &backend);
        const auto ids = model.append(itemsFor({u"a"_s}));
        scheduler.cancel(ids);
        QCOMPARE(model.find(ids.at(0))->state, DownloadState::Canceled);
        QCOMPARE(scheduler.activeCount(), 0);
        scheduler.retry(ids);
        QCOMPARE(model.find(ids.at(0))->state, DownloadState::Connecting);
        QCOMPARE(model.find(ids.at(0))->attempts, 1);   // a fresh count
        QCOMPARE(backend.created.size(), 2);
    }

    void aBackendThatRetriesItselfFailsAtOnce_data()
    {
        QTest::addColumn<bool>("retriesItself");
        QTest::newRow("the scheduler retries") << false;
        QTest::newRow("the backend retried") << true;
    }

    void aBackendThatRetriesItselfFailsAtOnce()
    {
        QFETCH(bool, retriesItself);
        QueueModel model;
        FakeBackend backend;
        if (retriesItself)
            backend.caps = DownloadBackend::Capability::RetriesItself;
        Scheduler scheduler(&model, &backend);
        const auto ids = model.append(itemsFor({u"a"_s}));
        backend.forId(ids.at(0))->failWith(ErrorKind::Network);
        const DownloadItem *item = model.find(ids.at(0));
        QCOMPARE(item->state, retriesItself ? DownloadState::Failed : DownloadState::Retrying);
        QCOMPARE(item->lastError, u"boom"_s);   // the backend's reason, with nothing about a retry budget
        QCOMPARE(scheduler.isIdle(), retriesItself);
    }

    void theBackendsRecordOfAnItemIsKept()
    {
        QueueModel model;
        FakeBackend backend;
        Scheduler scheduler(&model, &backend);
        const auto ids = model.append(itemsFor({u"a"_s}));
        FakeTransfer *transfer = backend.forId(ids.at(0));
        TransferStart start{u"f.bin"_s, 0, 100, {}, {}, QJsonObject{{u"gid"_s, u"1"_s}}};
        emit transfer->Transfer::started(start);
        QCOMPARE(model.find(ids.at(0))->backendState, QJsonObject({{u"gid"_s, u"1"_s}}));
        // A result without a record leaves the item's as it was; one with a record replaces it.
        transfer->failWith(ErrorKind::Network);
        QCOMPARE(model.find(ids.at(0))->backendState, QJsonObject({{u"gid"_s, u"1"_s}}));
        scheduler.retry(ids);
        scheduler.pause(ids);
        scheduler.resume(ids);
        QTRY_VERIFY(backend.forId(ids.at(0)) && backend.forId(ids.at(0)) != transfer);
        TransferResult result;
        result.backendState = QJsonObject{{u"gid"_s, u"2"_s}};
        backend.forId(ids.at(0))->finishWith(result);
        QCOMPARE(model.find(ids.at(0))->state, DownloadState::Finished);
        QCOMPARE(model.find(ids.at(0))->backendState, QJsonObject({{u"gid"_s, u"2"_s}}));
    }

    // A verify in progress is not stopped (HttpTransfer ignores stop() then). Pausing such a row must not
    // leave it "Verifying" with nothing running when the verify then fails: the failure is reported and
    // Retry works (issue 14, point 1).
    void pauseDuringVerifyingLeavesNoStuckRow_data()
    {
        QTest::addColumn<bool>("pauseAll");
        QTest::addColumn<bool>("pausedBeforeTheVerify");   // the pause met the body's last bytes
        QTest::newRow("Pause") << false << false;
        QTest::newRow("Pause All") << true << false;
        QTest::newRow("Pause as the body ends") << false << true;
    }

    void pauseDuringVerifyingLeavesNoStuckRow()
    {
        QFETCH(bool, pauseAll);
        QFETCH(bool, pausedBeforeTheVerify);
        QueueModel model;
        FakeBackend backend;
        Scheduler scheduler(&model, &backend);
        const auto ids = model.append(itemsFor({u"a"_s}));
        FakeTransfer *transfer = backend.forId(ids.at(0));
        transfer->slowStop = true;
        transfer->begin(100, "\"e\"");
        const auto pause = [&] { pauseAll ? scheduler.pauseAll() : scheduler.pause(ids); };
        if (pausedBeforeTheVerify)
            pause();
        emit transfer->verifying();
        QCOMPARE(model.find(ids.at(0))->state, DownloadState::Verifying);
        if (!pausedBeforeTheVerify)
            pause();
        QCOMPARE(model.find(ids.at(0))->state, DownloadState::Verifying);   // the check goes on
        transfer->failWith(ErrorKind::Checksum);
        const DownloadItem *item = model.find(ids.at(0));
        QCOMPARE(item->state, DownloadState::Failed);   // a checksum mismatch is not retried
        QCOMPARE(item->lastError, u"boom"_s);
        QVERIFY(scheduler.isIdle());
        scheduler.retry(ids);
        QCOMPARE(model.find(ids.at(0))->state, DownloadState::Connecting);
    }

    void cancelHandsThePartToTheBackend()
    {
        QueueModel model;
        FakeBackend backend;
        Scheduler scheduler(&model, &backend);
        QList<DownloadItem> items = itemsFor({u"a"_s, u"a"_s});
        items[0].fileName = u"running.bin"_s;
        items[1].fileName = u"waiting.bin"_s;
        scheduler.setLimits(1, 1);
        const auto ids = model.append(items);
        backend.forId(ids.at(0))->bytes = 42;
        model.setProgress(ids.at(0), 42, 100);
        scheduler.cancel(ids);
        QCOMPARE(model.find(ids.at(0))->state, DownloadState::Canceled);
        QCOMPARE(model.find(ids.at(1))->state, DownloadState::Canceled);
        // The backend owns the files: it is told, and the row's bytes are gone with them.
        QCOMPARE(backend.discarded, ids);
        QCOMPARE(model.find(ids.at(0))->bytesReceived, 0);
    }

    void removingAnActiveItemFreesItsSlot()
    {
        QueueModel model;
        FakeBackend backend;
        Scheduler scheduler(&model, &backend);
        scheduler.setLimits(1, 1);
        const auto ids = model.append(itemsFor({u"a"_s, u"a"_s}));
        QPointer<FakeTransfer> first = backend.forId(ids.at(0));
        model.remove({ids.at(0)});
        QTRY_COMPARE(model.find(ids.at(1))->state, DownloadState::Connecting);
        QCOMPARE(scheduler.activeCount(), 1);
        QTRY_VERIFY(first.isNull());
    }

    // A row removed while its cancel is still on the way takes everything it had with it: the attempt
    // ending afterwards changes nothing, the host's slot is free, and new work runs as if it had never been.
    void removingAnItemBeingCanceledLeavesNothingBehind()
    {
        QueueModel model;
        FakeBackend backend;
        Scheduler scheduler(&model, &backend);
        scheduler.setLimits(4, 1);
        QSignalSpy idle(&scheduler, &Scheduler::idle);
        const DownloadId removed = model.append(itemsFor({u"a"_s})).constFirst();
        FakeTransfer *old = backend.forId(removed);
        old->slowStop = true;
        old->bytes = 10;
        scheduler.cancel({removed});
        QVERIFY(old->stopped);
        QCOMPARE(scheduler.activeCount(), 1);   // until the attempt has ended
        model.remove({removed});
        QCOMPARE(scheduler.activeCount(), 0);
        QCOMPARE(scheduler.waitingCount(), 0);
        QVERIFY(scheduler.isIdle());
        old->failWith(ErrorKind::Canceled);   // it ends after all; nobody listens any more
        QTRY_COMPARE(idle.size(), 1);

        // Three more on the same host, one slot per host: the removed item holds none of it.
        const auto ids = model.append(itemsFor({u"a"_s, u"a"_s, u"a"_s}));
        QCOMPARE(model.find(ids.at(0))->state, DownloadState::Connecting);
        QCOMPARE(backend.runningFor(u"a"_s), 1);
        QCOMPARE(scheduler.waitingCount(), 2);
        // Canceling the next one ends it Canceled; the others run one after the other as usual.
        scheduler.cancel({ids.at(0)});
        QCOMPARE(model.find(ids.at(0))->state, DownloadState::Canceled);
        QCOMPARE(model.find(ids.at(1))->state, DownloadState::Connecting);
        QCOMPARE(backend.runningFor(u"a"_s), 1);
        backend.forId(ids.at(1))->succeed();
        QCOMPARE(model.find(ids.at(1))->state, DownloadState::Finished);
        QCOMPARE(backend.runningFor(u"a"_s), 1);
        backend.forId(ids.at(2))->succeed();
        QCOMPARE(model.find(ids.at(2))->state, DownloadState::Finished);
        QCOMPARE(idle.size(), 2);
        QVERIFY(scheduler.isIdle());
    }

    // A handler of the model's stateChanged removes the row while the scheduler is still settling the
    // attempt that ended: nothing is left behind for it (no retry timer keeping the queue busy), the next
    // item gets the slot, and itemFinished/itemFailed are only said of a row that got there.
    void removingTheRowAsItsAttemptEnds_data()
    {
        QTest::addColumn<QString>("ending");
        QTest::addColumn<int>("removedAt");   // DownloadState
        QTest::addColumn<bool>("saidFinished");
        QTest::addColumn<bool>("saidFailed");
        QTest::newRow("complete, removed while verifying") << u"complete"_s << int(DownloadState::Verifying) << false << false;
        QTest::newRow("complete, removed as finished") << u"complete"_s << int(DownloadState::Finished) << true << false;
        QTest::newRow("404, removed as failed") << u"404"_s << int(DownloadState::Failed) << false << true;
        QTest::newRow("network error, removed as retrying") << u"network"_s << int(DownloadState::Retrying) << false << false;
        QTest::newRow("paused, removed as paused") << u"pause"_s << int(DownloadState::Paused) << false << false;
        QTest::newRow("canceled, removed as canceled") << u"cancel"_s << int(DownloadState::Canceled) << false << false;
    }

    void removingTheRowAsItsAttemptEnds()
    {
        QFETCH(QString, ending);
        QFETCH(int, removedAt);
        QFETCH(bool, saidFinished);
        QFETCH(bool, saidFailed);
        QueueModel model;
        FakeBackend backend;
        Scheduler scheduler(&model, &backend);
        scheduler.setLimits(1, 1);
        RetrySettings retry;
        retry.baseDelay = std::chrono::minutes(1);
        scheduler.setRetrySettings(retry);
        scheduler.setRandomSource([] { return 0.5; });
        QSignalSpy idle(&scheduler, &Scheduler::idle);
        QSignalSpy finished(&scheduler, &Scheduler::itemFinished);
        QSignalSpy failed(&scheduler, &Scheduler::itemFailed);
        const auto ids = model.append(itemsFor({u"a"_s, u"a"_s}));
        const DownloadId removed = ids.at(0);
        connect(&model, &QueueModel::stateChanged, &model, [&](DownloadId id, DownloadState, DownloadState to) {
            if (id == removed && int(to) == removedAt)
                model.remove({id});
        });

        FakeTransfer *transfer = backend.forId(removed);
        transfer->begin(100, "\"e\"");
        if (ending == u"complete"_s) {
            TransferResult result;   // no verifying() first: the scheduler goes through Verifying itself
            result.bytesOnDisk = result.bytesTotal = 100;
            transfer->finishWith(result);
        } else if (ending == u"404"_s) {
            transfer->failWith(ErrorKind::HttpStatus, 404);
        } else if (ending == u"network"_s) {
            transfer->failWith(ErrorKind::Network);
        } else if (ending == u"pause"_s) {
            scheduler.pause({removed});
        } else {
            scheduler.cancel({removed});
        }

        QVERIFY(!model.find(removed));
        QCOMPARE(finished.size(), saidFinished ? 1 : 0);
        QCOMPARE(failed.size(), saidFailed ? 1 : 0);
        QTRY_COMPARE(model.find(ids.at(1))->state, DownloadState::Connecting);
        QCOMPARE(scheduler.activeCount(), 1);
        QCOMPARE(scheduler.waitingCount(), 0);
        backend.forId(ids.at(1))->succeed();
        QVERIFY(scheduler.isIdle());
        QCOMPARE(idle.size(), 1);
    }

    // A handler of the state change to Connecting removes the row, or cancels it, before its transfer
    // exists: no transfer is made for it, and the slot goes to the next item.
    void removingOrCancelingTheRowAsItConnects_data()
    {
        QTest::addColumn<bool>("remove");
        QTest::newRow("removed") << true;
        QTest::newRow("canceled") << false;
    }

    void removingOrCancelingTheRowAsItConnects()
    {
        QFETCH(bool, remove);
        QueueModel model;
        FakeBackend backend;
        Scheduler scheduler(&model, &backend);
        scheduler.setLimits(1, 1);
        const auto ids = model.append(itemsFor({u"a"_s, u"a"_s, u"a"_s}));
        connect(&model, &QueueModel::stateChanged, &model, [&](DownloadId id, DownloadState, DownloadState to) {
            if (id != ids.at(1) || to != DownloadState::Connecting)
                return;
            if (remove)
                model.remove({id});
            else
                scheduler.cancel({id});
        });
        backend.forId(ids.at(0))->succeed();
        QVERIFY(!backend.forId(ids.at(1)));
        if (remove)
            QVERIFY(!model.find(ids.at(1)));
        else
            QCOMPARE(model.find(ids.at(1))->state, DownloadState::Canceled);
        QCOMPARE(model.find(ids.at(2))->state, DownloadState::Connecting);
        QCOMPARE(scheduler.activeCount(), 1);
        QCOMPARE(backend.runningFor(u"a"_s), 1);
        backend.forId(ids.at(2))->succeed();
        QVERIFY(scheduler.isIdle());
    }

    // A handler of linkChanged removes the row of an item waiting for a slot: it does not come back into
    // the line under its new host, and nothing is launched for it later.
    void removingAWaitingRowAsItsLinkChanges()
    {
        QueueModel model;
        FakeBackend backend;
        Scheduler scheduler(&model, &backend);
        scheduler.setLimits(1, 1);
        const auto ids = model.append(itemsFor({u"a"_s, u"a"_s, u"a"_s}));
        connect(&scheduler, &Scheduler::linkChanged, &model, [&model](DownloadId id) { model.remove({id}); });
        QVERIFY(scheduler.changeLink(ids.at(1), QUrl(u"http://b/moved"_s)));
        QVERIFY(!model.find(ids.at(1)));
        QCOMPARE(scheduler.waitingCount(), 1);
        backend.forId(ids.at(0))->succeed();
        QVERIFY(!backend.forId(ids.at(1)));
        QCOMPARE(model.find(ids.at(2))->state, DownloadState::Connecting);
        backend.forId(ids.at(2))->succeed();
        QVERIFY(scheduler.isIdle());
    }

    // A handler adds rows while the scheduler settles an attempt (here: the note that the new link serves
    // another file). The model's list grows, which may move every item in memory; the scheduler looks the
    // item up again instead of reading it where it was (the sanitizer build reports such a read).
    void addingRowsFromAHandlerWhileAnAttemptEnds()
    {
        QueueModel model;
        FakeBackend backend;
        Scheduler scheduler(&model, &backend);
        scheduler.setLimits(1, 1);
        const DownloadId id = model.append(itemsFor({u"a"_s})).constFirst();
        QList<DownloadId> added;
        connect(&scheduler, &Scheduler::itemNoted, &model, [&](DownloadId noted) {
            if (noted == id && added.isEmpty())
                added = model.append(itemsFor(QStringList(1000, u"b"_s)));
        });
        TransferResult otherFile;
        otherFile.error.kind = ErrorKind::OtherFile;
        otherFile.error.restartFromZero = true;
        otherFile.error.message = u"another file"_s;
        backend.forId(id)->finishWith(otherFile);
        QCOMPARE(added.size(), 1000);
        // The first added row took the free slot while the note was being handled; the item waits again.
        QCOMPARE(model.find(added.constFirst())->state, DownloadState::Connecting);
        QCOMPARE(model.find(id)->state, DownloadState::Queued);
        QCOMPARE(model.find(id)->note, u"another file"_s);
        QCOMPARE(model.find(id)->attemptsWithoutProgress, 0);
        QCOMPARE(scheduler.waitingCount(), 1000);
        backend.forId(added.constFirst())->succeed();
        QCOMPARE(model.find(id)->state, DownloadState::Connecting);   // queue order: it is first again
    }

    void idleOnlyWhenEverythingEnded()
    {
        QueueModel model;
        FakeBackend backend;
        Scheduler scheduler(&model, &backend);
        scheduler.setLimits(2, 2);
        QSignalSpy idle(&scheduler, &Scheduler::idle);
        const auto ids = model.append(itemsFor({u"a"_s, u"b"_s, u"c"_s}));
        backend.forId(ids.at(0))->succeed();
        backend.forId(ids.at(1))->succeed();
        QCOMPARE(idle.size(), 0);
        backend.forId(ids.at(2))->succeed();
        QCOMPARE(idle.size(), 1);
        QVERIFY(scheduler.isIdle());
    }

    void changeLinkKeepsWhatTheUserAskedFor()
    {
        QueueModel model;
        FakeBackend backend;
        Scheduler scheduler(&model, &backend);
        QList<DownloadItem> items = itemsFor({u"a"_s, u"a"_s, u"a"_s, u"a"_s});
        items[0].state = DownloadState::Paused;
        items[0].intent = Intent::Pause;
        items[1].state = DownloadState::Failed;
        items[1].attempts = items[1].attemptsWithoutProgress = 6;
        items[1].lastError = u"Server answered 403 Forbidden"_s;
        items[2].state = DownloadState::Finished;
        items[3].state = DownloadState::Canceled;
        const auto ids = model.append(items);
        QCOMPARE(backend.created.size(), 0);

        QVERIFY(scheduler.changeLink(ids.at(0), QUrl(u"http://b/paused"_s)));
        QCOMPARE(model.find(ids.at(0))->state, DownloadState::Paused);
        QCOMPARE(model.find(ids.at(0))->url, QUrl(u"http://b/paused"_s));
        // A dead link replaced is the user asking to try again: queued with a fresh budget, and it runs.
        QVERIFY(scheduler.changeLink(ids.at(1), QUrl(u"http://b/failed"_s)));
        QCOMPARE(model.find(ids.at(1))->state, DownloadState::Connecting);
        QCOMPARE(model.find(ids.at(1))->attempts, 1);
        QVERIFY(model.find(ids.at(1))->lastError.isEmpty());
        QCOMPARE(backend.forId(ids.at(1))->item.url, QUrl(u"http://b/failed"_s));
        QVERIFY(!scheduler.changeLink(ids.at(2), QUrl(u"http://b/finished"_s)));
        QCOMPARE(model.find(ids.at(2))->url, items.at(2).url);
        QVERIFY(scheduler.changeLink(ids.at(3), QUrl(u"http://b/canceled"_s)));
        QCOMPARE(model.find(ids.at(3))->state, DownloadState::Canceled);
        for (const QString &bad : {u"ftp://b/file"_s, u"http:///file"_s, QString()})
            QVERIFY2(!scheduler.changeLink(ids.at(0), QUrl(bad)), qPrintable(bad));
        QVERIFY(!scheduler.changeLink(12345, QUrl(u"http://b/none"_s)));
        QCOMPARE(backend.created.size(), 1);
    }

    // The new link is asked for while the old one is delivering its last bytes: the finished file keeps
    // the link it came from, and the row says why the new one was not used.
    void changeLinkOfADownloadThatFinishesFirst()
    {
        QueueModel model;
        FakeBackend backend;
        Scheduler scheduler(&model, &backend);
        QSignalSpy noted(&scheduler, &Scheduler::itemNoted);
        const auto ids = model.append(itemsFor({u"a"_s}));
        FakeTransfer *transfer = backend.forId(ids.at(0));
        transfer->slowStop = true;
        const QUrl old = model.find(ids.at(0))->url;
        QVERIFY(scheduler.changeLink(ids.at(0), QUrl(u"http://b/new"_s)));
        QVERIFY(transfer->stopped);
        transfer->succeed();
        QCOMPARE(model.find(ids.at(0))->state, DownloadState::Finished);
        QCOMPARE(model.find(ids.at(0))->url, old);
        QCOMPARE(noted.size(), 1);
        QVERIFY2(model.find(ids.at(0))->note.contains(u"old link"_s), qPrintable(model.find(ids.at(0))->note));
        QCOMPARE(backend.created.size(), 1);
    }

    void changeLinkMovesAWaitingItemToItsNewHost()
    {
        QueueModel model;
        FakeBackend backend;
        Scheduler scheduler(&model, &backend);
        scheduler.setLimits(4, 1);
        RetrySettings retry;
        retry.baseDelay = std::chrono::minutes(1);
        scheduler.setRetrySettings(retry);
        scheduler.setRandomSource([] { return 0.9; });
        const auto ids = model.append(itemsFor({u"a"_s, u"a"_s, u"c"_s}));
        QCOMPARE(model.find(ids.at(1))->state, DownloadState::Queued);   // host a is busy
        QVERIFY(scheduler.changeLink(ids.at(1), QUrl(u"http://b/moved"_s)));
        QCOMPARE(model.find(ids.at(1))->state, DownloadState::Connecting);
        QCOMPARE(backend.runningFor(u"b"_s), 1);
        QCOMPARE(backend.runningFor(u"a"_s), 1);

        // A retry waiting for its backoff goes at once with its new link.
        backend.forId(ids.at(2))->failWith(ErrorKind::Network);
        QCOMPARE(model.find(ids.at(2))->state, DownloadState::Retrying);
        QVERIFY(scheduler.changeLink(ids.at(2), QUrl(u"http://d/retry"_s)));
        QCOMPARE(model.find(ids.at(2))->state, DownloadState::Connecting);
        QCOMPARE(backend.runningFor(u"d"_s), 1);

        backend.forId(ids.at(0))->succeed();
        backend.forId(ids.at(1))->succeed();
        backend.forId(ids.at(2))->succeed();
        QVERIFY(scheduler.isIdle());
    }

    void changeLinkStopsARunningItemAndRelaunchesItWithTheNewLink()
    {
        QueueModel model;
        FakeBackend backend;
        Scheduler scheduler(&model, &backend);
        RetrySettings noRetries;
        noRetries.maxRetries = 0;
        scheduler.setRetrySettings(noRetries);
        const DownloadId id = model.append(itemsFor({u"a"_s})).constFirst();
        QPointer<FakeTransfer> first = backend.forId(id);
        first->begin(100, "\"e\"");
        first->bytes = 40;
        emit first->progress(40, 100);

        QVERIFY(scheduler.changeLink(id, QUrl(u"http://b/new"_s)));
        QVERIFY(first->stopped);
        FakeTransfer *second = backend.forId(id);
        QVERIFY(second != first);
        // The bytes stay, and the next attempt knows they came from the old link.
        QCOMPARE(second->item.url, QUrl(u"http://b/new"_s));
        QCOMPARE(second->item.bytesReceived, 40);
        QCOMPARE(second->item.partUrl, QUrl(u"http://a/file0"_s));
        QVERIFY(second->item.linkChanged());
        QCOMPARE(backend.runningFor(u"a"_s), 0);
        QCOMPARE(backend.runningFor(u"b"_s), 1);

        // The new link serves another file: not a failure, even with no retries left; it goes again from 0.
        TransferResult otherFile;
        otherFile.error.kind = ErrorKind::OtherFile;
        otherFile.error.restartFromZero = true;
        otherFile.error.message = u"The new link serves a different file (other size): starting over."_s;
        otherFile.bytesOnDisk = 40;
        second->finishWith(otherFile);
        FakeTransfer *third = backend.forId(id);
        QVERIFY(third != second);
        QCOMPARE(model.find(id)->state, DownloadState::Connecting);
        QCOMPARE(third->item.bytesReceived, 0);
        QVERIFY(!third->item.linkChanged());
        QCOMPARE(model.find(id)->note, otherFile.error.message);
        QVERIFY(model.find(id)->lastError.isEmpty());
        third->succeed();
        QCOMPARE(model.find(id)->state, DownloadState::Finished);
        QCOMPARE(model.find(id)->partUrl, QUrl(u"http://b/new"_s));
    }
};

QTEST_GUILESS_MAIN(TestScheduler)
#include "tst_scheduler.moc"
