#pragma once

#include "queue/downloaditem.h"

#include <QHash>

#include <chrono>
#include <functional>

class QObject;
class QTimer;

namespace Quiver {

// One single-shot timer per item waiting out its retry delay. The timers are children of the owner, so
// none outlives it.
class RetryTimers final
{
    Q_DISABLE_COPY_MOVE(RetryTimers)

public:
    explicit RetryTimers(QObject *owner) : m_owner(owner) {}

    // Calls due once, after delay, unless stopped first. A timer already set for id is replaced.
    void start(DownloadId id, std::chrono::milliseconds delay, std::function<void()> due);
    void stop(DownloadId id);
    bool isEmpty() const { return m_timers.isEmpty(); }

private:
    QObject *m_owner;
    QHash<DownloadId, QTimer *> m_timers;
};

} // namespace Quiver
