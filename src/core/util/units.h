#pragma once

#include <QString>

#include <optional>

namespace Quiver::Units {

// Number and unit are joined by a no-break space (U+00A0), so "12.4 MiB" never wraps between them.
QString bytes(qint64 count);                      // "12.4 MiB"
QString progress(qint64 received, qint64 total);  // "12.4 / 80.0 MiB", "12.4 MiB" when total is unknown
QString percent(int value);                       // "45%" in English, "45 %" in French and German
QString speed(double bytesPerSecond);             // "3.1 MiB/s"
QString duration(qint64 seconds);                 // "8 s", "2 min 05 s", "1 h 03 min"

// A rate as curl and wget take it: bytes per second, or with K, M or G (binary: 1K = 1024), a fraction
// allowed ("1.5M"); nothing when the text is not one, or above 1 TiB/s.
std::optional<qint64> parseRate(QStringView text);

} // namespace Quiver::Units
