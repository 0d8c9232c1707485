#include "queue/pendingresumes.h"

#include <QSet>

#include <algorithm>

namespace Quiver {

DownloadId PendingResumes::takeNext()
{
    if (isEmpty())
        return 0;
    const DownloadId id = m_ids.at(m_next++);
    if (isEmpty()) {
        m_ids.clear();
        m_next = 0;
    }
    return id;
}

void PendingResumes::drop(const QList<DownloadId> &ids)
{
    if (isEmpty() || ids.isEmpty())
        return;
    const QSet<DownloadId> dropped(ids.cbegin(), ids.cend());
    m_ids.erase(std::remove_if(m_ids.begin() + m_next, m_ids.end(),
                               [&dropped](DownloadId id) { return dropped.contains(id); }),
                m_ids.end());
    if (isEmpty()) {
        m_ids.clear();
        m_next = 0;
    }
}

} // namespace Quiver
