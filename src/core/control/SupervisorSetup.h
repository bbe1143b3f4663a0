#pragma once

#include <sys/resource.h>

// What the supervisor process (proclab, GUI or CLI) must do once before it starts any lab process.
//
// prepare() is idempotent and thread-safe; LabController calls it, and a main() may call it earlier.
class SupervisorSetup
{
public:
    // Makes this process the child subreaper (PR_SET_CHILD_SUBREAPER: orphans of lab processes come to us, not
    // to init) and raises the RLIMIT_NOFILE soft limit to the hard limit (FileLimit: the sampler keeps two fds
    // open per thread), which remembers the soft limit found, for the children. False when the subreaper could
    // not be set.
    static bool prepare();
    // The RLIMIT_NOFILE soft limit this process had before it was raised: what children get back (select() users
    // break above 1024). FileLimit::originalSoft().
    static rlim_t originalFileLimit();
};
