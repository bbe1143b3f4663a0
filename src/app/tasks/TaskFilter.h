#pragma once

#include "frame/TaskRow.h"

#include <QSet>
#include <QStringList>

// The task tree's filter rules, free of widgets so they can be tested alone and reused (TaskTreeProxy only calls
// them). ProcLab's own control threads are hidden unless asked for; then two parts, both must accept a row:
// - text: whitespace-separated terms, every one must match. A term matches when it is a case-insensitive
//   substring of the name, the role or the reason, or when the PID, TID or PPID starts with it ("81" finds 812).
// - states: the states shown; an empty set shows every state (htop cannot filter by state, we can).
class TaskFilter
{
public:
    void setText(const QString &text);
    QString text() const { return m_text; }
    void setStates(const QSet<TaskState> &states) { m_states = states; }
    QSet<TaskState> states() const { return m_states; }
    void setStateShown(TaskState state, bool shown);
    // ProcLab's own threads (TaskRow::labControl, a lab process's control loop): hidden unless shown.
    void setOwnThreadsShown(bool shown) { m_ownThreadsShown = shown; }
    bool ownThreadsShown() const { return m_ownThreadsShown; }
    // True when the user's text or states can hide rows (ProcLab's own threads aside).
    bool isActive() const { return !m_terms.isEmpty() || !m_states.isEmpty(); }

    bool accepts(const TaskRow &row) const;
    bool acceptsText(const TaskRow &row) const;
    bool acceptsState(TaskState state) const { return m_states.isEmpty() || m_states.contains(state); }

private:
    static bool termMatches(const QString &term, const TaskRow &row);

    QString m_text;
    QStringList m_terms;
    QSet<TaskState> m_states;
    bool m_ownThreadsShown = false;
};
