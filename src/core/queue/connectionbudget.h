#pragma once

#include "queue/downloaditem.h"
#include "queue/runningattempts.h"
#include "queue/waitingline.h"

#include <QHash>
#include <QString>

namespace Quiver {

// The connections running attempts hold beyond their first: the extra segments of a download. The
// global and the per-host caps count connections, not downloads, so these count against them too.
//
// Rules kept here, the Scheduler acting on them: a download's first connection comes by queue order,
// before any extra one; an extra connection is lent only out of room no waiting download can use; and
// when a waiting download could start if the extras were not there, an extra is taken back from the
// latest download in queue order.
class ConnectionBudget final
{
public:
    void setCaps(int total, int perHost);

    // Room for one more connection, given how many attempts run in all and on host (their first
    // connections) besides the extras kept here.
    bool hasRoom(int running, int runningOnHost, const QString &host) const;
    // As hasRoom(), but as if no extra were lent: would a waiting download fit once extras are taken back?
    bool hasRoomWithoutExtras(int running, int runningOnHost) const;

    void lend(DownloadId id, const QString &host, int count);
    // Fewer than lent is all there is to give back: never below zero.
    void giveBack(DownloadId id, int count);
    void drop(DownloadId id);   // the attempt ended: all it held is free
    void clear();

    int extraOf(DownloadId id) const { return m_byId.value(id).count; }
    int extraTotal() const { return m_total; }
    int extraOn(const QString &host) const { return m_byHost.value(host); }

    // A waiting download that could start but for the extras: the download to take one back from (the
    // latest in queue order holding one, on the waiting one's host when that host's cap is what stops it);
    // 0 when no waiting download is held up by extras.
    DownloadId reclaimFor(const WaitingLine &waiting, const RunningAttempts &running) const;
    // How many extra connections to offer the running attempt id that could use wanted in all (its first
    // included): what the caps leave, to be asked only once nobody waiting can start.
    int offerFor(DownloadId id, int wanted, const RunningAttempts &running) const;

private:
    struct Lent {
        QString host;
        int count = 0;
    };
    QHash<DownloadId, Lent> m_byId;
    QHash<QString, int> m_byHost;
    int m_total = 0;
    int m_maxTotal = 8;
    int m_perHost = 6;
};

} // namespace Quiver
