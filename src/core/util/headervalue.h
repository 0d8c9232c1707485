#pragma once

#include <QByteArrayView>

#include <algorithm>

namespace Quiver {

// Validators (ETag, Last-Modified) go back to a server in If-Range and into the session file. A
// control character (an escape sequence, a line break) would make either refuse them, and an
// unbounded one would let a server fill both, so such a value is no validator at all.
namespace HeaderValue {

constexpr qsizetype maxEtagSize = 1024;
constexpr qsizetype maxLastModifiedSize = 128;

inline bool isStorable(QByteArrayView value, qsizetype maxSize)
{
    return value.size() <= maxSize && std::none_of(value.begin(), value.end(), [](char c) {
               const auto byte = static_cast<unsigned char>(c);
               return byte < 0x20 || byte == 0x7f;
           });
}

// A weak ETag ("W/...") must not be used for a range (RFC 9110 13.1.5): only a strong one proves the same bytes.
inline bool isStrongEtag(QByteArrayView etag)
{
    return !etag.isEmpty() && !etag.startsWith("W/");
}

} // namespace HeaderValue

} // namespace Quiver
