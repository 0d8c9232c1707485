#pragma once

namespace Quiver {

// Called first thing in main(), before any thread exists. Two settings of glibc's malloc:
//
// One arena for the whole process. glibc gives each thread that contends for an arena one of its own
// (up to 8 per core); Qt's network thread, the session writer and the thread pool grew them with the
// bytes that passed through, and the freed space stayed with the process. Measured (issue 15,
// bench/README.md "Memory"), peak RSS: quiver-cli with 100,000 links and --session 214-225 MiB with two
// arenas, 179 MiB with one (250 before, with glibc's default and a second copy of the links); the window
// with 100,000 rows and 16 downloads 339 MiB with the default, 310 with two, 272 with one.
// QUIVER_MALLOC_ARENAS=N (0: glibc's default) overrides it, to measure; so does
// GLIBC_TUNABLES=glibc.malloc.arena_max=N.
//
// Fixed thresholds: blocks of 4 MiB and more are mapped on their own (and unmapped when freed), and the
// heap gives memory back to the system only once 8 MiB at its end are free. A body passes as blocks of up
// to a read buffer (HttpSettings::readBufferSize, 512 KiB) made on Qt's network thread and freed on the
// disk thread a few blocks later. With glibc's sliding defaults (a heap trimmed whenever 128 KiB at its
// end are free, blocks that size at the edge of the mmap threshold) the one heap shared by every thread
// shrank and grew again between the blocks in flight, and with almost every small download: every block
// landed in pages the kernel had to fault in and zero again, 4 to 5 page faults per 64 KiB file (about
// 15 µs each on a virtual machine) and a third of quiver-cli's CPU per GiB (bench/README.md, "The write
// path" and "Per-download overhead"). 4 and 8 MiB rather than 1 and 4: with a 1 GiB download's blocks in
// flight the lower pair still trimmed and faulted, 2.2-2.6 s of CPU per GiB against 1.2-1.3 s (medians of 3,
// interleaved), and small files cost the same with either. QUIVER_MALLOC_THRESHOLDS=0 keeps glibc's sliding ones, to measure;
// so does GLIBC_TUNABLES with glibc.malloc.trim_threshold, mmap_threshold or top_pad.
//
// Does nothing where the C library is not glibc.
void tuneMalloc();

} // namespace Quiver
