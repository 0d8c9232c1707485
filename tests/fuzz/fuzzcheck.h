#pragma once

// Shared by the fuzz targets: how a broken property is reported, and the oracle for "a clean file name".
// The oracle is written independently of FileNames::sanitize(), from the promises in filenames.h, so
// a bug in the cleaner cannot hide itself by being copied here.

#include "links/filenames.h"

#include <QByteArray>
#include <QString>
#include <QStringView>

#include <cstdio>
#include <cstdlib>

// libFuzzer saves the input that made the process abort, and the seed-corpus test fails on it; the
// message says which property broke, which a bare crash would not.
#define FUZZ_CHECK(condition, what)                                                                     \
    do {                                                                                               \
        if (!(condition)) {                                                                            \
            std::fprintf(stderr, "fuzz property broken at %s:%d: %s\n  (%s)\n", __FILE__, __LINE__,  \
                         what, #condition);                                                            \
            std::abort();                                                                              \
        }                                                                                              \
    } while (false)

namespace Quiver::Fuzz {

// A QString over the raw bytes as UTF-16, so the fuzzer can reach lone surrogates and every code point,
// which UTF-8 decoding alone never produces. memcpy: the bytes need not be aligned for char16_t.
QString utf16FromBytes(const uint8_t *data, size_t size);

// The reason the name breaks the promises of FileNames::sanitize(), or nullptr when it keeps them.
// An empty name is not clean: callers that allow "nothing usable left" test for it first.
const char *cleanNameProblem(const QString &name);

// Every '\n', '\r' and "\r\n" ends a line, as the links parser counts them.
int lineCount(QStringView text);

} // namespace Quiver::Fuzz
