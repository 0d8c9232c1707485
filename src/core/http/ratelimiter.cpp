#include "http/ratelimiter.h"

#include <algorithm>

namespace Quiver {

namespace {
// No reader is handed less than this per turn (unless the bucket holds less): tiny reads cost more in
// signals and allocations than they are worth.
constexpr qint64 smallestShare = 4 * 1024;
} // namespace

struct RateLimiter::Entry {
    DownloadId id = 0;
    std::function<void()> wake;
    bool waiting = false;
};

TokenBucket::Time RateLimiter::steadyNow()
{
    return std::chrono::duration_cast<TokenBucket::Time>(std::chrono::steady_clock::now().time_since_epoch());
}

RateLimiter::RateLimiter(Clock clock, QObject *parent)
    : QObject(parent)
    , m_clock(std::move(clock))
    , m_global(0, m_clock())
{
    m_timer.setSingleShot(true);
    // Coarse timers may fire 5 % late, which the bucket's capacity absorbs, but precise ones keep the
    // reads evenly spaced.
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &RateLimiter::wakeReaders);
}

RateLimiter::~RateLimiter()
{
    Q_ASSERT(m_readers == 0);
}

void RateLimiter::setClock(Clock clock)
{
    m_clock = std::move(clock);
    const TokenBucket::Time now = m_clock();
    m_global = TokenBucket(m_global.rate(), now);
    for (Limit &limit : m_ownLimits)
        limit.bucket = TokenBucket(limit.bucket.rate(), now);
    armTimer();
}

void RateLimiter::setRate(qint64 bytesPerSecond)
{
    m_global.setRate(bytesPerSecond, m_clock());
    wakeReaders();
}

void RateLimiter::setDownloadRate(DownloadId id, qint64 bytesPerSecond)
{
    const TokenBucket::Time now = m_clock();
    if (bytesPerSecond <= 0)
        m_ownLimits.remove(id);
    else if (Limit *limit = limitOf(id))
        limit->bucket.setRate(bytesPerSecond, now);
    else
        m_ownLimits.insert(id, Limit{TokenBucket(bytesPerSecond, now)});
    wakeReaders();
}

qint64 RateLimiter::downloadRate(DownloadId id) const
{
    const auto found = m_ownLimits.constFind(id);
    return found == m_ownLimits.cend() ? 0 : found->bucket.rate();
}

RateLimiter::Limit *RateLimiter::limitOf(DownloadId id)
{
    const auto found = m_ownLimits.find(id);
    return found == m_ownLimits.end() ? nullptr : &*found;
}

std::unique_ptr<RateLimiter::Reader> RateLimiter::join(DownloadId id, std::function<void()> wake)
{
    auto entry = std::make_unique<Entry>();
    entry->id = id;
    entry->wake = std::move(wake);
    ++m_readers;
    return std::unique_ptr<Reader>(new Reader(this, std::move(entry)));
}

void RateLimiter::leave(Entry *entry)
{
    if (entry->waiting) {
        m_waiting.erase(std::remove(m_waiting.begin(), m_waiting.end(), entry), m_waiting.end());
        m_kept.erase(std::remove(m_kept.begin(), m_kept.end(), entry), m_kept.end());
    }
    if (m_woken == entry)
        m_woken = nullptr;
    --m_readers;
    armTimer();
}

qint64 RateLimiter::fairShare() const
{
    const qint64 capacity = m_global.capacity();
    return qMax(capacity / qMax(1, m_readers), qMin(capacity, smallestShare));
}

qint64 RateLimiter::grant(Entry *entry, qint64 wanted)
{
    if (wanted <= 0)
        return 0;
    Limit *own = limitOf(entry->id);
    if (!m_global.isLimited() && !own)
        return wanted;
    const bool turn = m_woken == entry;
    // A reader in line waits for its turn; a newcomer queues behind those already waiting.
    if (entry->waiting && !turn)
        return 0;
    if (!turn && !m_waiting.empty()) {
        enqueue(entry);
        return 0;
    }
    const TokenBucket::Time now = m_clock();
    qint64 allowed = qMin(wanted, m_global.available(now));
    if (m_global.isLimited())
        allowed = qMin(allowed, fairShare());
    if (own)
        allowed = qMin(allowed, own->bucket.available(now));
    if (allowed <= 0) {
        enqueue(entry);
        return 0;
    }
    m_global.take(allowed, now);
    if (own)
        own->bucket.take(allowed, now);
    return allowed;
}

