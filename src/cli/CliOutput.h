#pragma once

#include <QString>

// Writes to the terminal. stdout carries results (with --json only whole JSON lines); everything else — errors,
// progress, a program's own output under `exec --json` — goes to stderr. out() and err() show control
// characters as visible escapes (TerminalText): out() keeps the newlines of a multi-line table, err() always
// writes one line. outRaw() is for JSON, which escapes its own strings.
class CliOutput
{
public:
    static void out(const QString &line);
    static void outRaw(const QByteArray &bytes);
    static void err(const QString &line);
    // The one-line bad-input message: "proclab NAME: MESSAGE". Returns 2 so callers can `return usageError(…)`.
    static int usageError(const QString &command, const QString &message);
};
