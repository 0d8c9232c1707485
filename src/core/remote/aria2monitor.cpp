#include "remote/aria2monitor.h"

namespace Quiver::Aria2 {

using namespace Qt::StringLiterals;

Monitor::Monitor(const QString &name, const QUrl &endpoint, const QByteArray &secret, QObject *parent)
    : QObject(parent)
    , m_name(name)
    , m_rpc(new Rpc(endpoint, secret, this))
{
    m_timer.setInterval(m_interval);
    connect(&m_timer, &QTimer::timeout, this, &Monitor::refresh);
}

Monitor::~Monitor() = default;

void Monitor::setRefreshInterval(std::chrono::milliseconds interval)
{
    m_interval = interval;
    m_timer.setInterval(interval);
}

void Monitor::watch(const QString &gid, QObject *owner, Seen seen, Detail detail)
{
    m_watched.insert(gid, Follower{owner, std::move(seen), detail});
    if (!m_timer.isActive())
        m_timer.start();
}

void Monitor::setDetail(const QString &gid, const QObject *owner, Detail detail)
{
    const auto found = m_watched.find(gid);
    if (found != m_watched.end() && found->owner == owner)
        found->detail = detail;
}

void Monitor::unwatch(const QString &gid, const QObject *owner)
{
    const auto found = m_watched.constFind(gid);
    if (found != m_watched.cend() && found->owner == owner)
        m_watched.erase(found);
    if (m_watched.isEmpty())
        m_timer.stop();
}

void Monitor::refresh()
{
    // One question at a time: a slow daemon gets no pile of requests behind the one it is working on.
    if (m_asking)
        return;
    // Made once: with thousands of rows, a list of keys built for each row each second shows.
    static const QJsonArray fullKeys = QJsonArray::fromStringList(statusKeys());
    static const QJsonArray progressOnly = QJsonArray::fromStringList(progressKeys());
    QList<Call> calls;
    QStringList gids;
    for (auto it = m_watched.begin(); it != m_watched.end();) {
        if (!it->owner) {
            it = m_watched.erase(it);
            continue;
        }
        gids.append(it.key());
        calls.append(Call{u"aria2.tellStatus"_s, QJsonArray{it.key(), it->detail == Detail::Full ? fullKeys : progressOnly}});
        ++it;
    }
    if (calls.isEmpty()) {
        m_timer.stop();
        return;
    }
    ++m_refreshes;
    m_asking = true;
    m_rpc->multicall(calls, [this, gids](const QList<RpcReply> &replies) {
        m_asking = false;
        for (qsizetype i = 0; i < gids.size(); ++i) {
            // Looked up again for each: a follower's handler may end other downloads (or its own).
            const auto found = m_watched.constFind(gids.at(i));
            if (found == m_watched.cend() || !found->owner)
                continue;
            const Seen seen = found->seen;
            seen(replies.at(i));
        }
    });
}

} // namespace Quiver::Aria2
