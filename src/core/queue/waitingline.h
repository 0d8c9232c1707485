#pragma once

#include "queue/downloaditem.h"

#include <QHash>
#include <QString>

#include <functional>
#include <map>
#include <set>

namespace Quiver {

// The items waiting for a slot, one line per lane (a host of this computer, or a remote engine: see
// laneOf()), each in queue order (ids grow with the queue). The lanes themselves are kept in the order of
// their first ids, this computer's apart from the remote engines', so picking the next item asks only the
// lanes that come before it and are full, never every lane: with thousands of hosts waiting and this
// computer's cap full, a slot on a remote engine is found by asking the engines alone. Each id remembers
// the lane it waits under, so taking it out never depends on the item's link at that moment, and a lane
// whose line empties is dropped with it.
class WaitingLine final
{
public:
    // An id already waiting moves to the line of lane.
    void add(DownloadId id, const QString &lane);
    void remove(DownloadId id);
    bool contains(DownloadId id) const { return m_laneOf.contains(id); }
    QString hostOf(DownloadId id) const { return m_laneOf.value(id); }
    int size() const { return int(m_laneOf.size()); }
    bool isEmpty() const { return m_laneOf.isEmpty(); }
    int hostCount() const { return int(m_byLane.size()); }
    // The earliest id in queue order among the lanes that have room, or 0 when none does. With localRoom
    // false (this computer has no free connection at all) this computer's lanes are not asked. hasRoom is
    // asked lane by lane in the order of their first ids, up to the first that has room.
    DownloadId next(const std::function<bool(const QString &lane)> &hasRoom, bool localRoom = true) const;

private:
    using Firsts = std::map<DownloadId, QString>;   // each lane under its first id
    Firsts &firstsOf(const QString &lane);
    static DownloadId firstWithRoom(const Firsts &firsts, DownloadId before,
                                    const std::function<bool(const QString &lane)> &hasRoom);

    QHash<QString, std::set<DownloadId>> m_byLane;
    QHash<DownloadId, QString> m_laneOf;   // shares the key's text: no copy per item in a long queue
    Firsts m_localFirsts;
    Firsts m_remoteFirsts;
};

} // namespace Quiver
