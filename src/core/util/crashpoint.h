#pragma once

namespace Quiver {

// For the crash tests: with QUIVER_CRASH_AT=<name> in the environment, the process kills itself with
// SIGKILL (as kill -9 or a power cut would end it) when it reaches the point of that name, at moments
// no outside timing can hit reliably, such as between the sync and the rename of a finished file.
// Without the variable it costs one comparison per point.
void crashPoint(const char *name);

} // namespace Quiver
