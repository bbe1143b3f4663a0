#pragma once

#include "CliCommand.h"

#include <QCoreApplication>
#include <QStringList>

#include <memory>
#include <vector>

// Chooses between the window and the headless subcommands, and runs the latter.
class CliDispatcher
{
    Q_DECLARE_TR_FUNCTIONS(CliDispatcher)
public:
    CliDispatcher();
    ~CliDispatcher();

    // True when the arguments (argv without the program) ask for a headless subcommand, help, the version, or
    // name an unknown subcommand (which is reported without opening a window). No arguments, `gui`, or only
    // options mean the window.
    bool isHeadless(const QStringList &arguments) const;
    // Runs a headless request; returns the exit status.
    int run(const QStringList &arguments);
    QString helpText() const;

private:
    CliCommand *find(const QString &name) const;
    std::vector<std::unique_ptr<CliCommand>> m_commands;
};
