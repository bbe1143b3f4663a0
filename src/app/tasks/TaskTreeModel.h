#pragma once

#include "frame/TaskRow.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QIcon>

#include <array>

#include <memory>
#include <unordered_map>

// The lab as a tree: processes (a child process under its parent), each with its threads as children. Fed one
// list of TaskRows per tick, it diffs them against what it shows (mark and sweep): rows that look different get
// one dataChanged per parent spanning only the columns that changed, new rows are inserted, a re-parented process
// moves under its new parent, and a row that no longer comes turns Terminated, greyed, and lingers lingerSeconds()
// before it is removed, so the user sees it go. Zombies come from the sampler as rows in state Zombie and stay until they are reaped.
class TaskTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column {
        PidColumn,
        TidColumn,
        PpidColumn,
        NameColumn,
        StateColumn,
        ShareColumn,
        CpuColumn,
        CoreColumn,
        ReasonColumn,
        ItemsColumn,
        GilColumn, // CPython's GIL: a thread's share of the last interval, a process's total (at most 100 %)
        ColumnCount
    };
    enum Role {
        StateRole = Qt::UserRole + 1, // int(TaskState)
        RunningRole,                  // double 0…1
        ReadyRole,
        BlockedRole,
        PidRole,
        TidRole, // 0 for a process row
        SortRole,
        LingeringRole, // bool: the task is gone and the row waits to be removed
        GhostRole,      // bool: the task died while it mattered; the row stays, greyed, for the run (TaskRow::ghost)
        ReparentedRole, // bool: a process whose parent changed (an orphan adopted); its PPID cell is highlighted
    };

    explicit TaskTreeModel(QObject *parent = nullptr);
    ~TaskTreeModel() override;

    // One tick: `rows` is everything alive (or zombie) now; `now` is the session time in seconds, used for the
    // lingering of vanished rows. A thread row whose process row is missing is ignored.
    void update(const QList<TaskRow> &rows, double now);
    void clear();
    // After a language change: the header and every cell are shown again in the new words.
    void retranslate();
    void setLingerSeconds(double seconds) { m_lingerSeconds = seconds; }
    double lingerSeconds() const { return m_lingerSeconds; }

    // The row behind an index, or null.
    const TaskRow *taskAt(const QModelIndex &index) const;
    QModelIndex indexOf(qint64 pid, qint64 tid, int column = 0) const;
    // Tasks by state for the status bar: every thread, and every process that shows no thread (a zombie).
    QHash<TaskState, int> countsByState() const;
    int taskCount() const { return int(m_nodes.size()); }

    static QString columnName(int column);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    struct ColumnSpan
    {
        int first = -1;
        int last = -1;
    };
    struct Node
    {
        TaskRow row;
        Node *parent = nullptr;
        QList<Node *> children;
        int rowInParent = 0;
        double goneAt = -1; // session time it vanished; -1 while alive
        ColumnSpan dirty;   // columns changed this tick, until emitChanged() has signalled them
    };

    // The first and last column in which `fresh` would look different from `shown` (shares to the percent, CPU
    // to a tenth); {-1, -1} when it would look the same.
    static ColumnSpan changedColumns(const TaskRow &shown, const TaskRow &fresh);
    Node *nodeOf(const QModelIndex &index) const;
    QModelIndex indexOfNode(const Node *node, int column = 0) const;
    Node *desiredParent(const Node *node, const QSet<quint64> &expired) const;
    bool isAncestor(const Node *ancestor, const Node *node) const;
    void renumber(Node *parent);
    void insertChildren(Node *parent, const QList<Node *> &children);
    void moveNode(Node *node, Node *newParent);
    void removeNodes(const QList<Node *> &nodes);
    void forget(Node *node);
    void emitChanged(const QList<Node *> &changed);
    QVariant display(const TaskRow &row, int column) const;
    QVariant sortValue(const TaskRow &row, int column) const;
    QString toolTip(const TaskRow &row, bool lingering) const;
    const QIcon &stateIcon(TaskState state) const;

    std::unique_ptr<Node> m_root;
    std::unordered_map<quint64, std::unique_ptr<Node>> m_nodes;
    double m_lingerSeconds = 3.0;
    // One icon per state, made on first use: building a QIcon from its SVG on every paint of every state cell
    // was the window's largest cost at 500 threads (each one parses the file again and renders it afresh).
    mutable std::array<QIcon, std::size_t(TaskState::Terminated) + 1> m_stateIcons;
};
