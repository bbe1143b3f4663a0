#include "TaskTreeProxy.h"

#include "TaskTreeModel.h"

TaskTreeProxy::TaskTreeProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setSortRole(TaskTreeModel::SortRole);
    setDynamicSortFilter(true);
}

void TaskTreeProxy::setTaskModel(TaskTreeModel *model)
{
    m_model = model;
    setSourceModel(model);
}

void TaskTreeProxy::setFilterText(const QString &text)
{
    m_filter.setText(text);
    invalidateFilter();
}

void TaskTreeProxy::setStateShown(TaskState state, bool shown)
{
    m_filter.setStateShown(state, shown);
    invalidateFilter();
}

void TaskTreeProxy::setStates(const QSet<TaskState> &states)
{
    m_filter.setStates(states);
    invalidateFilter();
}

void TaskTreeProxy::setOwnThreadsShown(bool shown)
{
    m_filter.setOwnThreadsShown(shown);
    invalidateFilter();
}

bool TaskTreeProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_model || (!m_filter.isActive() && m_filter.ownThreadsShown()))
        return true;
    const TaskRow *row = m_model->taskAt(m_model->index(sourceRow, 0, sourceParent));
    return row && m_filter.accepts(*row);
}
