#pragma once

#include "CliCommand.h"

// proclab bench sampler|queue|recorder [--threads N] [--interval MS] [--seconds S] [--json]
//
// Dispatches on its first argument to one benchmark class (SamplerBenchmark, …), after parsing the options they
// share. Each benchmark accepts only the options it uses; any other is bad input (exit 2).
class BenchCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(BenchCommand)
public:
    QString name() const override { return QStringLiteral("bench"); }
    QString summary() const override;
    int run(const QStringList &arguments) override;
};
