#pragma once

#include <QByteArray>
#include <QtGlobal>

#include <array>

// The raw records of /proc files, as ProcParser reads them. Units are the kernel's: clock ticks (USER_HZ) for
// stat times, nanoseconds for schedstat, pages for stat's rss.

// /proc/<pid>/stat and /proc/<pid>/task/<tid>/stat (the fields ProcLab uses).
struct TaskStat
{
    int pid = 0;
    QByteArray comm;        // raw bytes between the first '(' and the last ')': may hold spaces, ')' and '\n'
    char state = '?';
    int ppid = 0;
    int pgrp = 0;
    int session = 0;
    quint64 utimeTicks = 0;
    quint64 stimeTicks = 0;
    int nice = 0;
    int numThreads = 0;
    quint64 startTicks = 0; // field 22: start time after boot
    qint64 rssPages = 0;    // field 24
    int processor = -1;     // field 39: the core it last ran on (missing on very old kernels)
    int exitCode = -1;      // field 52 (Linux ≥ 3.5): a zombie's exit status in waitpid() form; -1 when absent
};

// /proc/<pid>/task/<tid>/schedstat: "cpu_ns wait_ns timeslices".
struct SchedStat
{
    quint64 cpuNs = 0;      // sum_exec_runtime
    quint64 waitNs = 0;     // run_delay: credited when the task gets a core, not while it waits
    quint64 timeslices = 0; // pcount
};

// One "cpu"/"cpuN" line of /proc/stat, in USER_HZ ticks. Missing trailing columns (old kernels) read as 0.
struct CpuTimes
{
    int core = -1;          // -1 for the aggregate "cpu" line
    quint64 user = 0;       // includes guest
    quint64 nice = 0;       // includes guest_nice
    quint64 system = 0;
    quint64 idle = 0;
    quint64 iowait = 0;
    quint64 irq = 0;
    quint64 softirq = 0;
    quint64 steal = 0;
    quint64 guest = 0;
    quint64 guestNice = 0;
};

// The lines of /proc/<pid>/status that ProcLab reads on demand. A missing line leaves its default.
struct ProcStatus
{
    QByteArray name;        // escaped by the kernel: "\n" is written as the two characters '\' 'n'
    char state = '?';
    int tgid = 0;
    int pid = 0;
    int ppid = 0;
    int threads = 0;
    qint64 vmRssKb = 0;
    quint64 voluntarySwitches = 0;
    quint64 involuntarySwitches = 0;
};

// /proc/<pid>/task/<tid>/syscall: "running", or "-1 sp pc" (blocked outside a system call, e.g. a page fault),
// or "nr a0 … a5 sp pc" (blocked inside system call nr).
struct SyscallState
{
    enum class Kind { Running, OutsideSyscall, InSyscall };
    Kind kind = Kind::Running;
    long number = -1;
    std::array<quint64, 6> args{};
};
