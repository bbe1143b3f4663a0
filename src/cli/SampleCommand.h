#pragma once

#include "CliCommand.h"

// proclab sample [--pid PID]… [--interval MS] [--count N] [--json | --summary]
//
// Samples processes the user may read — each --pid with all of its threads; without --pid, every process — and
// prints each interval: a table (default), one summary line (--summary: tasks by state and per-core load), or one
// JSON line (--json; stdout then carries only those lines). Runs until --count samples were printed, every
// watched process has ended, or SIGINT/SIGTERM.
class SampleCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(SampleCommand)
public:
    QString name() const override { return QStringLiteral("sample"); }
    QString summary() const override;
    int run(const QStringList &arguments) override;

    static constexpr int DefaultIntervalMs = 1000;
};
