#include "util/malloctuning.h"

#include <cstdlib>
#include <cstring>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace Quiver {

namespace {
#if defined(__GLIBC__)
// Read with getenv(), not qEnvironmentVariable(): this runs before QCoreApplication, and must not
// allocate much before the settings are made. fallback when unset or not a number in [0, most].
long environmentNumber(const char *name, long fallback, long most)
{
    const char *value = std::getenv(name);
    if (!value || !*value)
        return fallback;
    char *end = nullptr;
    const long parsed = std::strtol(value, &end, 10);
    return end && *end == '\0' && parsed >= 0 && parsed <= most ? parsed : fallback;
}

// The user's own tunables win: glibc has applied them already, and mallopt() would override them.
bool tunablesMention(const char *name)
{
    const char *tunables = std::getenv("GLIBC_TUNABLES");
    return tunables && std::strstr(tunables, name);
}
#endif
} // namespace

void tuneMalloc()
{
#if defined(__GLIBC__)
    const long arenas = environmentNumber("QUIVER_MALLOC_ARENAS", 1, 1024);
    if (arenas > 0 && !tunablesMention("arena_max"))
        mallopt(M_ARENA_MAX, int(arenas));

    constexpr int mapFrom = 4 * 1024 * 1024;
    constexpr int trimFrom = 8 * 1024 * 1024;
    const bool thresholds = environmentNumber("QUIVER_MALLOC_THRESHOLDS", 1, 1) == 1;
    if (thresholds && !tunablesMention("trim_threshold") && !tunablesMention("mmap_threshold")
        && !tunablesMention("top_pad")) {
        // Setting either stops glibc's sliding of both, so both are set.
        mallopt(M_MMAP_THRESHOLD, mapFrom);
        mallopt(M_TRIM_THRESHOLD, trimFrom);
    }
#endif
}

} // namespace Quiver
