#include "queue/queuemodel.h"
#include "queue/scheduler.h"
#include "queue/transfer.h"

#include <QPointer>
#include <QSignalSpy>
#include <QTest>

using namespace Quiver;
using namespace Qt::StringLiterals;

namespace {

// A transfer the test drives by hand: it starts nothing and ends when told.
class FakeTransfer final : public Transfer
{
    Q_OBJECT
public:
    FakeTransfer(const DownloadItem &item, QObject *parent)
        : Transfer(parent)
        , item(item)
    {
    }
    void start() override { started = true; }
    void finishWith(const TransferResult &result)
    {
        done = true;
        emit finished(result);
    }
    void stop() override
    {
        stopped = true;
        if (slowStop)
            return;   // like a reply whose last bytes are already in: it ends on its own, a moment later
        TransferResult result;
        result.error.kind = ErrorKind::Canceled;
        result.bytesOnDisk = bytes;
        result.etag = etag;
        finishWith(result);
    }
    void succeed(qint64 size = 100)
    {
        emit Transfer::started(TransferStart{u"f"_s + QString::number(item.id), 0, size, {}, {}});
        emit verifying();
        TransferResult result;
        result.bytesOnDisk = size;
        result.bytesTotal = size;
        finishWith(result);
    }
    // The response was accepted: the name and size are known, and bytes may follow.
    void begin(qint64 total, const QByteArray &validator)
    {
        etag = validator;
        emit Transfer::started(TransferStart{u"f"_s + QString::number(item.id), 0, total, etag, {}});
    }
    void failWith(ErrorKind kind, int status = 0, std::optional<std::chrono::seconds> retryAfter = {})
    {
        TransferResult result;
        result.error.kind = kind;
        result.error.httpStatus = status;
        result.error.message = u"boom"_s;
        result.error.retryAfter = retryAfter;
        result.bytesOnDisk = bytes;
        finishWith(result);
    }

    DownloadItem item;
    QByteArray etag;
    qint64 bytes = 0;
    bool started = false;
    bool stopped = false;
    bool slowStop = false;
    bool done = false;
};

class FakeFactory final : public TransferFactory
{
public:
    Transfer *create(const DownloadItem &item, QObject *parent) override
    {
        auto *transfer = new FakeTransfer(item, parent);
        created.append(transfer);
        return transfer;
    }
    // The live transfer for an id (the newest one made for it).
    FakeTransfer *forId(DownloadId id) const
    {
        for (auto it = created.crbegin(); it != created.crend(); ++it) {
            if (*it && (*it)->item.id == id)
                return *it;
        }
        return nullptr;
    }
    int runningFor(const QString &host) const
    {
        int count = 0;
        for (const auto &transfer : created) {
            if (transfer && transfer->started && !transfer->done && transfer->item.url.host() == host)
                ++count;
        }
        return count;
    }
    QList<QPointer<FakeTransfer>> created;
};

QList<DownloadItem> itemsFor(const QStringList &hosts)
{
    QList<DownloadItem> items;
    int n = 0;
    for (const QString &host : hosts) {
        DownloadItem item;
        item.url = QUrl(u"http://"_s + host + u"/file"_s + QString::number(n++));
        item.directory = u"/tmp"_s;
        items.append(item);
    }
    return items;
}

QList<DownloadItem> pausedItems(int count)
{
    QList<DownloadItem> items;
    items.reserve(count);
    for (int i = 0; i < count; ++i) {
        DownloadItem &item = items.emplaceBack();
        item.url = QUrl(u"http://a/file"_s + QString::number(i));
        item.directory = u"/tmp"_s;
        item.intent = Intent::Pause;
        item.state = DownloadState::Paused;
    }
    return items;
}

} // namespace

