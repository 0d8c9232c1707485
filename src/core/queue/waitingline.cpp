#include "queue/waitingline.h"

#include "queue/runningattempts.h"

namespace Quiver {

WaitingLine::Firsts &WaitingLine::firstsOf(const QString &lane)
{
    return isRemoteLane(lane) ? m_remoteFirsts : m_localFirsts;
}

void WaitingLine::add(DownloadId id, const QString &lane)
{
    const auto known = m_laneOf.constFind(id);
    if (known != m_laneOf.cend()) {
        if (*known == lane)
            return;
        remove(id);
    }
    auto line = m_byLane.find(lane);
    if (line == m_byLane.end())
        line = m_byLane.insert(lane, {});
    const DownloadId firstBefore = line->empty() ? 0 : *line->begin();
    // Ids mostly arrive in queue order (Start All, a pasted list), i.e. after every id already waiting:
    // hinting the end makes each such insert constant time instead of a walk down the tree.
    line->insert(line->end(), id);
    m_laneOf.insert(id, line.key());
    if (firstBefore == 0 || id < firstBefore) {
        Firsts &firsts = firstsOf(lane);
        if (firstBefore != 0)
            firsts.erase(firstBefore);
        firsts.emplace(id, line.key());
    }
}

void WaitingLine::remove(DownloadId id)
{
    const auto known = m_laneOf.find(id);
    if (known == m_laneOf.end())
        return;
    const auto line = m_byLane.find(*known);
    m_laneOf.erase(known);
    if (line == m_byLane.end())
        return;
    const bool wasFirst = !line->empty() && *line->begin() == id;
    line->erase(id);
    if (!wasFirst)
        return;
    Firsts &firsts = firstsOf(line.key());
    firsts.erase(id);
    if (line->empty())
        m_byLane.erase(line);
    else
        firsts.emplace(*line->begin(), line.key());
}

DownloadId WaitingLine::firstWithRoom(const Firsts &firsts, DownloadId before,
                                      const std::function<bool(const QString &lane)> &hasRoom)
{
    for (const auto &[first, lane] : firsts) {
        if (before != 0 && first >= before)
            break;
        if (hasRoom(lane))
            return first;
    }
    return 0;
}

DownloadId WaitingLine::next(const std::function<bool(const QString &lane)> &hasRoom, bool localRoom) const
{
    const DownloadId local = localRoom ? firstWithRoom(m_localFirsts, 0, hasRoom) : 0;
    const DownloadId remote = firstWithRoom(m_remoteFirsts, local, hasRoom);
    return remote != 0 ? remote : local;
}

} // namespace Quiver
