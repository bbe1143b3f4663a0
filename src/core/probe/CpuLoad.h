#pragma once

// One core's load over the last interval, as fractions 0..1 of its time, smoothed (the kernel counts in
// 1/USER_HZ ticks, so at 10 Hz a raw share moves in steps of 0.1). htop's formula: guest time is already inside
// user, iowait counts as idle, steal is shown apart and is not "busy".
struct CpuLoad
{
    int core = -1;       // -1 for the whole machine
    double busy = 0;     // user + system (incl. irq, softirq)
    double user = 0;     // user + nice (guest included)
    double system = 0;   // system + irq + softirq
    double iowait = 0;
    double steal = 0;
};
