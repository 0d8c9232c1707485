#include "remote/aria2backend.h"

#include "remote/aria2monitor.h"
#include "remote/aria2transfer.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace Quiver::Aria2 {

using namespace Qt::StringLiterals;

Backend::Backend(const Endpoint &endpoint)
    : m_monitor(std::make_unique<Monitor>(endpoint.name, endpoint.url, endpoint.secret))
{
}

Backend::~Backend() = default;

void Backend::setRefreshInterval(std::chrono::milliseconds interval)
{
    m_monitor->setRefreshInterval(interval);
}

Quiver::Transfer *Backend::create(const DownloadItem &item, QObject *parent)
{
    auto *transfer = new Aria2::Transfer(item, m_monitor.get(), parent);
    const DownloadId id = item.id;
    m_attempts.insert(id, transfer);
    QObject::connect(transfer, &QObject::destroyed, m_monitor.get(), [this, id, transfer] {
        if (m_attempts.value(id) == transfer)
            m_attempts.remove(id);
    });
    return transfer;
}

void Backend::setDownloadRate(const DownloadItem &item)
{
    if (Aria2::Transfer *attempt = m_attempts.value(item.id)) {
        attempt->setRateLimit(item.rateLimit);
        return;
    }
    const QString gid = Transfer::gidIn(item.backendState);
    if (gid.isEmpty() || item.state == DownloadState::Finished
        || item.backendState.value("engine"_L1).toString() != m_monitor->name())
        return;   // added with it, when it is
    // Paused or waiting there from an earlier attempt: it goes on with the new limit. A gid the daemon
    // forgot refuses the call; the download is added again with the limit then.
    const QJsonObject options{{"max-download-limit"_L1, QString::number(qMax<qint64>(0, item.rateLimit))}};
    m_monitor->rpc()->call(Call{u"aria2.changeOption"_s, QJsonArray{gid, options}}, [](const RpcReply &) {});
}

void Backend::claimName(DownloadItem &item, const QString &name)
{
    item.fileName = name;
}

void Backend::restore(DownloadItem &)
{
    // Nothing to look at here: the next attempt asks the daemon about the item's gid.
}

void Backend::forgetOnDaemon(const QList<DownloadItem> &items, std::function<void()> done)
{
    QList<Call> calls;
    QStringList removed;   // gids asked to be removed first, in the order of calls
    for (const DownloadItem &item : items) {
        const QString gid = Transfer::gidIn(item.backendState);
        if (gid.isEmpty() || item.backendState.value("engine"_L1).toString() != m_monitor->name())
            continue;
        // A finished download is stopped there already: only its result is left to drop. Anything else is
        // removed first (it may be waiting, paused or still running).
        if (item.state != DownloadState::Finished) {
            calls.append(Call{u"aria2.forceRemove"_s, QJsonArray{gid}});
            removed.append(gid);
        }
        calls.append(Call{u"aria2.removeDownloadResult"_s, QJsonArray{gid}});
    }
    if (calls.isEmpty()) {
        done();
        return;
    }
    m_monitor->rpc()->multicall(calls, [this, calls, done = std::move(done)](const QList<RpcReply> &replies) {
        for (qsizetype i = 0; i + 1 < calls.size() && i + 1 < replies.size(); ++i) {
            // A download that was running is removed only once aria2 has closed its connections: its
            // result appears a moment after forceRemove answered, and is dropped when it does.
            if (calls.at(i).method == "aria2.forceRemove"_L1 && replies.at(i).ok() && !replies.at(i + 1).ok())
                dropResultOnceStopped(calls.at(i).params.at(0).toString());
        }
        done();
    });
}

void Backend::dropResultOnceStopped(const QString &gid)
{
    Monitor *monitor = m_monitor.get();
    monitor->watch(gid, monitor, [monitor, gid](const RpcReply &reply) {
        if (reply.outcome == RpcReply::Outcome::Unreachable)
            return;   // asked again at the next refresh
        if (!reply.ok()) {
            // Gone already (or the daemon restarted without it), or an answer nothing can be made of.
            monitor->unwatch(gid, monitor);
            return;
        }
        QString problem;
        const auto status = parseStatus(reply.result, &problem);
        if (status && (status->status == Status::Active || status->status == Status::Waiting
                       || status->status == Status::Paused))
            return;   // still being stopped
        monitor->unwatch(gid, monitor);
        monitor->rpc()->call(Call{u"aria2.removeDownloadResult"_s, QJsonArray{gid}}, [](const RpcReply &) {});
    });
}

void Backend::discardPart(const DownloadItem &item, Deleted done)
{
    forgetOnDaemon({item}, [done = std::move(done)] { done({}); });
}

void Backend::release(const QList<DownloadItem> &items, bool deleteFiles, Deleted done)
{
    QStringList problems;
    if (deleteFiles) {
        // aria2's RPC has no call that deletes a file: the user is told where the files stay.
        for (const DownloadItem &item : items) {
            if (item.fileName.isEmpty())
                continue;
            problems.append(QCoreApplication::translate("Quiver::Aria2",
                                                        "%1 stays on the engine “%2”: aria2 cannot delete files "
                                                        "over its RPC. Delete it on that machine.")
                                .arg(item.targetPath(), m_monitor->name()));
        }
    }
    forgetOnDaemon(items, [done = std::move(done), problems] { done(problems); });
}

} // namespace Quiver::Aria2
