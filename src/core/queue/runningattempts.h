#pragma once

#include "queue/downloaditem.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace Quiver {

class Transfer;

// The attempts under way, one record each, so everything known about an attempt goes in one piece when it
// ends or its row is removed. The count per host is kept here alone, from the host each attempt was
// launched with: it never depends on the item's link at the time the attempt ends.
class RunningAttempts final
{
public:
    struct Attempt {
        Transfer *transfer = nullptr;
        QString host;
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
    // The running ids in queue order (ids grow with the queue).
    QList<DownloadId> idsInQueueOrder() const;
    QString hostOf(DownloadId id) const;
    void clear();

    int size() const { return int(m_attempts.size()); }
    bool isEmpty() const { return m_attempts.isEmpty(); }
    int countOn(const QString &host) const { return m_countByHost.value(host); }

private:
    QHash<DownloadId, Attempt> m_attempts;
    QHash<QString, int> m_countByHost;
};

} // namespace Quiver
