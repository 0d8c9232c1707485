#pragma once

namespace Quiver {

// Puts the calling thread below the GUI thread for the CPU (10 nice steps lower), once per thread. Background work
// (writing downloads to disk, saving the session) must not make the window wait for a CPU on a busy
// machine. Linux sets a nice value per thread; elsewhere this does nothing.
void lowerThisThreadsPriority();

} // namespace Quiver
