#include "disk/numbersequence.h"

#include <limits>

namespace Quiver {

int NumberSequence::take()
{
    if (!m_givenBack.empty()) {
        const int n = *m_givenBack.begin();
        m_givenBack.erase(m_givenBack.begin());
        return n;
    }
    if (m_next == std::numeric_limits<int>::max())
        return 0;
    return m_next++;
}

void NumberSequence::giveBack(int n)
{
    if (n < 1 || n >= m_next)
        return;
    m_givenBack.insert(n);
    // The numbers at the top come back as never handed out: a queue that removes what it just added
    // keeps no list of them.
    while (!m_givenBack.empty() && *m_givenBack.rbegin() == m_next - 1) {
        m_givenBack.erase(std::prev(m_givenBack.end()));
        --m_next;
    }
}

} // namespace Quiver
