#pragma once

struct RoleContext;

// The `isolation` experiment: a global value starts at settings.initial; `rounds` children (settings.processes) or
// threads each set it to their own number and write what they then see into figures 1…n; after joining them all
// the parent writes what it sees into figure 0. Children change their own copy; threads change the one value.
class IsolationRole
{
public:
    static void run(const RoleContext &context);
};
