#pragma once

#include "queue/connectionbudget.h"
#include "queue/downloaditem.h"

#include <QString>

namespace Quiver {

class RunningAttempts;
class WaitingLine;

// How much may run at once, and which waiting download starts next. This computer's caps count
// connections (a segmented download's extra ones too, lent through the ConnectionBudget): so many in all,
// so many per host. Each remote engine has a cap of its own that none of this computer's connections
// count against. The Scheduler asks it, fill after fill, for the next download to launch; asking costs in
// proportion to the lanes that could start, not to the lanes waiting: while this computer's cap is full its
// hosts are not asked at all, and a full lane is passed over at the cost of one look.
class Capacity final
{
public:
    Capacity(const WaitingLine &waiting, const RunningAttempts &running);

    void setLimits(int maxParallel, int perHost);
    void setPerEngineLimit(int perEngine);
    int maxParallel() const { return m_maxParallel; }
    int perHost() const { return m_perHost; }
    int perEngine() const { return m_perEngine; }

    ConnectionBudget &budget() { return m_budget; }
    const ConnectionBudget &budget() const { return m_budget; }

    // The earliest waiting download in queue order whose lane has room now, or 0.
    DownloadId nextToStart() const;
    // When a waiting download could start but for connections lent to segmented downloads: takes one back
    // (the transfer told at once) and says so.
    bool reclaimForWaiting();
    // Lends the running attempts that could use more connections what no waiting download can use.
    void lendSpare();

private:
    bool localHasRoom() const;
    bool hasRoom(const QString &lane) const;

    const WaitingLine &m_waiting;
    const RunningAttempts &m_running;
    ConnectionBudget m_budget;
    int m_maxParallel = 8;
    int m_perHost = 6;
    int m_perEngine = 5;
};

} // namespace Quiver
