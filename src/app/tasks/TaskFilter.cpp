#include "TaskFilter.h"

using namespace Qt::Literals::StringLiterals;

void TaskFilter::setText(const QString &text)
{
    m_text = text;
    m_terms = text.simplified().split(u' ', Qt::SkipEmptyParts);
}

void TaskFilter::setStateShown(TaskState state, bool shown)
{
    if (shown)
        m_states.insert(state);
    else
        m_states.remove(state);
}

bool TaskFilter::accepts(const TaskRow &row) const
{
    return (m_ownThreadsShown || !row.labControl) && acceptsState(row.state) && acceptsText(row);
}

bool TaskFilter::acceptsText(const TaskRow &row) const
{
    for (const QString &term : m_terms) {
        if (!termMatches(term, row))
            return false;
    }
    return true;
}

bool TaskFilter::termMatches(const QString &term, const TaskRow &row)
{
    const auto startsWith = [&term](qint64 number) {
        return number > 0 && QString::number(number).startsWith(term);
    };
    if (startsWith(row.pid) || startsWith(row.tid) || startsWith(row.ppid))
        return true;
    return row.name.contains(term, Qt::CaseInsensitive) || row.role.contains(term, Qt::CaseInsensitive)
        || row.reason.contains(term, Qt::CaseInsensitive);
}
