#pragma once

#include "util/byteranges.h"

#include <QList>
#include <QMetaType>

namespace Quiver {

// What the connections of a segmented download are doing, for whoever draws it: the bytes received
// (on disk or on their way to it), and for each connection at work the range it still has to fetch,
// from where it is to where it stops. What is in neither waits for a free connection.
struct SegmentMap {
    qint64 total = -1;
    QList<ByteRange> done;
    QList<ByteRange> running;

    bool isEmpty() const { return total <= 0; }
    friend bool operator==(const SegmentMap &, const SegmentMap &) = default;
};

} // namespace Quiver

Q_DECLARE_METATYPE(Quiver::SegmentMap)
