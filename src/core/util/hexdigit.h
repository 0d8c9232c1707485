#pragma once

namespace Quiver {

// The value of one hexadecimal digit, or -1: percent-decoding of names in URLs and in
// Content-Disposition, where a bad escape must be detected rather than guessed.
constexpr int hexDigitValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace Quiver
