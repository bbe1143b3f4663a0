#pragma once

#include <QCoreApplication>
#include <QString>

struct SessionEvent;

// The ranges and types a session's fields must have before anything uses them: SessionReader applies it to every
// event, so export, replay and the window all see the same checked data (a crafted file cannot hand a view a core
// index of 2^31 or a PID of -5). A field a kind does not use is still checked when it carries a known name; keys
// it does not know are left alone. States, shares and queue counters are checked in the kinds that carry them
// (task.sample, task.state, cpu.sample, queue.sample), and each known kind must have the fields it cannot do
// without (SessionRequiredFields).
class SessionFieldCheck
{
    Q_DECLARE_TR_FUNCTIONS(SessionFieldCheck)
public:
    static constexpr int MaxCores = 4096;          // Linux's NR_CPUS on the largest distribution kernels
    static constexpr qint64 MaxPid = 4194304;      // PID_MAX_LIMIT
    static constexpr double MaxSeconds = 1.0e8;    // three years of recording
    static constexpr qsizetype MaxListEntries = 100000;
    static constexpr double ShareTolerance = 1e-6;        // rounding of a sum of shares
    static constexpr double MaxCount = 9007199254740992.0; // 2^53: the largest whole number a double holds exactly

    // Empty when the event's known fields are in range, else what is wrong, in words for the user.
    static QString problemWith(const SessionEvent &event);
};
