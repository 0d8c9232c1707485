#include "queue/runningattempts.h"

#include <algorithm>

namespace Quiver {

void RunningAttempts::add(DownloadId id, Attempt attempt)
{
    Q_ASSERT(!m_attempts.contains(id));
    ++m_countByLane[attempt.lane];
    if (attempt.local)
        ++m_localCount;
    m_attempts.insert(id, std::move(attempt));
}

std::optional<RunningAttempts::Attempt> RunningAttempts::take(DownloadId id)
{
    const auto it = m_attempts.find(id);
    if (it == m_attempts.end())
        return std::nullopt;
    Attempt attempt = std::move(*it);
    m_attempts.erase(it);
    const auto count = m_countByLane.find(attempt.lane);
    if (count != m_countByLane.end() && --*count <= 0)
        m_countByLane.erase(count);
    if (attempt.local)
        --m_localCount;
    return attempt;
}

Transfer *RunningAttempts::transferOf(DownloadId id) const
{
    const auto it = m_attempts.constFind(id);
    return it == m_attempts.cend() ? nullptr : it->transfer;
}

void RunningAttempts::markCanceling(DownloadId id)
{
    if (const auto it = m_attempts.find(id); it != m_attempts.end())
        it->canceling = true;
}

void RunningAttempts::setPendingLink(DownloadId id, const QUrl &url)
{
    if (const auto it = m_attempts.find(id); it != m_attempts.end())
        it->pendingLink = url;
}

QList<Transfer *> RunningAttempts::transfers() const
{
    QList<Transfer *> result;
    result.reserve(m_attempts.size());
    for (const Attempt &attempt : m_attempts)
        result.append(attempt.transfer);
    return result;
}

QList<DownloadId> RunningAttempts::localIdsInQueueOrder() const
{
    QList<DownloadId> ids;
    ids.reserve(m_localCount);
    for (auto it = m_attempts.cbegin(); it != m_attempts.cend(); ++it) {
        if (it->local)
            ids.append(it.key());
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

QString RunningAttempts::hostOf(DownloadId id) const
{
    const auto it = m_attempts.constFind(id);
    return it == m_attempts.cend() ? QString() : it->lane;
}

void RunningAttempts::clear()
{
    m_attempts.clear();
    m_countByLane.clear();
    m_localCount = 0;
}

} // namespace Quiver
