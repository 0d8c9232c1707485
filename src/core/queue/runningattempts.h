#pragma once

#include "queue/downloaditem.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace Quiver {

class Transfer;

// What an item waits and runs under: its host on this computer, or its remote engine's name after
// U+001F, which is in no host name (QUrl refuses control characters there), so no host shares an
// engine's lane.
inline QString laneOf(const DownloadItem &item)
{
    return item.engine.isEmpty() ? item.url.host().toLower() : QChar(0x1f) + item.engine;
}

inline bool isRemoteLane(const QString &lane)
{
    return lane.startsWith(QChar(0x1f));
}

// The attempts under way, one record each, so everything known about an attempt goes in one piece when it
// ends or its row is removed. The count per lane is kept here alone, from the lane each attempt was
// launched with: it never depends on the item's link at the time the attempt ends. A lane is a host for
// this computer's downloads, or a remote engine (whose attempts are counted apart: see Scheduler).
class RunningAttempts final
{
public:
    struct Attempt {
        Transfer *transfer = nullptr;
        QString lane;                      // laneOf() at launch: a host, or a remote engine
        bool local = true;                 // counted against this computer's global cap
        qint64 bytesAtLaunch = 0;          // to tell an attempt that made progress
        bool canceling = false;            // the user canceled: whatever the attempt ends with, it ends Canceled
        std::optional<QUrl> pendingLink;   // a new link, applied once the attempt has stopped
    };

    void add(DownloadId id, Attempt attempt);
    std::optional<Attempt> take(DownloadId id);
    // The transfer of a running item, or null. Records are never handed out by pointer: stopping a
    // transfer may end its attempt (and start others) before stop() returns.
    Transfer *transferOf(DownloadId id) const;
    void markCanceling(DownloadId id);
    void setPendingLink(DownloadId id, const QUrl &url);
    QList<Transfer *> transfers() const;
    // This computer's running ids in queue order (ids grow with the queue): the only ones that can be lent
    // connections. A remote engine's thousands of attempts are not even looked at.
    QList<DownloadId> localIdsInQueueOrder() const;
    QString hostOf(DownloadId id) const;
    void clear();

    int size() const { return int(m_attempts.size()); }
    int localCount() const { return m_localCount; }
    bool isEmpty() const { return m_attempts.isEmpty(); }
    int countOn(const QString &lane) const { return m_countByLane.value(lane); }

private:
    QHash<DownloadId, Attempt> m_attempts;
    QHash<QString, int> m_countByLane;
    int m_localCount = 0;
};

} // namespace Quiver
