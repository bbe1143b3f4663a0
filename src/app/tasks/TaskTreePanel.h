#pragma once

#include "frame/TaskRow.h"

#include <QWidget>

#include <optional>

class EmptyTableHint;
class QLineEdit;
class QMenu;
class QToolButton;
class QTimer;
class QTreeView;
class QVBoxLayout;
class TaskActions;
class TaskTreeModel;
class TaskTreeProxy;

// The centre of the window: the filter bar (text, and one toggle per state) over the task tree, with its badge and
// bar delegates and the context menu of TaskActions.
class TaskTreePanel : public QWidget
{
    Q_OBJECT
public:
    explicit TaskTreePanel(QWidget *parent = nullptr);

    void setTaskActions(TaskActions *actions) { m_actions = actions; }
    TaskTreeModel *model() const { return m_model; }
    TaskTreeProxy *proxy() const { return m_proxy; }
    QTreeView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }
    const QList<QToolButton *> &stateButtons() const { return m_stateButtons; }
    // Puts the focus in the table, on its first row when none is current (Ctrl+T, Down from the filter box).
    void focusTable();
    // The row of the current index, if any.
    // A widget above the filter bar and the table (the live result card).
    void setHeader(QWidget *header);
    std::optional<TaskRow> currentRow() const;
    // Selects a task (for tests and the graph view); false when it is not shown.
    bool selectTask(qint64 pid, qint64 tid);
    // Checkable actions that show or hide each column, for View ▸ Columns.
    QList<QAction *> columnActions() const { return m_columnActions; }
    // The width the table needs to show every column up to and including "Why blocked" (the key ones: who, its
    // state, why it waits), from the sections' sizes, which come from the font.
    int keyColumnsWidth() const;
    // A replay is open: the empty table's hint says to play on (EmptyTableHint::setReplaying).
    void setReplaying(bool replaying);
    // Widens "Why blocked" to show reasons as long as `sample` whole (step mode's "paused before: store counter ←
    // 42"); never narrows it. Called when such a run starts, so the window's layout at start is not changed by it.
    void fitReasons(const QString &sample);
    // View ▸ Show ProcLab's own threads (checkable, off): the lab processes' control threads.
    QAction *ownThreadsAction() const { return m_ownThreadsAction; }

Q_SIGNALS:
    void selectionChanged(const std::optional<TaskRow> &row);
    // A row was activated: double-clicked, or Enter on it (in step mode: one step for that thread).
    void rowActivated(const TaskRow &row);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslate();
    void showContextMenu(const QPoint &pos);
    void emitSelection();
    // Once a second: widens "Why blocked" and PPID to what the rows now say ("parent of 2 orphans, killed at 1.0 s",
    // "751 (was 757)"), up to a bound from the font and only into the room beside the key columns; never narrows
    // them, so nothing jumps back and forth.
    void growColumnsToRows();

    TaskTreeModel *m_model;
    TaskTreeProxy *m_proxy;
    QLineEdit *m_filter;
    QList<QToolButton *> m_stateButtons;
    QTreeView *m_view;
    TaskActions *m_actions = nullptr;
    QList<QAction *> m_columnActions;
    QAction *m_ownThreadsAction = nullptr;
    bool m_expandedOnce = false;
    QVBoxLayout *m_layout = nullptr;
    QTimer *m_growTimer = nullptr;
    EmptyTableHint *m_hint = nullptr;
};
