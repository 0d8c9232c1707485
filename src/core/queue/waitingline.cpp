#include "queue/waitingline.h"

#include <algorithm>

namespace Quiver {

namespace {
constexpr auto later = std::greater<DownloadId>();   // a heap of the smallest id first
}

void WaitingLine::add(DownloadId id, const QString &host)
{
    const int known = m_laneOf.value(id, -1);
    if (known >= 0) {
        if (m_lanes.at(known).host == host)
            return;
        remove(id);
    }
    int lane = m_laneIndex.value(host, -1);
    if (lane < 0) {
        if (m_freeLanes.isEmpty()) {
            lane = int(m_lanes.size());
            m_lanes.append(Lane());
        } else {
            lane = m_freeLanes.takeLast();
        }
        m_lanes[lane].host = host;
        m_laneIndex.insert(host, lane);
    }
    Lane &line = m_lanes[lane];
    // Ids mostly arrive in queue order (Start All, a pasted list): each then stays where it is pushed.
    line.heap.push_back(id);
    std::push_heap(line.heap.begin(), line.heap.end(), later);
    ++line.waiting;
    m_laneOf.insert(id, lane);
}

void WaitingLine::remove(DownloadId id)
{
    const auto known = m_laneOf.constFind(id);
    if (known == m_laneOf.cend())
        return;
    const int lane = *known;
    m_laneOf.erase(known);
    leave(lane);
}

void WaitingLine::leave(int lane)
{
    Lane &line = m_lanes[lane];
    if (--line.waiting == 0) {
        m_laneIndex.remove(line.host);
        line = Lane();   // gives the heap's memory back
        m_freeLanes.append(lane);
        return;
    }
    if (line.heap.size() > size_t(2 * line.waiting + 64)) {
        // Mostly ids that left: keep the waiting ones, once each.
        std::erase_if(line.heap, [&](DownloadId id) { return !waitsIn(id, lane); });
        std::sort(line.heap.begin(), line.heap.end());
        line.heap.erase(std::unique(line.heap.begin(), line.heap.end()), line.heap.end());
        std::make_heap(line.heap.begin(), line.heap.end(), later);
        return;
    }
    while (!line.heap.empty() && !waitsIn(line.heap.front(), lane)) {
        std::pop_heap(line.heap.begin(), line.heap.end(), later);
        line.heap.pop_back();
    }
}

QString WaitingLine::hostOf(DownloadId id) const
{
    const int lane = m_laneOf.value(id, -1);
    return lane < 0 ? QString() : m_lanes.at(lane).host;
}

DownloadId WaitingLine::next(const std::function<bool(const QString &host)> &hasRoom) const
{
    DownloadId best = 0;
    for (const Lane &line : m_lanes) {
        if (line.waiting == 0)
            continue;
        const DownloadId first = line.heap.front();
        if ((best == 0 || first < best) && hasRoom(line.host))
            best = first;
    }
    return best;
}

} // namespace Quiver
