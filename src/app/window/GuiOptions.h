#pragma once

#include <QCoreApplication>
#include <QStringList>

// The options of `proclab [gui] [--experiment ID] [--set KEY=VALUE]… [--interval MS] [--step] [--start] [--lang L]
// [--open SESSION]`.
class GuiOptions
{
    Q_DECLARE_TR_FUNCTIONS(GuiOptions)
public:
    // Parses argv without the program name (a leading `gui` is allowed). On bad input returns false and sets
    // error() to one line saying what is allowed.
    bool parse(const QStringList &arguments);

    QString error() const { return m_error; }
    // Checks the experiment id and the --set assignments against the catalogue (after parse()); false with one
    // line in *error saying what is allowed.
    bool validate(QString *error) const;
    QString experiment() const { return m_experiment; }
    QStringList assignments() const { return m_assignments; }
    int intervalMs() const { return m_intervalMs; }
    bool start() const { return m_start; }
    // --step: the experiment starts in step mode (the panel's Step mode checked).
    bool step() const { return m_step; }
    QString language() const { return m_language; }
    // --open SESSION: a recording to replay once the window is up; empty when not given.
    QString openPath() const { return m_openPath; }
    bool helpRequested() const { return m_help; }
    QString helpText() const { return m_helpText; }

    static constexpr int MinIntervalMs = 50;
    static constexpr int MaxIntervalMs = 5000;

private:
    QString m_error;
    QString m_experiment;
    QStringList m_assignments;
    int m_intervalMs = 0; // 0: the saved setting
    bool m_start = false;
    bool m_step = false;
    QString m_language;
    QString m_openPath;
    bool m_help = false;
    QString m_helpText;
};
