#include "queue/pendingresumes.h"

#include <QSet>

#include <algorithm>

namespace Quiver {

PendingResumes::PendingResumes(std::function<void(DownloadId)> resumeOne, std::function<void()> afterPart,
                               QObject *parent)
    : QObject(parent)
    , m_resumeOne(std::move(resumeOne))
    , m_afterPart(std::move(afterPart))
{
    m_nextPart.setSingleShot(true);
    m_nextPart.setInterval(0);
    connect(&m_nextPart, &QTimer::timeout, this, &PendingResumes::workThroughPart);
}

void PendingResumes::resume(const QList<DownloadId> &ids)
{
    append(ids);
    workThroughPart();
}

void PendingResumes::workThroughPart()
{
    for (int done = 0; done < partSize; ++done) {
        const DownloadId id = takeNext();
        if (id == 0)
            break;
        if (m_resumeOne)
            m_resumeOne(id);
    }
    if (!isEmpty())
        m_nextPart.start();
    if (m_afterPart)
        m_afterPart();
}

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
        m_nextPart.stop();
    }
}

} // namespace Quiver
