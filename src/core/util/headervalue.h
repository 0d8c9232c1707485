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

} // namespace HeaderValue

} // namespace Quiver
