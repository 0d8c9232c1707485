#include "util/malloctuning.h"

#include <cstdlib>
#include <cstring>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace Quiver {

void limitMallocArenas()
{
#if defined(__GLIBC__)
    // Read with getenv(), not qEnvironmentVariable(): this runs before QCoreApplication, and must not
    // allocate much before the limit is set.
    int arenas = 1;
    if (const char *value = std::getenv("QUIVER_MALLOC_ARENAS"); value && *value) {
        char *end = nullptr;
        const long parsed = std::strtol(value, &end, 10);
        if (end && *end == '\0' && parsed >= 0 && parsed <= 1024)
            arenas = int(parsed);
    }
    // The user's own tunable wins: glibc has applied it already, and M_ARENA_MAX would override it.
    if (const char *tunables = std::getenv("GLIBC_TUNABLES"); tunables && std::strstr(tunables, "arena_max"))
        return;
    if (arenas > 0)
        mallopt(M_ARENA_MAX, arenas);
#endif
}

} // namespace Quiver
