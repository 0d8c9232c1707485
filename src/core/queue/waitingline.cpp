#include "queue/waitingline.h"

namespace Quiver {

void WaitingLine::add(DownloadId id, const QString &host)
{
    const auto known = m_hostOf.constFind(id);
    if (known != m_hostOf.cend()) {
        if (*known == host)
            return;
        remove(id);
    }
    auto line = m_byHost.find(host);
    if (line == m_byHost.end())
        line = m_byHost.insert(host, {});
    // Ids mostly arrive in queue order (Start All, a pasted list), i.e. after every id already waiting:
    // hinting the end makes each such insert constant time instead of a walk down the tree.
    line->insert(line->end(), id);
    m_hostOf.insert(id, line.key());
}

void WaitingLine::remove(DownloadId id)
{
    const auto known = m_hostOf.find(id);
    if (known == m_hostOf.end())
        return;
    const auto line = m_byHost.find(*known);
    m_hostOf.erase(known);
    if (line == m_byHost.end())
        return;
    line->erase(id);
    if (line->empty())
        m_byHost.erase(line);
}

DownloadId WaitingLine::next(const std::function<bool(const QString &host)> &hasRoom) const
{
    DownloadId best = 0;
    for (auto line = m_byHost.cbegin(); line != m_byHost.cend(); ++line) {
        const DownloadId first = *line->begin();
        if ((best == 0 || first < best) && hasRoom(line.key()))
            best = first;
    }
    return best;
}

} // namespace Quiver
