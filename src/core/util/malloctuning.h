#pragma once

namespace Quiver {

// Called first thing in main(), before any thread exists: one malloc arena for the whole process.
// glibc gives each thread that contends for an arena one of its own (up to 8 per core); Qt's network
// thread, the session writer and the thread pool grew them with the bytes that passed through, and
// the freed space stayed with the process. Measured (issue 15, bench/README.md "Memory"), peak RSS:
// quiver-cli with 100,000 links and --session 214-225 MiB with two arenas, 179 MiB with one (250
// before, with glibc's default and a second copy of the links); the window with 100,000 rows and 16
// downloads 339 MiB with the default, 310 with two, 272 with one. One arena cost no measurable time:
// each thread keeps its tcache for small blocks, and the downloads went as fast (quiver-cli 64 s for
// 100,000 against 68; the window 553 MiB/s against 428, within the machine's noise).
// QUIVER_MALLOC_ARENAS=N (0: glibc's default) overrides it, to measure; so does
// GLIBC_TUNABLES=glibc.malloc.arena_max=N. Does nothing where the C library is not glibc.
void limitMallocArenas();

} // namespace Quiver
