#pragma once

#include "CliCommand.h"

struct SessionEvent;

// `proclab exec [--interval MS] [--log FILE] [--json] -- COMMAND [ARG]…`: runs the user's own program under
// ProcLab (ProgramRun) and records its whole process tree. The program's stdout and stderr go to the terminal
// (both to stderr with --json, whose stdout carries only JSON lines: the session's events) and into the session.
// Exits with the program's status (128+N for signal N, 127 not found, 126 not executable); bad input exits 2
// before anything starts. Ctrl+C at the terminal reaches the program, which owns the terminal while it runs; a
// SIGINT sent to proclab itself is passed on to the program's process group, a SIGTERM ends the whole tree.
class ExecCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(ExecCommand)
public:
    QString name() const override { return QStringLiteral("exec"); }
    QString summary() const override;
    int run(const QStringList &arguments) override;

private:
    void print(const SessionEvent &event) const;
    bool m_json = false;
};
