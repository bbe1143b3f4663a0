#pragma once

#include <QPlainTextEdit>

// The console pane of an exec session: the program's stdout and stderr as they arrive (stderr in the error
// colour), read-only, bounded so a chatty program cannot fill the memory: MaxLines lines of at most MaxLineChars,
// fed at most ConsoleBuffer::MaxChars a refresh.
class ProgramConsole : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit ProgramConsole(QWidget *parent = nullptr);

    // Appends a chunk of output; chunks need not end at a line break.
    void appendOutput(bool error, const QString &text);
    // A line of ProcLab's own ("exited with status 0"), set apart from the program's output.
    void appendNote(const QString &text);
    // Says that `characters` of output were left out here (ProgramSession::outputSkipped).
    void appendSkipped(qint64 characters);

    // Lines kept (older ones go) and the longest line shown: a longer one is broken, as ProgramOutput breaks it
    // for the session file.
    static constexpr int MaxLines = 20000;
    static constexpr qsizetype MaxLineChars = 16 * 1024;

private:
    void appendColoured(const QString &text, const QColor &colour, bool italic);
    // text with a line break inserted wherever a line would grow past MaxLineChars.
    QString brokenLines(const QString &text);

    qsizetype m_lineChars = 0; // characters of the last line so far
};
