#include "queue/retrytimers.h"

#include <QTimer>

namespace Quiver {

void RetryTimers::start(DownloadId id, std::chrono::milliseconds delay, std::function<void()> due)
{
    stop(id);
    auto *timer = new QTimer(m_owner);
    timer->setSingleShot(true);
    timer->setTimerType(Qt::PreciseTimer);
    QObject::connect(timer, &QTimer::timeout, m_owner, [this, id, due = std::move(due)] {
        stop(id);   // deleted later: this call and its captures live on until it returns
        due();
    });
    m_timers.insert(id, timer);
    timer->start(delay);
}

void RetryTimers::stop(DownloadId id)
{
    if (QTimer *timer = m_timers.take(id)) {
        timer->stop();
        timer->deleteLater();
    }
}

} // namespace Quiver
