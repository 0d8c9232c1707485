#pragma once

#include "queue/downloaditem.h"

#include <QList>

namespace Quiver {

// The ids given to Scheduler::resume() and not worked through yet, in the order given. They are taken one
// at a time: resuming one can run handlers that pause or cancel others (which drops them here), and
// dropping then takes out exactly the ids not taken yet, never skips one, never leaves a position stale.
class PendingResumes final
{
public:
    void append(const QList<DownloadId> &ids) { m_ids.append(ids); }
    // The next id, or 0 when none is left.
    DownloadId takeNext();
    void drop(const QList<DownloadId> &ids);
    bool isEmpty() const { return m_next == m_ids.size(); }

private:
    QList<DownloadId> m_ids;
    qsizetype m_next = 0;   // m_ids before it are taken
};

} // namespace Quiver
