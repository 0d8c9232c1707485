#pragma once

#include <QJsonArray>
#include <QList>
#include <QtGlobal>

namespace Quiver {

// A half-open byte range [begin, end).
struct ByteRange {
    qint64 begin = 0;
    qint64 end = 0;

    qint64 size() const { return end - begin; }
    bool isEmpty() const { return end <= begin; }
    friend bool operator==(const ByteRange &, const ByteRange &) = default;
};

// A set of bytes of one file, kept as sorted, disjoint, non-adjacent ranges: which bytes of a segmented
// download are on disk. Pure arithmetic, so the rules that decide what is fetched again are testable alone.
class ByteRanges final
{
public:
    ByteRanges() = default;

    void add(ByteRange range);
    const QList<ByteRange> &ranges() const { return m_ranges; }
    bool isEmpty() const { return m_ranges.isEmpty(); }
    qint64 coveredBytes() const;
    // The end of the range that starts at byte 0; 0 when byte 0 is missing.
    qint64 prefixEnd() const;
    bool covers(ByteRange range) const;
    // What is missing of [0, total), in order.
    QList<ByteRange> gaps(qint64 total) const;
    // Drops every byte at or after size (a file shorter than recorded holds none of them).
    void clipTo(qint64 size);

    // [[begin, end], ...]; fromJson() accepts only well-formed, non-negative pairs and returns nothing
    // useful (an empty set, ok false) for anything else.
    QJsonArray toJson() const;
    static ByteRanges fromJson(const QJsonArray &array, bool *ok = nullptr);

    friend bool operator==(const ByteRanges &, const ByteRanges &) = default;

private:
    QList<ByteRange> m_ranges;
};

// Where a running range [position, end) is cut so that a free connection takes its second half: the
// middle, rounded to a 4 KiB page, when both halves keep at least minSize; -1 when it is too small to share.
qint64 splitPoint(qint64 position, qint64 end, qint64 minSize);

// Cuts the missing ranges into at most count pieces for count connections: the largest piece is halved
// until there are count pieces or no piece can be halved with both halves at least minSize.
QList<ByteRange> planPieces(QList<ByteRange> missing, int count, qint64 minSize);

} // namespace Quiver
