// Every action a user can take on a row, against every state the row can be in (issue 14): each pair is
// driven through the real scheduler with fake transfers, the row's state is checked right after the
// action and once the attempt running at that moment has ended, and then the queue must still be able to
// bring every row to Finished: no row stuck in an active state with nothing running, none waiting for a
// slot that never comes, none that Resume or Retry cannot move.

#include "schedulerfakes.h"

#include "queue/queuemodel.h"
#include "queue/scheduler.h"

#include <QPointer>
#include <QRegularExpression>
#include <QTest>

using namespace Quiver;
using namespace Quiver::Test;
using namespace Qt::StringLiterals;

namespace {

using S = DownloadState;

// What the window can ask of a row (src/gui/mainwindow.cpp, connectActions).
enum class Action { Start, Pause, Resume, Cancel, Retry, Remove, ChangeLink, ClearFinished };
constexpr Action allActions[] = {Action::Start,  Action::Pause,      Action::Resume,       Action::Cancel,
                                 Action::Retry,  Action::Remove,     Action::ChangeLink,   Action::ClearFinished};
constexpr const char *actionNames[] = {"Start", "Pause", "Resume", "Cancel", "Retry", "Remove", "Change Link",
                                       "Clear Finished"};

// How the row was brought to its state. Two states come in two kinds, because what a stop does differs
// in the real transfer: a download whose bytes are still being written ends a moment after stop(), and a
// verify ends with its own verdict, which may be a failure.
enum class Setup {
    Queued,
    Connecting,
    Downloading,
    DownloadingStopEndsLater,
    Retrying,
    Paused,
    Verifying,
    VerifyingCheckFails,
    Finished,
    Failed,
    Canceled,
};

constexpr int Gone = -1;   // the row is no longer in the queue

struct Outcome {
    int now;       // the state right after the action (or Gone)
    int settled;   // once the attempt running at the time of the action, if any, has ended
};

constexpr Outcome O(S now, S settled) { return {int(now), int(settled)}; }
constexpr Outcome removed{Gone, Gone};

struct TableRow {
    Setup setup;
    const char *name;
    S reached;
    Outcome outcome[std::size(allActions)];   // in the order of allActions
};

// The expected outcome of every pair, as a demanding user would have it. Actions the window does not offer
// in a state (windowactions.cpp: Start for Paused/Failed/Canceled, Pause for unfinished rows that are not
// verifying, Resume for Paused, Retry for Failed/Canceled, Change Link for a row that is not complete) must
// still be harmless when the engine is called: they change nothing.
// clang-format off
const TableRow table[] = {
    // Waiting for a slot that another download of the same host holds.
    {Setup::Queued, "Queued", S::Queued, {
        /* Start */         O(S::Queued, S::Connecting),      // it already wants to run: it runs when the slot frees
        /* Pause */         O(S::Paused, S::Paused),
        /* Resume */        O(S::Queued, S::Connecting),
        /* Cancel */        O(S::Canceled, S::Canceled),
        /* Retry */         O(S::Queued, S::Connecting),
        /* Remove */        removed,
        /* Change Link */   O(S::Connecting, S::Connecting),  // its new host has a free slot
        /* Clear Finished */O(S::Queued, S::Connecting),
    }},
    {Setup::Connecting, "Connecting", S::Connecting, {
        /* Start */         O(S::Connecting, S::Finished),
        /* Pause */         O(S::Paused, S::Paused),
        /* Resume */        O(S::Connecting, S::Finished),
        /* Cancel */        O(S::Canceled, S::Canceled),
        /* Retry */         O(S::Connecting, S::Finished),
        /* Remove */        removed,
        /* Change Link */   O(S::Connecting, S::Connecting),  // stopped, and at once again from the new link
        /* Clear Finished */O(S::Connecting, S::Finished),
    }},
    {Setup::Downloading, "Downloading", S::Downloading, {
        /* Start */         O(S::Downloading, S::Finished),
        /* Pause */         O(S::Paused, S::Paused),
        /* Resume */        O(S::Downloading, S::Finished),
        /* Cancel */        O(S::Canceled, S::Canceled),
        /* Retry */         O(S::Downloading, S::Finished),
        /* Remove */        removed,
        /* Change Link */   O(S::Connecting, S::Connecting),
        /* Clear Finished */O(S::Downloading, S::Finished),
    }},
    // The stop is asked for, and the attempt ends (Canceled) only once its last bytes are written.
    {Setup::DownloadingStopEndsLater, "Downloading, stop ends later", S::Downloading, {
        /* Start */         O(S::Downloading, S::Finished),
        /* Pause */         O(S::Downloading, S::Paused),
        /* Resume */        O(S::Downloading, S::Finished),
        /* Cancel */        O(S::Downloading, S::Canceled),
        /* Retry */         O(S::Downloading, S::Finished),
        /* Remove */        removed,
        /* Change Link */   O(S::Downloading, S::Connecting),
        /* Clear Finished */O(S::Downloading, S::Finished),
    }},
    // Waiting out a backoff: the timer, not an attempt, moves it on.
    {Setup::Retrying, "Retrying", S::Retrying, {
        /* Start */         O(S::Retrying, S::Retrying),
        /* Pause */         O(S::Paused, S::Paused),
        /* Resume */        O(S::Retrying, S::Retrying),
        /* Cancel */        O(S::Canceled, S::Canceled),
        /* Retry */         O(S::Retrying, S::Retrying),
        /* Remove */        removed,
        /* Change Link */   O(S::Connecting, S::Connecting),  // a new link does not wait out the old one's backoff
        /* Clear Finished */O(S::Retrying, S::Retrying),
    }},
    // Paused by the user with bytes on disk.
    {Setup::Paused, "Paused", S::Paused, {
        /* Start */         O(S::Connecting, S::Connecting),
        /* Pause */         O(S::Paused, S::Paused),
        /* Resume */        O(S::Connecting, S::Connecting),
        /* Cancel */        O(S::Canceled, S::Canceled),
        /* Retry */         O(S::Paused, S::Paused),
        /* Remove */        removed,
        /* Change Link */   O(S::Paused, S::Paused),          // stays as the user left it, with its new link
        /* Clear Finished */O(S::Paused, S::Paused),
    }},
    // Every byte is in; the check and the rename run, and a stop does not interrupt them.
    {Setup::Verifying, "Verifying", S::Verifying, {
        /* Start */         O(S::Verifying, S::Finished),
        /* Pause */         O(S::Verifying, S::Finished),
        /* Resume */        O(S::Verifying, S::Finished),
        /* Cancel */        O(S::Verifying, S::Finished),     // the file is complete: it lands
        /* Retry */         O(S::Verifying, S::Finished),
        /* Remove */        removed,
        /* Change Link */   O(S::Verifying, S::Finished),     // refused: a complete file needs no other link
        /* Clear Finished */O(S::Verifying, S::Finished),     // it was not finished when the user asked
    }},
    // As above, but the file cannot be given its name (a local-file error: not retried).
    {Setup::VerifyingCheckFails, "Verifying, check fails", S::Verifying, {
        /* Start */         O(S::Verifying, S::Failed),
        /* Pause */         O(S::Verifying, S::Failed),       // a verify is not paused: its failure is reported
        /* Resume */        O(S::Verifying, S::Failed),
        /* Cancel */        O(S::Verifying, S::Canceled),     // nothing landed: the user's cancel stands
        /* Retry */         O(S::Verifying, S::Failed),
        /* Remove */        removed,
        /* Change Link */   O(S::Verifying, S::Failed),
        /* Clear Finished */O(S::Verifying, S::Failed),
    }},
    {Setup::Finished, "Finished", S::Finished, {
        /* Start */         O(S::Finished, S::Finished),
        /* Pause */         O(S::Finished, S::Finished),
        /* Resume */        O(S::Finished, S::Finished),
        /* Cancel */        O(S::Finished, S::Finished),
        /* Retry */         O(S::Finished, S::Finished),
        /* Remove */        removed,
        /* Change Link */   O(S::Finished, S::Finished),
        /* Clear Finished */removed,
    }},
    // The server said 404: not retried by itself.
    {Setup::Failed, "Failed", S::Failed, {
        /* Start */         O(S::Connecting, S::Connecting),  // Start means "download it now", whatever stopped it
        /* Pause */         O(S::Failed, S::Failed),
        /* Resume */        O(S::Failed, S::Failed),
        /* Cancel */        O(S::Canceled, S::Canceled),
        /* Retry */         O(S::Connecting, S::Connecting),
        /* Remove */        removed,
        /* Change Link */   O(S::Connecting, S::Connecting),  // a new link for a dead one: try again
        /* Clear Finished */O(S::Failed, S::Failed),
    }},
    {Setup::Canceled, "Canceled", S::Canceled, {
        /* Start */         O(S::Connecting, S::Connecting),
        /* Pause */         O(S::Canceled, S::Canceled),
        /* Resume */        O(S::Canceled, S::Canceled),
        /* Cancel */        O(S::Canceled, S::Canceled),
        /* Retry */         O(S::Connecting, S::Connecting),
        /* Remove */        removed,
        /* Change Link */   O(S::Canceled, S::Canceled),
        /* Clear Finished */O(S::Canceled, S::Canceled),
    }},
};
// clang-format on

const char *stateText(int state)
{
    static const char *const names[] = {"Queued",   "Connecting", "Downloading", "Retrying", "Paused",
                                        "Verifying", "Finished",  "Failed",      "Canceled"};
    return state == Gone ? "gone" : names[state];
}

int stateOf(const QueueModel &model, DownloadId id)
{
    const DownloadItem *item = model.find(id);
    return item ? int(item->state) : Gone;
}

TransferResult complete()
{
    TransferResult result;
    result.bytesOnDisk = result.bytesTotal = 100;
    return result;
}

const QUrl newLink(u"http://b/new"_s);

} // namespace

