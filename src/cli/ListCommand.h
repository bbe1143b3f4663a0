#pragma once

#include "CliCommand.h"

// `proclab list [--json]`: the experiments and their parameters.
class ListCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(ListCommand)
public:
    QString name() const override { return QStringLiteral("list"); }
    QString summary() const override;
    int run(const QStringList &arguments) override;
};
