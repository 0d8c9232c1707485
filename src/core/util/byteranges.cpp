#include "util/byteranges.h"

#include <QJsonValue>

#include <algorithm>

namespace Quiver {

void ByteRanges::add(ByteRange range)
{
    if (range.isEmpty())
        return;
    // The first range that ends at or after range.begin may touch or overlap it; merge all that do.
    auto first = std::lower_bound(m_ranges.begin(), m_ranges.end(), range.begin,
                                  [](const ByteRange &r, qint64 begin) { return r.end < begin; });
    auto last = first;
    while (last != m_ranges.end() && last->begin <= range.end) {
        range.begin = qMin(range.begin, last->begin);
        range.end = qMax(range.end, last->end);
        ++last;
    }
    const qsizetype index = first - m_ranges.begin();
    m_ranges.erase(first, last);
    m_ranges.insert(index, range);
}

qint64 ByteRanges::coveredBytes() const
{
    qint64 sum = 0;
    for (const ByteRange &range : m_ranges)
        sum += range.size();
    return sum;
}

qint64 ByteRanges::prefixEnd() const
{
    return !m_ranges.isEmpty() && m_ranges.first().begin == 0 ? m_ranges.first().end : 0;
}

bool ByteRanges::covers(ByteRange range) const
{
    if (range.isEmpty())
        return true;
    return std::any_of(m_ranges.begin(), m_ranges.end(), [&range](const ByteRange &r) {
        return r.begin <= range.begin && range.end <= r.end;
    });
}

QList<ByteRange> ByteRanges::gaps(qint64 total) const
{
    QList<ByteRange> missing;
    qint64 at = 0;
    for (const ByteRange &range : m_ranges) {
        if (range.begin >= total)
            break;
        if (range.begin > at)
            missing.append({at, range.begin});
        at = qMax(at, range.end);
    }
    if (at < total)
        missing.append({at, total});
    return missing;
}

void ByteRanges::clipTo(qint64 size)
{
    while (!m_ranges.isEmpty() && m_ranges.last().begin >= size)
        m_ranges.removeLast();
    if (!m_ranges.isEmpty() && m_ranges.last().end > size)
        m_ranges.last().end = size;
}

QJsonArray ByteRanges::toJson() const
{
    QJsonArray array;
    for (const ByteRange &range : m_ranges)
        array.append(QJsonArray{double(range.begin), double(range.end)});
    return array;
}

ByteRanges ByteRanges::fromJson(const QJsonArray &array, bool *ok)
{
    // Byte offsets up to 2^53 are exact in a JSON number.
    constexpr double largest = 9007199254740992.0;
    ByteRanges set;
    for (const QJsonValue &value : array) {
        const QJsonArray pair = value.toArray();
        const bool wellFormed = pair.size() == 2 && pair[0].isDouble() && pair[1].isDouble();
        const double begin = wellFormed ? pair[0].toDouble() : -1;
        const double end = wellFormed ? pair[1].toDouble() : -1;
        if (!wellFormed || begin < 0 || end < begin || end > largest || begin != qint64(begin) || end != qint64(end)) {
            if (ok)
                *ok = false;
            return {};
        }
        set.add({qint64(begin), qint64(end)});
    }
    if (ok)
        *ok = true;
    return set;
}

qint64 splitPoint(qint64 position, qint64 end, qint64 minSize)
{
    constexpr qint64 page = 4096;
    if (end - position < 2 * minSize)
        return -1;
    qint64 middle = position + (end - position) / 2;
    middle -= middle % page;
    if (middle - position < minSize)
        middle += page;
    return middle - position >= minSize && end - middle >= minSize ? middle : -1;
}

QList<ByteRange> planPieces(QList<ByteRange> missing, int count, qint64 minSize)
{
    while (missing.size() < count) {
        auto largest = std::max_element(missing.begin(), missing.end(),
                                        [](const ByteRange &a, const ByteRange &b) { return a.size() < b.size(); });
        if (largest == missing.end())
            break;
        const qint64 cut = splitPoint(largest->begin, largest->end, minSize);
        if (cut < 0)
            break;
        const ByteRange second{cut, largest->end};
        largest->end = cut;
        missing.insert(largest - missing.begin() + 1, second);
    }
    return missing;
}

} // namespace Quiver
