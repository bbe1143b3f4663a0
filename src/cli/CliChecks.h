#pragma once

#include <QCoreApplication>
#include <QString>

// Checks of options that several subcommands share, with the one-line message the CLI contract asks for.
class CliChecks
{
    Q_DECLARE_TR_FUNCTIONS(CliChecks)
public:
    // --interval MS: a whole number from 50 to 5000. False with *error saying what is allowed.
    static bool interval(const QString &text, int *ms, QString *error);
    // --log FILE: OutputTarget's rules (a file whose folder exists and is writable, /dev/null or a FIFO written in
    // place; not a folder, not a planted link). The file is opened later, by the recorder.
    static bool logPath(const QString &path, QString *error);
};
