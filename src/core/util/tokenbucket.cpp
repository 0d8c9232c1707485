#include "util/tokenbucket.h"

#include <limits>

namespace Quiver {

namespace {
constexpr qint64 nanosPerSecond = 1000000000;
constexpr qint64 unlimited = std::numeric_limits<qint64>::max() / 4;
constexpr qint64 smallestBurst = 16 * 1024;
} // namespace

qint64 TokenBucket::capacityFor(qint64 rate)
{
    if (rate <= 0)
        return unlimited;
    // A tenth of a second lets a reader take a useful amount per wake-up without bursting noticeably.
    return qMax(rate / 10, qMin(rate, smallestBurst));
}

TokenBucket::TokenBucket(qint64 rate, Time now)
    : m_rate(qMax<qint64>(0, rate))
    , m_capacity(capacityFor(m_rate))
    , m_tokens(m_capacity)
    , m_last(now)
{
}

void TokenBucket::setRate(qint64 rate, Time now)
{
    refill(now);
    rate = qMax<qint64>(0, rate);
    const bool wasLimited = isLimited();
    m_rate = rate;
    m_capacity = capacityFor(rate);
    // From no limit to one: a full bucket, as a fresh one would be.
    if (!wasLimited || m_tokens > m_capacity)
        m_tokens = m_capacity;
    if (!isLimited())
        m_fraction = 0;
}

void TokenBucket::refill(Time now)
{
    const qint64 elapsed = (now - m_last).count();
    // An earlier time (a caller that read the clock a moment ago) must not move m_last back: the same
    // interval would then flow in twice.
    if (elapsed <= 0)
        return;
    m_last = now;
    if (!isLimited())
        return;
    if (m_tokens >= m_capacity) {
        m_fraction = 0;
        return;
    }
    // elapsed * rate overflows qint64 after ~9 s at 1 GB/s: split whole seconds off first.
    const qint64 seconds = elapsed / nanosPerSecond;
    const qint64 rest = elapsed % nanosPerSecond;
    if (seconds >= m_capacity / m_rate + 1) {
        m_tokens = m_capacity;
        m_fraction = 0;
        return;
    }
    const qint64 nanoBytes = rest * m_rate + m_fraction;   // < 1e9 * rate + 1e9: fits for rates below ~9 GB/s
    m_tokens += seconds * m_rate + nanoBytes / nanosPerSecond;
    m_fraction = nanoBytes % nanosPerSecond;
    if (m_tokens >= m_capacity) {
        m_tokens = m_capacity;
        m_fraction = 0;
    }
}

qint64 TokenBucket::available(Time now)
{
    if (!isLimited())
        return unlimited;
    refill(now);
    return m_tokens;
}

qint64 TokenBucket::take(qint64 wanted, Time now)
{
    if (wanted <= 0)
        return 0;
    if (!isLimited())
        return wanted;
    refill(now);
    const qint64 granted = qMin(wanted, m_tokens);
    m_tokens -= granted;
    return granted;
}

TokenBucket::Time TokenBucket::timeUntil(qint64 amount, Time now)
{
    if (!isLimited())
        return Time::zero();
    refill(now);
    amount = qMin(amount, m_capacity);
    if (m_tokens >= amount)
        return Time::zero();
    // Nanoseconds for the missing bytes, less the share of the next byte that already flowed in,
    // rounded up so that a wake-up at that time finds them there.
    const qint64 missing = amount - m_tokens;
    const qint64 nanoBytes = missing * nanosPerSecond - m_fraction;
    return Time((nanoBytes + m_rate - 1) / m_rate);
}

} // namespace Quiver
