#pragma once

#include "queue/downloaditem.h"

#include <QList>
#include <QObject>
#include <QTimer>

#include <functional>

namespace Quiver {

// The ids given to Scheduler::resume() and not worked through yet, in the order given. A long list is
// worked through a part per event-loop turn (the first part at once, which fills every free slot), so
// Start All on 100,000 rows never holds up the window. Ids are taken one at a time: resuming one can run
// handlers that pause or cancel others (which drops them here), and dropping then takes out exactly the
// ids not taken yet, never skips one, never leaves a position stale.
class PendingResumes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PendingResumes)

public:
    // Resuming a row costs about a microsecond (the model, the waiting lists, the session and the view all
    // hear of it): 10,000 rows per turn keep each turn near 10 ms.
    static constexpr int partSize = 10'000;

    // resumeOne is called for each id in turn, afterPart after each part.
    explicit PendingResumes(std::function<void(DownloadId)> resumeOne = {}, std::function<void()> afterPart = {},
                            QObject *parent = nullptr);

    // Appends ids and works through the first part now, the rest in later turns.
    void resume(const QList<DownloadId> &ids);
    // Appends ids without working through them (tests take them by hand).
    void append(const QList<DownloadId> &ids) { m_ids.append(ids); }
    // The next id, or 0 when none is left.
    DownloadId takeNext();
    void drop(const QList<DownloadId> &ids);
    bool isEmpty() const { return m_next == m_ids.size(); }

private:
    void workThroughPart();

    std::function<void(DownloadId)> m_resumeOne;
    std::function<void()> m_afterPart;
    QList<DownloadId> m_ids;
    qsizetype m_next = 0;   // m_ids before it are taken
    QTimer m_nextPart;
};

} // namespace Quiver
