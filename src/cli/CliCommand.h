#pragma once

#include <QCoreApplication>
#include <QStringList>

// One headless subcommand of `proclab` (list, run, sample, exec, export, bench).
//
// Contract: run() gets the arguments after the subcommand's name. Bad input — an unknown option, a value of the
// wrong type or out of range, a missing file — prints one line on stderr saying what is allowed and returns 2
// before anything is started. Otherwise it returns the command's own status.
class CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(CliCommand)
public:
    virtual ~CliCommand() = default;
    // The name typed after `proclab`.
    virtual QString name() const = 0;
    // One line for `proclab --help`, translated.
    virtual QString summary() const = 0;
    virtual int run(const QStringList &arguments) = 0;

    static constexpr int BadInput = 2;
};