Q_DECLARE_METATYPE(Setup)
Q_DECLARE_METATYPE(Action)

class TestRowActions final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        // A refused transition means the scheduler asked for a state the row cannot take: it stays where it
        // was, which is how rows got stuck before.
        QTest::failOnWarning(QRegularExpression(u"refused state change"_s));
    }

    void everyActionInEveryState_data()
    {
        QTest::addColumn<Setup>("setup");
        QTest::addColumn<int>("reached");
        QTest::addColumn<Action>("action");
        QTest::addColumn<int>("now");
        QTest::addColumn<int>("settled");
        for (const TableRow &row : table) {
            for (size_t a = 0; a < std::size(allActions); ++a) {
                QTest::addRow("%s/%s", actionNames[a], row.name)
                    << row.setup << int(row.reached) << allActions[a] << row.outcome[a].now << row.outcome[a].settled;
            }
        }
    }

    void everyActionInEveryState()
    {
        QFETCH(Setup, setup);
        QFETCH(int, reached);
        QFETCH(Action, action);
        QFETCH(int, now);
        QFETCH(int, settled);

        QueueModel model;
        FakeBackend backend;
        Scheduler scheduler(&model, &backend);
        // One slot per host: a second download of the target's host has to wait.
        scheduler.setLimits(4, 1);
        RetrySettings retry;
        retry.baseDelay = std::chrono::milliseconds(40);   // short, so a backoff ends within the test
        scheduler.setRetrySettings(retry);
        scheduler.setRandomSource([] { return 0.5; });

        // A finished download beside the target: Clear Finished takes it, no other action touches it.
        const DownloadId neighbour = model.append(itemsFor({u"n"_s})).constFirst();
        backend.forId(neighbour)->succeed();
        QCOMPARE(stateOf(model, neighbour), int(S::Finished));

        const DownloadId target = reach(model, backend, scheduler, setup);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(stateOf(model, target), reached);
        const DownloadItem before = *model.find(target);
        // The attempts running when the user acts (the target's, or the one it waits behind).
        QList<QPointer<FakeTransfer>> running;
        for (const auto &transfer : std::as_const(backend.created)) {
            if (transfer && !transfer->done)
                running.append(transfer);
        }
        FakeTransfer *targetsAttempt = backend.forId(target);
        if (targetsAttempt && targetsAttempt->done)
            targetsAttempt = nullptr;

        const bool linkTaken = act(model, scheduler, action, target);

        QVERIFY2(stateOf(model, target) == now,
                 qPrintable(u"right after the action: %1, expected %2"_s.arg(QLatin1String(stateText(stateOf(model, target))),
                                                                             QLatin1String(stateText(now)))));
        QCOMPARE(model.find(neighbour) == nullptr, action == Action::ClearFinished);
        checkBookkeeping(model, scheduler);
        if (QTest::currentTestFailed())
            return;
        if (action == Action::ChangeLink) {
            // Refused only for a complete file, which keeps the link it came from.
            QCOMPARE(linkTaken, reached != int(S::Verifying) && reached != int(S::Finished));
        }
        const bool verifyingNow = setup == Setup::Verifying || setup == Setup::VerifyingCheckFails;
        if (action == Action::Remove) {
            // A verify is left to land (its file may be taking its final name right now); anything else is
            // stopped and its files go at once. The bookkeeping above holds nothing for it either way.
            if (targetsAttempt)
                QCOMPARE(targetsAttempt->stopped, !verifyingNow);
            QCOMPARE(backend.released.size(), verifyingNow ? 0 : 1);
        }

        // The attempts under way end: one that was told to stop ends Canceled with its bytes, one that was
        // not ends with its file, a verify with its own verdict (stop() does not interrupt it).
        for (const auto &transfer : std::as_const(running)) {
            if (!transfer || transfer->done)
                continue;
            const bool verifying = transfer == targetsAttempt
                && (setup == Setup::Verifying || setup == Setup::VerifyingCheckFails);
            if (verifying && setup == Setup::VerifyingCheckFails) {
                TransferResult result;
                result.error.kind = ErrorKind::LocalFile;
                result.error.message = u"The file could not be renamed."_s;
                result.bytesOnDisk = 100;
                transfer->finishWith(result);
            } else if (!verifying && transfer->stopped) {
                transfer->failWith(ErrorKind::Canceled);
            } else {
                transfer->finishWith(complete());
            }
        }
        QVERIFY2(stateOf(model, target) == settled,
                 qPrintable(u"once the attempt ended: %1, expected %2"_s.arg(QLatin1String(stateText(stateOf(model, target))),
                                                                             QLatin1String(stateText(settled)))));

        checkBookkeeping(model, scheduler);
        if (QTest::currentTestFailed())
            return;
        if (action == Action::ChangeLink) {
            // A running attempt takes the new link once it has stopped, and the next one uses it.
            QCOMPARE(model.find(target)->url, linkTaken ? newLink : before.url);
            if (linkTaken && isActive(S(settled)))
                QCOMPARE(backend.forId(target)->item.url, newLink);
        }
        if (action == Action::Remove) {
            // Released once, with its files, as the file it ended as: a landed verify's finished file, a
            // failed one's .part.
            QCOMPARE(backend.released.size(), 1);
            const FakeBackend::Released &released = backend.released.constFirst();
            QCOMPARE(released.item.id, target);
            QVERIFY(released.deleteFiles);
            const S expected = setup == Setup::Verifying ? S::Finished
                : setup == Setup::VerifyingCheckFails     ? S::Failed
                                                          : before.state;
            QCOMPARE(released.item.state, expected);
        }
        if (action == Action::ClearFinished) {
            // The neighbour (and the target when finished), their files kept.
            QCOMPARE(backend.released.size(), reached == int(S::Finished) ? 2 : 1);
            for (const FakeBackend::Released &released : std::as_const(backend.released))
                QVERIFY(!released.deleteFiles);
        }
        if (settled == int(S::Canceled) && !before.fileName.isEmpty()) {
            // Canceled means the partial bytes are not wanted: the backend was told to delete them.
            QVERIFY(backend.discarded.contains(target));
            QCOMPARE(model.find(target)->bytesReceived, 0);
        }
        if (settled == int(S::Paused))
            QCOMPARE(model.find(target)->bytesReceived, before.bytesReceived);   // a pause keeps every byte
        if (settled == int(S::Failed))
            QVERIFY(!model.find(target)->lastError.isEmpty());   // the user is told why

        // No stuck row: from here, every row left can be brought to Finished with what the user has.
        bringEveryRowToFinished(model, backend, scheduler);
        if (QTest::currentTestFailed())
            return;
        QTRY_VERIFY(scheduler.isIdle());   // no running attempt, waiting entry or retry timer for anyone
        QCOMPARE(scheduler.activeCount(), 0);
        QCOMPARE(scheduler.waitingCount(), 0);
        if (settled == Gone) {
            QVERIFY(!model.find(target));
            QTRY_VERIFY(!backend.forId(target));   // its transfer object is gone too
        }
    }

