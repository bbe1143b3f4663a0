#pragma once

#include "TaskFilter.h"

#include <QSortFilterProxyModel>

class TaskTreeModel;

// Sorts the task tree by each column's natural value and filters it with TaskFilter's rules; a process stays
// visible while one of its threads matches (recursive filtering), so a match is never shown out of context.
class TaskTreeProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit TaskTreeProxy(QObject *parent = nullptr);

    void setTaskModel(TaskTreeModel *model);
    const TaskFilter &filter() const { return m_filter; }
    void setFilterText(const QString &text);
    void setStateShown(TaskState state, bool shown);
    void setStates(const QSet<TaskState> &states);
    void setOwnThreadsShown(bool shown);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    TaskTreeModel *m_model = nullptr;
    TaskFilter m_filter;
};
