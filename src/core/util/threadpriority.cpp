#include "util/threadpriority.h"

#include <QtGlobal>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace Quiver {

void lowerThisThreadsPriority()
{
#ifdef Q_OS_LINUX
    // Relative to what the thread inherited, in case the whole program was started with nice.
    static thread_local const bool lowered =
        ::setpriority(PRIO_PROCESS, ::gettid(), qMin(::getpriority(PRIO_PROCESS, ::gettid()) + 10, 19)) == 0;
    Q_UNUSED(lowered);
#endif
}

} // namespace Quiver
