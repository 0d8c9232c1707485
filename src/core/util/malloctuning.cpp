#include "util/malloctuning.h"

#include <cstdlib>
#include <cstring>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace Quiver {

void tuneMalloc()
{
#if defined(__GLIBC__)
    // Read with getenv(), not qEnvironmentVariable(): this runs before QCoreApplication, and must not
    // allocate much before the limits are set.
    const char *tunables = std::getenv("GLIBC_TUNABLES");
    // The user's own tunables win: glibc has applied them already, and mallopt() would override them.
    const auto tunedByUser = [tunables](const char *name) { return tunables && std::strstr(tunables, name); };
    if (!tunedByUser("mmap_threshold") && !tunedByUser("trim_threshold")) {
        constexpr int mmapThreshold = 4 * 1024 * 1024;
        mallopt(M_MMAP_THRESHOLD, mmapThreshold);
        mallopt(M_TRIM_THRESHOLD, 2 * mmapThreshold);
    }
    int arenas = 1;
    if (const char *value = std::getenv("QUIVER_MALLOC_ARENAS"); value && *value) {
        char *end = nullptr;
        const long parsed = std::strtol(value, &end, 10);
        if (end && *end == '\0' && parsed >= 0 && parsed <= 1024)
            arenas = int(parsed);
    }
    if (arenas > 0 && !tunedByUser("arena_max"))
        mallopt(M_ARENA_MAX, arenas);
#endif
}

} // namespace Quiver
