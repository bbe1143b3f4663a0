#include "ParentDeathGuard.h"

#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

namespace {

volatile pid_t g_supervisor = 0;

void onParentDeath(int)
{
    if (::getppid() != g_supervisor)
        ::_exit(0);
}

bool parentStillThere(pid_t parent)
{
    const pid_t now = ::getppid();
    return now == parent || now == g_supervisor;
}

} // namespace

int ParentDeathGuard::signal()
{
    return SIGRTMIN;
}

bool ParentDeathGuard::install(pid_t supervisor, pid_t parent)
{
    g_supervisor = supervisor;
    struct sigaction action = {};
    action.sa_handler = onParentDeath;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    if (::sigaction(signal(), &action, nullptr) != 0)
        return false;
    if (::prctl(PR_SET_PDEATHSIG, signal(), 0, 0, 0) != 0)
        return false;
    return parentStillThere(parent);
}

bool ParentDeathGuard::rearmInForkedChild(pid_t parent)
{
    // The handler and g_supervisor were copied by fork(); only the death signal itself was reset.
    if (::prctl(PR_SET_PDEATHSIG, signal(), 0, 0, 0) != 0)
        return false;
    return parentStillThere(parent);
}
