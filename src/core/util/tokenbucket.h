#pragma once

#include <QtGlobal>

#include <chrono>

namespace Quiver {

// The arithmetic of a rate limit: tokens (bytes) flow in at rate per second up to a capacity, and
// whoever reads takes them out. Time is passed in rather than read, so the sums can be checked with a
// made-up clock; the bucket never looks at a real one.
class TokenBucket final
{
public:
    using Time = std::chrono::nanoseconds;   // on any monotonic clock; only differences matter. A time
                                             // earlier than one seen before counts as that one.

    // rate bytes per second; 0 means no limit (everything is always available).
    explicit TokenBucket(qint64 rate = 0, Time now = Time::zero());

    // Changes the rate from now on: what flowed in until now at the old rate is kept (up to the new
    // capacity), so a change applies at once without a gift or a debt.
    void setRate(qint64 rate, Time now);
    qint64 rate() const { return m_rate; }
    bool isLimited() const { return m_rate > 0; }
    // How many bytes may be taken at once after an idle spell: a tenth of a second's worth, but never less
    // than a small read (or a whole second's worth for rates below it).
    qint64 capacity() const { return m_capacity; }

    // Bytes that may be taken now (capacity-bounded); a huge number when there is no limit.
    qint64 available(Time now);
    // Takes up to wanted bytes now and returns how many were granted.
    qint64 take(qint64 wanted, Time now);
    // How long until at least amount (at most the capacity) are available; zero when they are now.
    Time timeUntil(qint64 amount, Time now);

    static qint64 capacityFor(qint64 rate);

private:
    void refill(Time now);

    qint64 m_rate = 0;
    qint64 m_capacity = 0;
    // Whole bytes plus the part of a byte that has flowed in, in nanosecond-bytes: no rounding drift
    // however often the bucket is refilled.
    qint64 m_tokens = 0;
    qint64 m_fraction = 0;   // 0 .. 1e9-1: the next byte's share that already flowed in, times 1e9
    Time m_last{};
};

} // namespace Quiver
