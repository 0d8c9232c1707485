#include "queue/connectionbudget.h"

namespace Quiver {

void ConnectionBudget::setCaps(int total, int perHost)
{
    m_maxTotal = qMax(1, total);
    m_perHost = qMax(1, perHost);
}

bool ConnectionBudget::hasRoom(int running, int runningOnHost, const QString &host) const
{
    return running + m_total < m_maxTotal && runningOnHost + extraOn(host) < m_perHost;
}

bool ConnectionBudget::hasRoomWithoutExtras(int running, int runningOnHost) const
{
    return running < m_maxTotal && runningOnHost < m_perHost;
}

void ConnectionBudget::lend(DownloadId id, const QString &host, int count)
{
    if (count <= 0)
        return;
    Lent &lent = m_byId[id];
    if (lent.count == 0)
        lent.host = host;
    lent.count += count;
    m_byHost[lent.host] += count;
    m_total += count;
}

void ConnectionBudget::giveBack(DownloadId id, int count)
{
    const auto found = m_byId.find(id);
    if (found == m_byId.end() || count <= 0)
        return;
    const int back = qMin(count, found->count);
    found->count -= back;
    m_total -= back;
    const auto host = m_byHost.find(found->host);
    if (host != m_byHost.end() && (*host -= back) <= 0)
        m_byHost.erase(host);
    if (found->count == 0)
        m_byId.erase(found);
}

void ConnectionBudget::drop(DownloadId id)
{
    giveBack(id, extraOf(id));
}

void ConnectionBudget::clear()
{
    m_byId.clear();
    m_byHost.clear();
    m_total = 0;
}

DownloadId ConnectionBudget::reclaimFor(const WaitingLine &waiting, const RunningAttempts &running) const
{
    if (m_total == 0)
        return 0;
    // Rows on a remote engine wait for the engine's own cap, never for this computer's connections.
    const DownloadId next = waiting.next([this, &running](const QString &host) {
        return !isRemoteLane(host) && hasRoomWithoutExtras(running.localCount(), running.countOn(host));
    }, running.localCount() < m_maxTotal);
    if (next == 0)
        return 0;
    const QString host = waiting.hostOf(next);
    const bool hostFull = running.countOn(host) + extraOn(host) >= m_perHost;
    DownloadId latest = 0;
    for (auto it = m_byId.cbegin(); it != m_byId.cend(); ++it) {
        if (it->count > 0 && it.key() > latest && (!hostFull || it->host == host))
            latest = it.key();
    }
    return latest;
}

int ConnectionBudget::offerFor(DownloadId id, int wanted, const RunningAttempts &running) const
{
    const QString host = running.hostOf(id);
    const int more = wanted - 1 - extraOf(id);
    const int total = m_maxTotal - running.localCount() - m_total;
    const int onHost = m_perHost - running.countOn(host) - extraOn(host);
    return qMax(0, qMin(more, qMin(total, onHost)));
}

} // namespace Quiver
