#include "remote/aria2backend.h"

#include "remote/aria2monitor.h"
#include "remote/aria2transfer.h"

#include <QCoreApplication>

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
    return new Aria2::Transfer(item, m_monitor.get(), parent);
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
    for (const DownloadItem &item : items) {
        const QString gid = Transfer::gidIn(item.backendState);
        if (gid.isEmpty() || item.backendState.value("engine"_L1).toString() != m_monitor->name())
            continue;
        // Either may fail (a finished download cannot be removed, a running one has no result yet): both
        // are asked, and what is left of the gid on the daemon is gone either way.
        calls.append(Call{u"aria2.forceRemove"_s, QJsonArray{gid}});
        calls.append(Call{u"aria2.removeDownloadResult"_s, QJsonArray{gid}});
    }
    if (calls.isEmpty()) {
        done();
        return;
    }
    m_monitor->rpc()->multicall(calls, [done = std::move(done)](const QList<RpcReply> &) { done(); });
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
