#include "http/contentrange.h"

#include <limits>

namespace Quiver {

namespace {
// Parses a run of decimal digits; nullopt on anything else or on a value that would not fit.
std::optional<qint64> number(const QByteArray &text)
{
    if (text.isEmpty() || text.size() > 18)
        return std::nullopt;
    qint64 value = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}
} // namespace

std::optional<ContentRange> parseContentRange(const QByteArray &rawValue)
{
    const QByteArray value = rawValue.trimmed();
    if (!value.startsWith("bytes ") && !value.startsWith("bytes="))
        return std::nullopt;
    const QByteArray rest = value.mid(6).trimmed();
    const qsizetype slash = rest.indexOf('/');
    if (slash < 0)
        return std::nullopt;
    const QByteArray range = rest.left(slash).trimmed();
    const QByteArray totalText = rest.mid(slash + 1).trimmed();

    ContentRange result;
    if (totalText != "*") {
        const auto total = number(totalText);
        if (!total)
            return std::nullopt;
        result.total = *total;
    }
    if (range == "*") {
        if (result.total < 0)
            return std::nullopt;
        return result;
    }
    const qsizetype dash = range.indexOf('-');
    if (dash <= 0)
        return std::nullopt;
    const auto first = number(range.left(dash));
    const auto last = number(range.mid(dash + 1));
    if (!first || !last || *first > *last)
        return std::nullopt;
    if (result.total >= 0 && *last >= result.total)
        return std::nullopt;
    result.first = *first;
    result.last = *last;
    return result;
}

} // namespace Quiver
