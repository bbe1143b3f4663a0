#pragma once

#include "CliCommand.h"

class ExperimentRun;
struct SessionEvent;

// `proclab run ID [--set KEY=VALUE]… [--duration S] [--interval MS] [--log FILE] [--json]`: runs an experiment
// headless, prints its events as they happen, and ends with a summary. Exit 0 when the phenomenon was observed,
// 1 when it ran but was not, 2 on bad input (nothing started). SIGINT and SIGTERM stop it cleanly.
class RunCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(RunCommand)
public:
    QString name() const override { return QStringLiteral("run"); }
    QString summary() const override;
    int run(const QStringList &arguments) override;

private:
    void print(const SessionEvent &event) const;
    // The experiments that have a step mode, for the --schedule error.
    static QString steppingIds();
    bool m_json = false;
};
