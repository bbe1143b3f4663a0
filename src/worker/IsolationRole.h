#pragma once

class FigureBoard;
struct RoleContext;

// The `isolation` experiment. A global value starts at settings.initialValue in the parent. With processes, the
// supervisor asks the parent's worker to fork `rounds` children (LabController::forkChild, kind "isolation"): each
// is a copy of the parent, sets its copy of the value to its own number, writes what it then sees into figure n
// and stays, a real process in the tree, until the run ends. With threads, the parent's thread starts `rounds`
// threads that do the same to the one value. Meanwhile the parent writes what it sees into figure 0, every 50 ms:
// children changed only their own copies; threads changed the one value.
class IsolationRole
{
public:
    static void run(const RoleContext &context);
    // In a forked child, after fork(): only a store to the global and an atomic store (async-signal-safe).
    static void changeInChild(const FigureBoard &figures, int number);
};
