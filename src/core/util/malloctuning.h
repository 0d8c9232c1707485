#pragma once

namespace Quiver {

// Called first thing in main(), before any thread exists. Two settings of glibc's malloc:
//
// One arena for the whole process. glibc gives each thread that contends for an arena one of its own (up
// to 8 per core); Qt's network thread, the session writer and the thread pool grew them with the bytes
// that passed through, and the freed space stayed with the process. Measured (issue 15, bench/README.md
// "Memory"), peak RSS: quiver-cli with 100,000 links and --session 214-225 MiB with two arenas, 179 MiB
// with one (250 before, with glibc's default and a second copy of the links); the window with 100,000
// rows and 16 downloads 339 MiB with the default, 310 with two, 272 with one. One arena cost no
// measurable time: each thread keeps its tcache for small blocks, and the downloads went as fast
// (quiver-cli 64 s for 100,000 against 68; the window 553 MiB/s against 428, within the machine's noise).
//
// Read buffers from the heap, and the heap kept. A download's body passes as blocks of up to a read
// buffer (HttpSettings::readBufferSize) made on Qt's network thread and freed on the disk thread a few
// blocks later. With glibc's defaults a block that size is at the edge of its mmap threshold (128 KiB,
// raised only by freeing an mmapped block) and the heap's top is given back to the kernel past twice
// that, so the free space between the blocks in flight went back and forth with brk, and every block
// was written into pages the kernel had to fault in and zero again: 1,000 brk calls and a third of
// quiver-cli's CPU time per GiB (issue 9, bench/README.md "The write path"). Blocks up to 4 MiB now come
// from the heap and up to 8 MiB of free space stays at its top: the same pair glibc's own sliding
// threshold would reach after freeing one 4 MiB block.
//
// QUIVER_MALLOC_ARENAS=N (0: glibc's default) overrides the arenas, to measure; so does
// GLIBC_TUNABLES=glibc.malloc.arena_max=N, and glibc.malloc.mmap_threshold / trim_threshold (either)
// override the second setting. Does nothing where the C library is not glibc.
void tuneMalloc();

} // namespace Quiver
