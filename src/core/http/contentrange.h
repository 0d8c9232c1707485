#pragma once

#include <QByteArray>

#include <optional>

namespace Quiver {

// A Content-Range header value (RFC 9110 §14.4): "bytes FIRST-LAST/TOTAL", TOTAL may be "*";
// or, on a 416, "bytes */TOTAL" (first and last are -1 then).
struct ContentRange {
    qint64 first = -1;
    qint64 last = -1;
    qint64 total = -1;   // -1 when the server did not say

    bool isUnsatisfied() const { return first < 0; }
    qint64 length() const { return isUnsatisfied() ? 0 : last - first + 1; }
};

// Strict: digits only, no signs, no overflow, first <= last < total. Anything else is nullopt.
std::optional<ContentRange> parseContentRange(const QByteArray &value);

} // namespace Quiver
