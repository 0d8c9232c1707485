#include "queue/capacity.h"

#include "queue/runningattempts.h"
#include "queue/transfer.h"
#include "queue/waitingline.h"

namespace Quiver {

Capacity::Capacity(const WaitingLine &waiting, const RunningAttempts &running)
    : m_waiting(waiting)
    , m_running(running)
{
    m_budget.setCaps(m_maxParallel, m_perHost);
}

void Capacity::setLimits(int maxParallel, int perHost)
{
    m_maxParallel = qMax(1, maxParallel);
    m_perHost = qMax(1, perHost);
    m_budget.setCaps(m_maxParallel, m_perHost);
}

void Capacity::setPerEngineLimit(int perEngine)
{
    m_perEngine = qMax(1, perEngine);
}

bool Capacity::localHasRoom() const
{
    return m_running.localCount() + m_budget.extraTotal() < m_maxParallel;
}

bool Capacity::hasRoom(const QString &lane) const
{
    if (isRemoteLane(lane))
        return m_running.countOn(lane) < m_perEngine;
    // Connections, not downloads, count against the local caps: a segmented download's extra ones too.
    return m_budget.hasRoom(m_running.localCount(), m_running.countOn(lane), lane);
}

DownloadId Capacity::nextToStart() const
{
    return m_waiting.next([this](const QString &lane) { return hasRoom(lane); }, localHasRoom());
}

bool Capacity::reclaimForWaiting()
{
    const DownloadId from = m_budget.reclaimFor(m_waiting, m_running);
    if (from == 0)
        return false;
    m_budget.giveBack(from, 1);
    if (Transfer *transfer = m_running.transferOf(from))
        transfer->reclaimConnection();
    return true;
}

void Capacity::lendSpare()
{
    // Only this computer's downloads are lent connections, and only out of room left under its cap: with
    // none, there is nothing to look at (fill() runs at every start and end, with thousands of remote
    // attempts running).
    if (m_running.localCount() == 0 || !localHasRoom())
        return;
    for (const DownloadId id : m_running.localIdsInQueueOrder()) {
        Transfer *transfer = m_running.transferOf(id);
        const int offer = transfer ? m_budget.offerFor(id, transfer->connectionsWanted(), m_running) : 0;
        if (offer <= 0)
            continue;
        // Lent before the offer: what the transfer does with it (a connection that ends at once) is
        // counted against what it holds.
        m_budget.lend(id, m_running.hostOf(id), offer);
        m_budget.giveBack(id, offer - transfer->addConnections(offer));
    }
}

} // namespace Quiver
