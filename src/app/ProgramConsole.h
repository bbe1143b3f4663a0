#pragma once

#include <QPlainTextEdit>

// The console pane of an exec session: the program's stdout and stderr as they arrive (stderr in the error
// colour), read-only, bounded so a chatty program cannot fill the memory.
class ProgramConsole : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit ProgramConsole(QWidget *parent = nullptr);

    // Appends a chunk of output; chunks need not end at a line break.
    void appendOutput(bool error, const QString &text);
    // A line of ProcLab's own ("exited with status 0"), set apart from the program's output.
    void appendNote(const QString &text);

private:
    void appendColoured(const QString &text, const QColor &colour, bool italic);
};
