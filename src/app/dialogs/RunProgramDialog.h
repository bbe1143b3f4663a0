#pragma once

#include <QDialog>

class QLineEdit;
class QSpinBox;
class QLabel;

// Session ▸ Run a program… (a command line and a working directory) and Session ▸ Attach to process… (a PID):
// one small form each, checked before it closes so the window only ever gets something it can try to start.
class RunProgramDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode { Run, Attach };
    explicit RunProgramDialog(Mode mode, QWidget *parent = nullptr);

    // Run: the command line as given, split as a shell would split words and quotes (no expansion).
    void setCommandLine(const QString &line);
    QString commandLine() const;
    QStringList command() const;
    void setWorkingDirectory(const QString &path);
    QString workingDirectory() const;
    // Attach: the PID entered.
    qint64 pid() const;
    void setPid(qint64 pid);

    // Splits a command line into argv as a shell splits words (quotes and backslashes; no expansion); empty when
    // it holds no word. *complete (if given) is false when a quote was left open.
    static QStringList splitCommand(const QString &line, bool *complete = nullptr);
    // Checks the form; an empty string when it can be accepted, else what is wrong, in words.
    QString problem() const;

    void accept() override;

private:
    Mode m_mode;
    QLineEdit *m_command = nullptr;
    QLineEdit *m_directory = nullptr;
    QSpinBox *m_pid = nullptr;
    QLabel *m_problem = nullptr;
};