void RateLimiter::enqueue(Entry *entry)
{
    if (entry->waiting)
        return;
    entry->waiting = true;
    m_waiting.push_back(entry);
    armTimer();
}

void RateLimiter::wakeReaders()
{
    const TokenBucket::Time now = m_clock();
    // Turns go round the downloads: each waiting download gets one before any gets a second, whatever
    // its number of connections, and a reader that reads and still has more queues again at the back.
    // The others of a download that had its turn this round (and any its own limit holds) keep their
    // place at the front, so a download's connections take its turns in order.
    const auto held = [this, now](const Entry *entry) {
        Limit *own = limitOf(entry->id);
        return own && own->bucket.available(now) <= 0;
    };
    // A member, not a local: a woken reader may end others of its download (leave() takes them out).
    std::deque<Entry *> &kept = m_kept;
    kept.clear();
    const auto othersAwait = [this, &kept, &held] {
        const auto awaits = [this, &held](const Entry *other) { return !m_round.contains(other->id) && !held(other); };
        return std::any_of(m_waiting.begin(), m_waiting.end(), awaits) || std::any_of(kept.begin(), kept.end(), awaits);
    };
    for (std::size_t turns = m_waiting.size(); turns > 0 && !m_waiting.empty() && m_global.available(now) > 0; --turns) {
        Entry *entry = m_waiting.front();
        m_waiting.pop_front();
        if (held(entry) || (m_round.contains(entry->id) && othersAwait())) {
            kept.push_back(entry);
            continue;
        }
        if (m_round.contains(entry->id))
            m_round.clear();   // every download waiting had its turn: a new round
        m_round.insert(entry->id);
        entry->waiting = false;
        m_woken = entry;
        entry->wake();   // may destroy the reader: leave() then clears m_woken
        m_woken = nullptr;
    }
    m_waiting.insert(m_waiting.begin(), kept.begin(), kept.end());
    kept.clear();
    armTimer();
}

void RateLimiter::armTimer()
{
    if (m_waiting.empty()) {
        m_timer.stop();
        return;
    }
    const TokenBucket::Time now = m_clock();
    // Woken at half a bucket at the latest, so the bucket never overflows (losing rate) while a timer
    // fires a little late.
    const TokenBucket::Time global = m_global.timeUntil(qMax<qint64>(1, qMin(fairShare(), m_global.capacity() / 2)), now);
    TokenBucket::Time own = TokenBucket::Time::max();
    for (Entry *entry : m_waiting) {
        Limit *limit = limitOf(entry->id);
        if (!limit) {
            own = TokenBucket::Time::zero();
            break;
        }
        own = qMin(own, limit->bucket.timeUntil(qMax<qint64>(1, qMin(smallestShare, limit->bucket.capacity() / 2)), now));
    }
    const TokenBucket::Time delay = qMax(global, own);
    const qint64 ms = std::chrono::ceil<std::chrono::milliseconds>(delay).count();
    m_timer.start(int(std::clamp<qint64>(ms, 0, 60 * 60 * 1000)));
}

std::optional<std::chrono::milliseconds> RateLimiter::wakeInterval() const
{
    if (!m_timer.isActive())
        return std::nullopt;
    return std::chrono::milliseconds(m_timer.interval());
}

RateLimiter::Reader::Reader(RateLimiter *limiter, std::unique_ptr<Entry> entry)
    : m_limiter(limiter)
    , m_entry(std::move(entry))
{
}

RateLimiter::Reader::~Reader()
{
    m_limiter->leave(m_entry.get());
}

qint64 RateLimiter::Reader::grant(qint64 wanted)
{
    return m_limiter->grant(m_entry.get(), wanted);
}

void RateLimiter::Reader::waitForTokens()
{
    if (isLimited())
        m_limiter->enqueue(m_entry.get());
}

bool RateLimiter::Reader::isWaiting() const
{
    return m_entry->waiting;
}

bool RateLimiter::Reader::isLimited() const
{
    return m_limiter->m_global.isLimited() || m_limiter->m_ownLimits.contains(m_entry->id);
}

} // namespace Quiver
