#pragma once

#include "queue/downloaditem.h"

#include <QHash>
#include <QString>

#include <functional>
#include <set>

namespace Quiver {

// The items waiting for a slot, one line per host, each in queue order (ids grow with the queue): picking
// the next item is a look at each host's first entry, not a walk over the whole queue. Each id remembers
// the host it waits under, so taking it out never depends on the item's link at that moment, and a host
// whose line empties is dropped with it.
class WaitingLine final
{
public:
    // An id already waiting moves to the line of host.
    void add(DownloadId id, const QString &host);
    void remove(DownloadId id);
    bool contains(DownloadId id) const { return m_hostOf.contains(id); }
    QString hostOf(DownloadId id) const { return m_hostOf.value(id); }
    int size() const { return int(m_hostOf.size()); }
    bool isEmpty() const { return m_hostOf.isEmpty(); }
    int hostCount() const { return int(m_byHost.size()); }
    // The earliest id in queue order among the hosts that have room, or 0 when none does.
    DownloadId next(const std::function<bool(const QString &host)> &hasRoom) const;

private:
    QHash<QString, std::set<DownloadId>> m_byHost;
    QHash<DownloadId, QString> m_hostOf;   // shares the key's text: no copy per item in a long queue
};

} // namespace Quiver
