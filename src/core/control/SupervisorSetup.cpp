#include "SupervisorSetup.h"
#include "probe/FileLimit.h"

#include <mutex>
#include <sys/prctl.h>

namespace {
std::once_flag g_once;
bool g_subreaper = false;
} // namespace

bool SupervisorSetup::prepare()
{
    std::call_once(g_once, [] {
        g_subreaper = ::prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0;
        // One owner of the limit for the whole process (the sampler raises it through the same class), so the
        // soft limit remembered as "original" is never an already raised one.
        FileLimit::raiseToHard();
    });
    return g_subreaper;
}

rlim_t SupervisorSetup::originalFileLimit()
{
    return rlim_t(FileLimit::originalSoft());
}
