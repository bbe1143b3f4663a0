#pragma once

#include "analysis/FutexMapping.h"

#include <optional>

// Where, in a telemetry block's memfd, each named lock's record and each queue lie: the FutexMapping the live
// futex cross-check (FutexCrossCheck) compares a blocked thread's futex address against.
class TelemetryFutexLayout
{
public:
    // Reads the block's header through `fd` (pread: a memfd is a file, so nothing needs mapping) and the name the
    // kernel shows for it in /proc/<pid>/maps (the fd's link, "/memfd:NAME (deleted)"). nullopt when `fd` is no
    // telemetry block of this build (magic, version or record sizes differ) or cannot be read.
    static std::optional<FutexMapping> read(int fd);
};
