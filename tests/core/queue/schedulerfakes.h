#pragma once

// The scheduler's tests drive transfers by hand: a fake transfer that starts nothing and ends when told,
// the backend that makes them, and the queue items the tests start from.

#include "queue/downloadbackend.h"
#include "queue/downloaditem.h"
#include "queue/transfer.h"

#include <QPointer>
#include <QStringList>

#include <chrono>
#include <optional>

namespace Quiver::Test {

using namespace Qt::StringLiterals;

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
        emit Transfer::started(TransferStart{u"f"_s + QString::number(item.id), 0, size, {}, {}, {}});
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
        emit Transfer::started(TransferStart{u"f"_s + QString::number(item.id), 0, total, etag, {}, {}});
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

class FakeBackend final : public DownloadBackend
{
public:
    Transfer *create(const DownloadItem &item, QObject *parent) override
    {
        auto *transfer = new FakeTransfer(item, parent);
        created.append(transfer);
        return transfer;
    }
    Capabilities capabilities(const DownloadItem &) const override { return caps; }
    void claimName(DownloadItem &item, const QString &name) override { item.fileName = name; }
    void restore(DownloadItem &) override {}
    void discardPart(const DownloadItem &item, Deleted done) override
    {
        discarded.append(item.id);
        done(problems);
    }
    void release(const QList<DownloadItem> &items, bool deleteFiles, Deleted done) override
    {
        for (const DownloadItem &item : items)
            released.append({item, deleteFiles});
        done(deleteFiles ? problems : QStringList());
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
    QList<DownloadId> discarded;   // the items whose .part the scheduler gave up
    struct Released {
        DownloadItem item;   // as it was when released: its state and name say which file goes
        bool deleteFiles = false;
    };
    QList<Released> released;
    QStringList problems;          // what every deletion reports
    Capabilities caps;
};

inline QList<DownloadItem> itemsFor(const QStringList &hosts)
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

inline QList<DownloadItem> pausedItems(int count)
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

} // namespace Quiver::Test