private:
    // Brings a new row (host "a") to the setup's state the way it gets there in use: through the
    // scheduler, with the fake transfers answering.
    static DownloadId reach(QueueModel &model, FakeBackend &backend, Scheduler &scheduler, Setup setup)
    {
        if (setup == Setup::Queued) {
            model.append(itemsFor({u"a"_s}));   // holds the host's one slot
            return model.append(itemsFor({u"a"_s})).constFirst();
        }
        const DownloadId id = model.append(itemsFor({u"a"_s})).constFirst();
        FakeTransfer *transfer = backend.forId(id);
        const auto download = [&] {
            transfer->begin(100, "\"e\"");
            transfer->bytes = 40;
            emit transfer->progress(40, 100);
        };
        switch (setup) {
        case Setup::Queued:
        case Setup::Connecting:
            break;
        case Setup::Downloading:
            download();
            break;
        case Setup::DownloadingStopEndsLater:
            download();
            transfer->slowStop = true;
            break;
        case Setup::Retrying:
            transfer->failWith(ErrorKind::Network);
            break;
        case Setup::Paused:
            download();
            scheduler.pause({id});
            break;
        case Setup::Verifying:
        case Setup::VerifyingCheckFails:
            download();
            transfer->bytes = 100;
            emit transfer->progress(100, 100);
            emit transfer->verifying();
            transfer->slowStop = true;   // HttpTransfer::stop() leaves a verify alone
            break;
        case Setup::Finished:
            transfer->succeed();
            break;
        case Setup::Failed:
            transfer->failWith(ErrorKind::HttpStatus, 404);
            break;
        case Setup::Canceled:
            download();
            scheduler.cancel({id});
            break;
        }
        return id;
    }

    // What the window's action calls (MainWindow::connectActions, SelectionCommands, DownloadEngine::remove).
    // Returns what changeLink() returned; true for the others.
    static bool act(QueueModel &model, Scheduler &scheduler, Action action, DownloadId id)
    {
        switch (action) {
        case Action::Start:
            scheduler.retry({id});
            scheduler.resume({id});
            return true;
        case Action::Pause:
            scheduler.pause({id});
            return true;
        case Action::Resume:
            scheduler.resume({id});
            return true;
        case Action::Cancel:
            scheduler.cancel({id});
            return true;
        case Action::Retry:
            scheduler.retry({id});
            return true;
        case Action::Remove:
            scheduler.remove({id}, true);   // DownloadEngine::remove, files deleted
            return true;
        case Action::ChangeLink:
            return scheduler.changeLink(id, newLink);
        case Action::ClearFinished: {
            QList<DownloadId> finished;
            for (int row = 0; row < model.rowCount(); ++row) {
                if (model.at(row).state == S::Finished)
                    finished.append(model.at(row).id);
            }
            scheduler.remove(finished, false);
            return true;
        }
        }
        return true;
    }

    // The scheduler's records agree with the rows: an attempt for each active row and no other, a place in
    // line for each queued one, and nothing else keeping it busy but the retry timers of retrying rows. A
    // timer or an entry left for a row that was removed, paused or canceled makes it not idle; a retrying
    // row without a timer, or a queued one out of line, would never move.
    static void checkBookkeeping(const QueueModel &model, const Scheduler &scheduler)
    {
        int active = 0, queued = 0, retrying = 0;
        for (int row = 0; row < model.rowCount(); ++row) {
            const DownloadItem &item = model.at(row);
            active += isActive(item.state);
            queued += item.state == S::Queued;
            retrying += item.state == S::Retrying;
        }
        QCOMPARE(scheduler.activeCount(), active);
        QCOMPARE(scheduler.waitingCount(), queued);
        QCOMPARE(scheduler.isIdle(), active + queued + retrying == 0);
    }

    // Plays the user and the servers until every row is Finished: an active row must have a live transfer
    // (which then completes), a queued row must be started by the scheduler once a slot is free, a
    // retrying one once its backoff ends, and a paused, failed or canceled one must move when the user
    // resumes or retries it. A row that cannot be moved on this way is stuck.
    static void bringEveryRowToFinished(QueueModel &model, FakeBackend &backend, Scheduler &scheduler)
    {
        for (int round = 0; round < 10; ++round) {
            bool allFinished = true;
            // Active rows first: the slots they hold are what queued rows wait for.
            for (DownloadId id : model.ids()) {
                const DownloadItem *item = model.find(id);
                if (!item || !isActive(item->state))
                    continue;
                allFinished = false;
                FakeTransfer *transfer = backend.forId(id);
                QVERIFY2(transfer && !transfer->done,
                         qPrintable(u"row %1 is %2 with no attempt running"_s.arg(id).arg(QLatin1String(stateText(int(item->state))))));
                transfer->finishWith(complete());
            }
            for (DownloadId id : model.ids()) {
                const DownloadItem *item = model.find(id);
                if (!item)
                    continue;
                const S state = item->state;
                switch (state) {
                case S::Finished:
                    continue;
                case S::Connecting:
                case S::Downloading:
                case S::Verifying:
                    break;   // the next round completes it
                case S::Queued:
                case S::Retrying:
                    // A row whose user wants it paused would wait here forever: nothing puts it in line.
                    QVERIFY2(item->intent == Intent::Run, qPrintable(u"row %1 waits, but paused"_s.arg(id)));
                    QTRY_VERIFY2(stateOf(model, id) != int(state),
                                 qPrintable(u"row %1 is never started"_s.arg(id)));
                    break;
                case S::Paused:
                    // Start All resumes the rows the user paused, found by their intent.
                    QCOMPARE(item->intent, Intent::Pause);
                    scheduler.resume({id});
                    QVERIFY2(stateOf(model, id) != int(S::Paused), qPrintable(u"Resume left row %1 paused"_s.arg(id)));
                    break;
                case S::Failed:
                case S::Canceled:
                    scheduler.retry({id});
                    QVERIFY2(stateOf(model, id) != int(state), qPrintable(u"Retry did not move row %1"_s.arg(id)));
                    break;
                }
                allFinished = false;
            }
            if (allFinished)
                return;
        }
        QFAIL("the rows did not all finish");
    }
};

QTEST_GUILESS_MAIN(TestRowActions)
#include "tst_rowactions.moc"