class TestScheduler final : public QObject
{
    Q_OBJECT

private slots:
    void globalCapIsASlidingWindow()
    {
        QueueModel model;
        FakeFactory factory;
        Scheduler scheduler(&model, &factory);
        scheduler.setLimits(3, 10);
        const auto ids = model.append(itemsFor(QStringList(10, u"a"_s)));
        QCOMPARE(scheduler.activeCount(), 3);
        QCOMPARE(factory.created.size(), 3);
        QCOMPARE(factory.created.at(0)->item.id, ids.at(0));   // queue order
        QCOMPARE(factory.created.at(2)->item.id, ids.at(2));

        // One ends: exactly one new one starts at once, no batch, no waiting for the others.
        factory.forId(ids.at(1))->succeed();
        QCOMPARE(scheduler.activeCount(), 3);
        QCOMPARE(factory.created.size(), 4);
        QCOMPARE(factory.created.at(3)->item.id, ids.at(3));
        QCOMPARE(model.find(ids.at(1))->state, DownloadState::Finished);
        QCOMPARE(model.find(ids.at(4))->state, DownloadState::Queued);
    }

    void perHostCap()
    {
        QueueModel model;
        FakeFactory factory;
        Scheduler scheduler(&model, &factory);
        scheduler.setLimits(8, 2);
        const auto ids = model.append(itemsFor({u"a"_s, u"a"_s, u"a"_s, u"a"_s, u"b"_s, u"b"_s, u"b"_s, u"c"_s}));
        QCOMPARE(factory.runningFor(u"a"_s), 2);
        QCOMPARE(factory.runningFor(u"b"_s), 2);
        QCOMPARE(factory.runningFor(u"c"_s), 1);
        QCOMPARE(scheduler.activeCount(), 5);
        // When an "a" ends, the next "a" takes its place even though "b" items are also waiting.
        factory.forId(ids.at(0))->succeed();
        QCOMPARE(factory.runningFor(u"a"_s), 2);
        QCOMPARE(model.find(ids.at(2))->state, DownloadState::Connecting);
        QCOMPARE(model.find(ids.at(6))->state, DownloadState::Queued);
    }

    void raisingTheCapStartsMoreAtOnce()
    {
        QueueModel model;
        FakeFactory factory;
        Scheduler scheduler(&model, &factory);
        scheduler.setLimits(2, 100);
        model.append(itemsFor(QStringList(20, u"a"_s)));
        QCOMPARE(scheduler.activeCount(), 2);
        scheduler.setLimits(16, 100);
        QCOMPARE(scheduler.activeCount(), 16);
        QCOMPARE(factory.runningFor(u"a"_s), 16);
    }

