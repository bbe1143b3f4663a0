#pragma once

struct RoleContext;

// The `join-deadlock` experiment's parent: forks a child that writes `rounds` KiB into a pipe (more than a pipe
// holds) and then joins it. Without settings.drainFirst the parent waits for the child before reading — the child can
// never finish its write, the parent never returns from waitpid: parent → child → pipe → parent. With drain the
// parent reads everything first and both end. Each side writes what it waits on into its telemetry slot.
//
// A stop request interrupts the parent's waitpid (the wake signal, no SA_RESTART); it then kills and reaps the
// child, so nothing is left.
class JoinRole
{
public:
    static void run(const RoleContext &context);
};
