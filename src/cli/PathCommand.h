#pragma once

#include "CliCommand.h"

// `proclab path [--json] [--html FILE] [--learner NAME]`: the lesson path — the experiments in the order the
// tutorials teach them — with the learner's journal over it: each experiment's runs, the last prediction and what
// the run proved. --html writes the one self-contained page a student hands to a teacher.
class PathCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(PathCommand)
public:
    QString name() const override { return QStringLiteral("path"); }
    QString summary() const override;
    int run(const QStringList &arguments) override;
};