    void pausedItemsWaitForStart()
    {
        QueueModel model;
        FakeFactory factory;
        Scheduler scheduler(&model, &factory);
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
        FakeFactory factory;
        Scheduler scheduler(&model, &factory);
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

    // A pause given while Start All is still going wins over the parts not done yet.
    void pauseDuringALongStartAllWins()
    {
        QueueModel model;
        FakeFactory factory;
        Scheduler scheduler(&model, &factory);
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

    void finalErrorCostsOneRequest()
    {
        QueueModel model;
        FakeFactory factory;
        Scheduler scheduler(&model, &factory);
        QSignalSpy failed(&scheduler, &Scheduler::itemFailed);
        const auto ids = model.append(itemsFor({u"a"_s}));
        factory.forId(ids.at(0))->failWith(ErrorKind::HttpStatus, 404);
        QCOMPARE(model.find(ids.at(0))->state, DownloadState::Failed);
        QCOMPARE(model.find(ids.at(0))->attempts, 1);
        QCOMPARE(model.find(ids.at(0))->lastError, u"boom"_s);
        QCOMPARE(factory.created.size(), 1);
        QCOMPARE(failed.size(), 1);
    }

    void retriesWithBackoffThenGivesUp()
    {
        QueueModel model;
        FakeFactory factory;
        Scheduler scheduler(&model, &factory);
        RetrySettings retry;
        retry.maxRetries = 2;
        retry.baseDelay = std::chrono::milliseconds(40);
        scheduler.setRetrySettings(retry);
        scheduler.setRandomSource([] { return 0.5; });
        QSignalSpy idle(&scheduler, &Scheduler::idle);
        const auto ids = model.append(itemsFor({u"a"_s}));
        const DownloadId id = ids.at(0);

        factory.forId(id)->failWith(ErrorKind::Network);
        QCOMPARE(model.find(id)->state, DownloadState::Retrying);
        QVERIFY(model.find(id)->nextRetryAt.isValid());
        // The second attempt of three (the window's "attempt 2 of 3").
        QCOMPARE(model.find(id)->attemptsWithoutProgress + 1, 2);
        QCOMPARE(scheduler.attemptLimit(), 3);
        QTRY_COMPARE(model.find(id)->state, DownloadState::Connecting);
        QCOMPARE(model.find(id)->attempts, 2);

        factory.forId(id)->failWith(ErrorKind::Timeout);
        QCOMPARE(model.find(id)->state, DownloadState::Retrying);
        QTRY_COMPARE(model.find(id)->state, DownloadState::Connecting);

        factory.forId(id)->failWith(ErrorKind::Network);
        QCOMPARE(model.find(id)->state, DownloadState::Failed);
        QCOMPARE(model.find(id)->attempts, 3);
        QVERIFY(model.find(id)->lastError.contains(u"3 attempt"_s));
        QCOMPARE(factory.created.size(), 3);
        QCOMPARE(idle.size(), 1);
    }

    void retryAfterIsHonoured()
    {
        QueueModel model;
        FakeFactory factory;
        Scheduler scheduler(&model, &factory);
        scheduler.setRandomSource([] { return 0.0; });
        const auto ids = model.append(itemsFor({u"a"_s}));
        const QDateTime before = QDateTime::currentDateTimeUtc();
        factory.forId(ids.at(0))->failWith(ErrorKind::HttpStatus, 503, std::chrono::seconds(30));
        QCOMPARE(model.find(ids.at(0))->state, DownloadState::Retrying);
        const qint64 wait = before.msecsTo(model.find(ids.at(0))->nextRetryAt);
        QVERIFY2(wait >= 29000 && wait <= 31000, qPrintable(QString::number(wait)));
    }

    void pauseAndResume()
    {
        QueueModel model;
        FakeFactory factory;
        Scheduler scheduler(&model, &factory);
        scheduler.setLimits(1, 1);
        const auto ids = model.append(itemsFor({u"a"_s, u"a"_s}));
        factory.forId(ids.at(0))->bytes = 42;
        scheduler.pause({ids.at(0), ids.at(1)});
        QCOMPARE(model.find(ids.at(0))->state, DownloadState::Paused);
        QCOMPARE(model.find(ids.at(0))->bytesReceived, 42);
        QCOMPARE(model.find(ids.at(1))->state, DownloadState::Paused);
        QVERIFY(factory.forId(ids.at(0))->stopped);
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
        FakeFactory factory;
        Scheduler scheduler(&model, &factory);
        const auto ids = model.append(itemsFor({u"a"_s}));
        scheduler.cancel(ids);
        QCOMPARE(model.find(ids.at(0))->state, DownloadState::Canceled);
        QCOMPARE(scheduler.activeCount(), 0);
        scheduler.retry(ids);
        QCOMPARE(model.find(ids.at(0))->state, DownloadState::Connecting);
        QCOMPARE(model.find(ids.at(0))->attempts, 1);   // a fresh count
        QCOMPARE(factory.created.size(), 2);
    }

    void removingAnActiveItemFreesItsSlot()
    {
        QueueModel model;
        FakeFactory factory;
        Scheduler scheduler(&model, &factory);
        scheduler.setLimits(1, 1);
        const auto ids = model.append(itemsFor({u"a"_s, u"a"_s}));
        QPointer<FakeTransfer> first = factory.forId(ids.at(0));
        model.remove({ids.at(0)});
        QTRY_COMPARE(model.find(ids.at(1))->state, DownloadState::Connecting);
        QCOMPARE(scheduler.activeCount(), 1);
        QTRY_VERIFY(first.isNull());
    }

    void idleOnlyWhenEverythingEnded()
    {
        QueueModel model;
        FakeFactory factory;
        Scheduler scheduler(&model, &factory);
        scheduler.setLimits(2, 2);
        QSignalSpy idle(&scheduler, &Scheduler::idle);
        const auto ids = model.append(itemsFor({u"a"_s, u"b"_s, u"c"_s}));
        factory.forId(ids.at(0))->succeed();
        factory.forId(ids.at(1))->succeed();
        QCOMPARE(idle.size(), 0);
        factory.forId(ids.at(2))->succeed();
        QCOMPARE(idle.size(), 1);
        QVERIFY(scheduler.isIdle());
    }

    void changeLinkKeepsWhatTheUserAskedFor()
    {
        QueueModel model;
        FakeFactory factory;
        Scheduler scheduler(&model, &factory);
        QList<DownloadItem> items = itemsFor({u"a"_s, u"a"_s, u"a"_s, u"a"_s});
        items[0].state = DownloadState::Paused;
        items[0].intent = Intent::Pause;
        items[1].state = DownloadState::Failed;
        items[1].attempts = items[1].attemptsWithoutProgress = 6;
        items[1].lastError = u"Server answered 403 Forbidden"_s;
        items[2].state = DownloadState::Finished;
        items[3].state = DownloadState::Canceled;
        const auto ids = model.append(items);
        QCOMPARE(factory.created.size(), 0);

        QVERIFY(scheduler.changeLink(ids.at(0), QUrl(u"http://b/paused"_s)));
        QCOMPARE(model.find(ids.at(0))->state, DownloadState::Paused);
        QCOMPARE(model.find(ids.at(0))->url, QUrl(u"http://b/paused"_s));
        // A dead link replaced is the user asking to try again: queued with a fresh budget, and it runs.
        QVERIFY(scheduler.changeLink(ids.at(1), QUrl(u"http://b/failed"_s)));
        QCOMPARE(model.find(ids.at(1))->state, DownloadState::Connecting);
        QCOMPARE(model.find(ids.at(1))->attempts, 1);
        QVERIFY(model.find(ids.at(1))->lastError.isEmpty());
        QCOMPARE(factory.forId(ids.at(1))->item.url, QUrl(u"http://b/failed"_s));
        QVERIFY(!scheduler.changeLink(ids.at(2), QUrl(u"http://b/finished"_s)));
        QCOMPARE(model.find(ids.at(2))->url, items.at(2).url);
        QVERIFY(scheduler.changeLink(ids.at(3), QUrl(u"http://b/canceled"_s)));
        QCOMPARE(model.find(ids.at(3))->state, DownloadState::Canceled);
        for (const QString &bad : {u"ftp://b/file"_s, u"http:///file"_s, QString()})
            QVERIFY2(!scheduler.changeLink(ids.at(0), QUrl(bad)), qPrintable(bad));
        QVERIFY(!scheduler.changeLink(12345, QUrl(u"http://b/none"_s)));
        QCOMPARE(factory.created.size(), 1);
    }

    // The new link is asked for while the old one is delivering its last bytes: the finished file keeps
    // the link it came from, and the row says why the new one was not used.
    void changeLinkOfADownloadThatFinishesFirst()
    {
        QueueModel model;
        FakeFactory factory;
        Scheduler scheduler(&model, &factory);
        QSignalSpy noted(&scheduler, &Scheduler::itemNoted);
        const auto ids = model.append(itemsFor({u"a"_s}));
        FakeTransfer *transfer = factory.forId(ids.at(0));
        transfer->slowStop = true;
        const QUrl old = model.find(ids.at(0))->url;
        QVERIFY(scheduler.changeLink(ids.at(0), QUrl(u"http://b/new"_s)));
        QVERIFY(transfer->stopped);
        transfer->succeed();
        QCOMPARE(model.find(ids.at(0))->state, DownloadState::Finished);
        QCOMPARE(model.find(ids.at(0))->url, old);
        QCOMPARE(noted.size(), 1);
        QVERIFY2(model.find(ids.at(0))->note.contains(u"old link"_s), qPrintable(model.find(ids.at(0))->note));
        QCOMPARE(factory.created.size(), 1);
    }

    void changeLinkMovesAWaitingItemToItsNewHost()
    {
        QueueModel model;
        FakeFactory factory;
        Scheduler scheduler(&model, &factory);
        scheduler.setLimits(4, 1);
        RetrySettings retry;
        retry.baseDelay = std::chrono::minutes(1);
        scheduler.setRetrySettings(retry);
        scheduler.setRandomSource([] { return 0.9; });
        const auto ids = model.append(itemsFor({u"a"_s, u"a"_s, u"c"_s}));
        QCOMPARE(model.find(ids.at(1))->state, DownloadState::Queued);   // host a is busy
        QVERIFY(scheduler.changeLink(ids.at(1), QUrl(u"http://b/moved"_s)));
        QCOMPARE(model.find(ids.at(1))->state, DownloadState::Connecting);
        QCOMPARE(factory.runningFor(u"b"_s), 1);
        QCOMPARE(factory.runningFor(u"a"_s), 1);

        // A retry waiting for its backoff goes at once with its new link.
        factory.forId(ids.at(2))->failWith(ErrorKind::Network);
        QCOMPARE(model.find(ids.at(2))->state, DownloadState::Retrying);
        QVERIFY(scheduler.changeLink(ids.at(2), QUrl(u"http://d/retry"_s)));
        QCOMPARE(model.find(ids.at(2))->state, DownloadState::Connecting);
        QCOMPARE(factory.runningFor(u"d"_s), 1);

        factory.forId(ids.at(0))->succeed();
        factory.forId(ids.at(1))->succeed();
        factory.forId(ids.at(2))->succeed();
        QVERIFY(scheduler.isIdle());
    }

    void changeLinkStopsARunningItemAndRelaunchesItWithTheNewLink()
    {
        QueueModel model;
        FakeFactory factory;
        Scheduler scheduler(&model, &factory);
        RetrySettings noRetries;
        noRetries.maxRetries = 0;
        scheduler.setRetrySettings(noRetries);
        const DownloadId id = model.append(itemsFor({u"a"_s})).constFirst();
        QPointer<FakeTransfer> first = factory.forId(id);
        first->begin(100, "\"e\"");
        first->bytes = 40;
        emit first->progress(40, 100);

        QVERIFY(scheduler.changeLink(id, QUrl(u"http://b/new"_s)));
        QVERIFY(first->stopped);
        FakeTransfer *second = factory.forId(id);
        QVERIFY(second != first);
        // The bytes stay, and the next attempt knows they came from the old link.
        QCOMPARE(second->item.url, QUrl(u"http://b/new"_s));
        QCOMPARE(second->item.bytesReceived, 40);
        QCOMPARE(second->item.partUrl, QUrl(u"http://a/file0"_s));
        QVERIFY(second->item.linkChanged());
        QCOMPARE(factory.runningFor(u"a"_s), 0);
        QCOMPARE(factory.runningFor(u"b"_s), 1);

        // The new link serves another file: not a failure, even with no retries left; it goes again from 0.
        TransferResult otherFile;
        otherFile.error.kind = ErrorKind::OtherFile;
        otherFile.error.restartFromZero = true;
        otherFile.error.message = u"The new link serves a different file (other size): starting over."_s;
        otherFile.bytesOnDisk = 40;
        second->finishWith(otherFile);
        FakeTransfer *third = factory.forId(id);
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
