#pragma once

namespace Quiver {

// Called first thing in main(), before any thread exists: one malloc arena for the whole process.
// glibc gives each thread that contends for an arena one of its own (up to 8 per core); Qt's network
// thread, the session writer and the thread pool grew them with the bytes that passed through, and
// the freed space stayed with the process. Measured (issue 15, bench/README.md "Memory"), peak RSS:
// quiver-cli with 100,000 links and --session 250 MiB with glibc's default, 214-225 MiB with two
// arenas, 165 MiB with one; the window with 100,000 rows and 16 downloads 339 MiB, 310 with two, 270
// with one. One arena cost no measurable time: each thread still has its tcache for small blocks,
// and the downloads went as fast (quiver-cli 62 s for 100,000; the window 492 MiB/s against 428).
// QUIVER_MALLOC_ARENAS=N (0: glibc's default) overrides it, to measure; so does
// GLIBC_TUNABLES=glibc.malloc.arena_max=N. Does nothing where the C library is not glibc.
void limitMallocArenas();

} // namespace Quiver
