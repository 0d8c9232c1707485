#pragma once

#include "queue/downloaditem.h"

#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <vector>

namespace Quiver {

// The items waiting for a slot, one line per host, each in queue order (ids grow with the queue): picking
// the next item is a look at each host's first entry, not a walk over the whole queue. Each id remembers
// the host it waits under, so taking it out never depends on the item's link at that moment, and a host
// whose line empties is dropped with it.
//
// A line is a heap of ids, smallest first, that may still hold ids that left it: they are dropped when
// they come to the front, or all at once when they outnumber the waiting ones. 100,000 waiting rows cost
// about 40 bytes each this way; a tree node per id and the host's text per id cost twice that.
class WaitingLine final
{
public:
    // An id already waiting moves to the line of host.
    void add(DownloadId id, const QString &host);
    void remove(DownloadId id);
    bool contains(DownloadId id) const { return m_laneOf.contains(id); }
    QString hostOf(DownloadId id) const;
    int size() const { return int(m_laneOf.size()); }
    bool isEmpty() const { return m_laneOf.isEmpty(); }
    int hostCount() const { return int(m_laneIndex.size()); }
    // The earliest id in queue order among the hosts that have room, or 0 when none does.
    DownloadId next(const std::function<bool(const QString &host)> &hasRoom) const;

private:
    struct Lane {
        QString host;
        std::vector<DownloadId> heap;   // a min-heap; its front always waits in this lane
        qsizetype waiting = 0;          // ids waiting in it (the heap may hold more)
    };
    bool waitsIn(DownloadId id, int lane) const { return m_laneOf.value(id, -1) == lane; }
    void leave(int lane);

    QList<Lane> m_lanes;                // by index; the index of an emptied lane is used again
    QList<int> m_freeLanes;
    QHash<QString, int> m_laneIndex;    // host -> lane, for lanes with ids waiting
    QHash<DownloadId, int> m_laneOf;    // id -> its lane
};

} // namespace Quiver
