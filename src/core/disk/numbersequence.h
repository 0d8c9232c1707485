#pragma once

#include <QtGlobal>

#include <set>

namespace Quiver {

// The numbers " (n)" handed out for one base name in one folder, so that the next numbered name is found
// without trying every number below it again: claiming the 20,000th "get (20000).bin" must cost what the
// first did, not 20,000 file-system checks. Arithmetic only: whether a number's name is free is for
// NameRegistry to check each time, so this is a hint that is never wrong about what is in use, only
// about where to look first.
//
// Numbers come from two places, in this order: those given back (a download was removed and its name
// released), lowest first, so a freed "get (3).bin" is used again as it was when every number was tried
// from 1; then those never handed out, counting up from 1.
class NumberSequence final
{
public:
    // The number to try next; it counts as handed out. 0 when every number up to INT_MAX is.
    int take();
    // n's name is free again. A number never handed out, or already given back, changes nothing.
    void giveBack(int n);

    int next() const { return m_next; }                                 // the lowest never handed out
    qsizetype givenBackCount() const { return qsizetype(m_givenBack.size()); }

private:
    int m_next = 1;
    std::set<int> m_givenBack;   // all below m_next
};

} // namespace Quiver
