#include "TaskTreeModel.h"

#include "TaskStateStyle.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>
#include <QSet>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

TaskTreeModel::TaskTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{
}

TaskTreeModel::~TaskTreeModel() = default;

void TaskTreeModel::update(const QList<TaskRow> &rows, double now)
{
    QSet<quint64> seen;
    QList<Node *> changed;
    QList<Node *> newProcesses;
    QList<const TaskRow *> newThreads;
    for (const TaskRow &row : rows) {
        const quint64 key = row.key();
        seen.insert(key);
        auto found = m_nodes.find(key);
        if (found != m_nodes.end()) {
            Node *node = found->second.get();
            const ColumnSpan span = node->goneAt >= 0 ? ColumnSpan{0, ColumnCount - 1} : changedColumns(node->row, row);
            if (span.first >= 0) {
                node->row = row;
                node->goneAt = -1;
                node->dirty = span;
                changed << node;
            }
        } else if (row.isProcess()) {
            auto node = std::make_unique<Node>();
            node->row = row;
            newProcesses << node.get();
            m_nodes.emplace(key, std::move(node));
        } else {
            newThreads << &row;
        }
    }

    // Vanished rows turn Terminated and linger; expired ones go below. A process that vanished takes its threads.
    QSet<quint64> expired;
    for (auto &[key, node] : m_nodes) {
        if (seen.contains(key))
            continue;
        if (node->goneAt < 0) {
            node->goneAt = now;
            node->row.state = TaskState::Terminated;
            node->row.running = node->row.ready = node->row.blocked = 0;
            node->row.cpuPercent = 0;
            node->row.reason.clear();
            node->dirty = {0, ColumnCount - 1};
            changed << node.get();
        } else if (now - node->goneAt >= m_lingerSeconds) {
            expired.insert(key);
        }
    }

    if (!newProcesses.isEmpty())
        insertChildren(m_root.get(), newProcesses);

    // Re-parenting: every process goes under its parent process when that is shown, else to the top.
    QList<Node *> processes;
    for (auto &[key, node] : m_nodes) {
        if (node->row.isProcess() && !expired.contains(key))
            processes << node.get();
    }
    for (Node *process : std::as_const(processes)) {
        Node *wanted = desiredParent(process, expired);
        if (wanted != process->parent)
            moveNode(process, wanted);
    }

    QHash<Node *, QList<Node *>> threadsByProcess;
    QList<Node *> processOrder;
    for (const TaskRow *row : std::as_const(newThreads)) {
        auto owner = m_nodes.find(TaskRow::keyOf(row->pid, 0));
        if (owner == m_nodes.end())
            continue;
        auto node = std::make_unique<Node>();
        node->row = *row;
        if (!threadsByProcess.contains(owner->second.get()))
            processOrder << owner->second.get();
        threadsByProcess[owner->second.get()] << node.get();
        m_nodes.emplace(row->key(), std::move(node));
    }
    for (Node *process : std::as_const(processOrder))
        insertChildren(process, threadsByProcess.value(process));

    QList<Node *> doomed;
    for (quint64 key : std::as_const(expired))
        doomed << m_nodes.at(key).get();
    QSet<Node *> doomedSet(doomed.cbegin(), doomed.cend());
    changed.erase(std::remove_if(changed.begin(), changed.end(), [&](Node *n) { return doomedSet.contains(n); }),
                  changed.end());
    emitChanged(changed);
    if (!doomed.isEmpty())
        removeNodes(doomed);
}

TaskTreeModel::ColumnSpan TaskTreeModel::changedColumns(const TaskRow &shown, const TaskRow &fresh)
{
    // The smoothed shares and the CPU figure move a little on every tick for nearly every thread; compared at the
    // resolution they are shown with (whole percent, one decimal of CPU) many rows stay put. The shown row keeps
    // its values until a difference shows, so slow drift still surfaces once it crosses a step. Naming the columns
    // that changed lets the view repaint those cells only: the identity columns and the state badge rarely change,
    // and shaping their text again on every tick was most of the window's painting.
    const auto percent = [](double share) { return qRound(share * 100); };
    ColumnSpan span{-1, -1};
    const auto mark = [&span](int column) {
        span.first = span.first < 0 ? column : std::min(span.first, column);
        span.last = std::max(span.last, column);
    };
    if (shown.pid != fresh.pid)
        mark(PidColumn);
    if (shown.tid != fresh.tid)
        mark(TidColumn);
    if (shown.ppid != fresh.ppid || shown.formerPpid != fresh.formerPpid)
        mark(PpidColumn);
    // labControl is not drawn, but the proxy hides by it: a change must reach the proxy as a change of the name.
    if (shown.name != fresh.name || shown.role != fresh.role || shown.command != fresh.command
        || shown.threads != fresh.threads || shown.labControl != fresh.labControl)
        mark(NameColumn);
    if (shown.state != fresh.state || shown.letter != fresh.letter || shown.ghost != fresh.ghost)
        mark(StateColumn);
    if (percent(shown.running) != percent(fresh.running) || percent(shown.ready) != percent(fresh.ready)
        || percent(shown.blocked) != percent(fresh.blocked))
        mark(ShareColumn);
    if (qRound(shown.cpuPercent * 10) != qRound(fresh.cpuPercent * 10))
        mark(CpuColumn);
    if (shown.core != fresh.core)
        mark(CoreColumn);
    if (shown.reason != fresh.reason)
        mark(ReasonColumn);
    if (shown.itemsDone != fresh.itemsDone)
        mark(ItemsColumn);
    if ((shown.gil < 0) != (fresh.gil < 0) || percent(shown.gil) != percent(fresh.gil))
        mark(GilColumn);
    return span;
}

void TaskTreeModel::clear()
{
    beginResetModel();
    m_root->children.clear();
    m_nodes.clear();
    endResetModel();
}

void TaskTreeModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    QList<Node *> all;
    all.reserve(qsizetype(m_nodes.size()));
    for (const auto &[key, node] : m_nodes) {
        node->dirty = {0, ColumnCount - 1};
        all << node.get();
    }
    emitChanged(all);
}

TaskTreeModel::Node *TaskTreeModel::desiredParent(const Node *node, const QSet<quint64> &expired) const
{
    const quint64 parentKey = TaskRow::keyOf(node->row.ppid, 0);
    if (node->row.ppid <= 0 || expired.contains(parentKey))
        return m_root.get();
    auto found = m_nodes.find(parentKey);
    if (found == m_nodes.end() || found->second.get() == node || isAncestor(node, found->second.get()))
        return m_root.get();
    return found->second.get();
}

bool TaskTreeModel::isAncestor(const Node *ancestor, const Node *node) const
{
    for (const Node *p = node ? node->parent : nullptr; p; p = p->parent) {
        if (p == ancestor)
            return true;
    }
    return false;
}

void TaskTreeModel::renumber(Node *parent)
{
    for (int i = 0; i < parent->children.size(); ++i)
        parent->children[i]->rowInParent = i;
}

void TaskTreeModel::insertChildren(Node *parent, const QList<Node *> &children)
{
    const int first = int(parent->children.size());
    beginInsertRows(indexOfNode(parent), first, first + int(children.size()) - 1);
    for (Node *child : children) {
        child->parent = parent;
        child->rowInParent = int(parent->children.size());
        parent->children << child;
    }
    endInsertRows();
}

void TaskTreeModel::moveNode(Node *node, Node *newParent)
{
    Node *oldParent = node->parent;
    const int from = node->rowInParent;
    const int to = int(newParent->children.size());
    if (!beginMoveRows(indexOfNode(oldParent), from, from, indexOfNode(newParent), to))
        return;
    oldParent->children.removeAt(from);
    renumber(oldParent);
    node->parent = newParent;
    node->rowInParent = to;
    newParent->children << node;
    endMoveRows();
}

void TaskTreeModel::removeNodes(const QList<Node *> &nodes)
{
    // A node inside a subtree that goes anyway is removed with it.
    QSet<Node *> all(nodes.cbegin(), nodes.cend());
    QHash<Node *, QList<int>> rowsByParent;
    for (Node *node : nodes) {
        bool covered = false;
        for (Node *p = node->parent; p && !covered; p = p->parent)
            covered = all.contains(p);
        if (!covered)
            rowsByParent[node->parent] << node->rowInParent;
    }
    for (auto it = rowsByParent.begin(); it != rowsByParent.end(); ++it) {
        Node *parent = it.key();
        QList<int> rows = it.value();
        std::sort(rows.begin(), rows.end(), std::greater<>());
        // Contiguous runs, from the bottom up, so earlier row numbers stay valid.
        for (int i = 0; i < rows.size();) {
            int last = rows[i];
            int first = last;
            int j = i + 1;
            while (j < rows.size() && rows[j] == first - 1)
                first = rows[j++];
            beginRemoveRows(indexOfNode(parent), first, last);
            QList<Node *> gone = parent->children.mid(first, last - first + 1);
            parent->children.remove(first, last - first + 1);
            for (Node *node : std::as_const(gone))
                forget(node);
            renumber(parent);
            endRemoveRows();
            i = j;
        }
    }
}

void TaskTreeModel::forget(Node *node)
{
    const QList<Node *> children = node->children;
    for (Node *child : children)
        forget(child);
    m_nodes.erase(node->row.key());
}

void TaskTreeModel::emitChanged(const QList<Node *> &changed)
{
    struct Range
    {
        int firstRow, lastRow;
        ColumnSpan columns;
    };
    QHash<Node *, Range> ranges;
    for (Node *node : changed) {
        const ColumnSpan dirty = std::exchange(node->dirty, ColumnSpan{-1, -1});
        if (dirty.first < 0)
            continue;
        auto it = ranges.find(node->parent);
        if (it == ranges.end()) {
            ranges.insert(node->parent, {node->rowInParent, node->rowInParent, dirty});
            continue;
        }
        it->firstRow = std::min(it->firstRow, node->rowInParent);
        it->lastRow = std::max(it->lastRow, node->rowInParent);
        it->columns = {std::min(it->columns.first, dirty.first), std::max(it->columns.last, dirty.last)};
    }
    // One signal per parent, covering its changed rows and only the columns that changed in them (qBittorrent's
    // approach: cheaper than one per row; the view repaints the cells inside the range).
    for (auto it = ranges.cbegin(); it != ranges.cend(); ++it) {
        const QModelIndex parent = indexOfNode(it.key());
        Q_EMIT dataChanged(index(it->firstRow, it->columns.first, parent),
                           index(it->lastRow, it->columns.last, parent));
    }
}

const TaskRow *TaskTreeModel::taskAt(const QModelIndex &index) const
{
    const Node *node = nodeOf(index);
    return node && node != m_root.get() ? &node->row : nullptr;
}

QModelIndex TaskTreeModel::indexOf(qint64 pid, qint64 tid, int column) const
{
    auto found = m_nodes.find(TaskRow::keyOf(pid, tid));
    return found == m_nodes.end() ? QModelIndex() : indexOfNode(found->second.get(), column);
}

QHash<TaskState, int> TaskTreeModel::countsByState() const
{
    QHash<TaskState, int> counts;
    for (const auto &[key, node] : m_nodes) {
        bool hasThreads = false;
        if (node->row.isProcess()) {
            for (const Node *child : node->children)
                hasThreads = hasThreads || !child->row.isProcess();
            if (hasThreads)
                continue;
        }
        ++counts[node->row.state];
    }
    return counts;
}

TaskTreeModel::Node *TaskTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex TaskTreeModel::indexOfNode(const Node *node, int column) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->rowInParent, column, const_cast<Node *>(node));
}

QModelIndex TaskTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    const Node *p = nodeOf(parent);
    if (row < 0 || row >= p->children.size() || column < 0 || column >= ColumnCount)
        return {};
    return createIndex(row, column, p->children.at(row));
}

QModelIndex TaskTreeModel::parent(const QModelIndex &child) const
{
    const Node *node = nodeOf(child);
    return node == m_root.get() ? QModelIndex() : indexOfNode(node->parent);
}

int TaskTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int TaskTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QString TaskTreeModel::columnName(int column)
{
    switch (column) {
    case PidColumn: return tr("PID");
    case TidColumn: return tr("TID");
    case PpidColumn: return tr("PPID");
    case NameColumn: return tr("Role / name");
    case StateColumn: return tr("State");
    case ShareColumn: return tr("Time share");
    case CpuColumn: return tr("CPU %");
    case CoreColumn: return tr("Core");
    case ReasonColumn: return tr("Why blocked");
    case ItemsColumn: return tr("Items done");
    case GilColumn: return tr("GIL %");
    }
    return {};
}

QVariant TaskTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole)
        return columnName(section);
    if (role == Qt::ToolTipRole && section == ShareColumn)
        return tr("Share of the last interval spent running on a core (green), ready in the run queue (amber), and "
                  "blocked (blue).");
    if (role == Qt::ToolTipRole && section == GilColumn)
        return tr("CPython's GIL: the share of the last interval a thread held it, read from the process's memory; "
                  "on a process row all its threads together, never more than 100 %: one thread at a time runs "
                  "Python code.");
    return {};
}

Qt::ItemFlags TaskTreeModel::flags(const QModelIndex &index) const
{
    return index.isValid() ? Qt::ItemIsEnabled | Qt::ItemIsSelectable
                           : Qt::NoItemFlags;
}

QVariant TaskTreeModel::display(const TaskRow &row, int column) const
{
    switch (column) {
    case PidColumn: return row.pid;
    case TidColumn: return row.isProcess() ? QVariant() : QVariant(row.tid);
    case PpidColumn:
        if (!row.isProcess() || row.ppid <= 0)
            return {};
        // An orphan's new parent, with the old one beside it: the re-parenting is the lesson.
        if (row.formerPpid > 0 && row.formerPpid != row.ppid)
            return tr("%1 (was %2)").arg(row.ppid).arg(row.formerPpid);
        return row.ppid;
    case NameColumn:
        if (row.role.isEmpty() || row.name.startsWith(row.role))
            return row.name;
        return u"%1 (%2)"_s.arg(row.name, row.role);
    case StateColumn: return TaskStateName::displayName(row.state);
    case ShareColumn:
        return tr("%1% running, %2% ready, %3% blocked")
            .arg(qRound(row.running * 100)).arg(qRound(row.ready * 100)).arg(qRound(row.blocked * 100));
    case CpuColumn: return QString::number(row.cpuPercent, 'f', 1);
    case CoreColumn: return row.core >= 0 ? QVariant(row.core) : QVariant();
    case ReasonColumn: return row.reason;
    case ItemsColumn: return row.itemsDone >= 0 ? QVariant(row.itemsDone) : QVariant();
    case GilColumn: return row.gil >= 0 ? QVariant(QString::number(qRound(row.gil * 100))) : QVariant();
    }
    return {};
}

QVariant TaskTreeModel::sortValue(const TaskRow &row, int column) const
{
    switch (column) {
    case PidColumn: return row.pid;
    case TidColumn: return row.tid;
    case PpidColumn: return row.ppid;
    case NameColumn: return row.name;
    case StateColumn: return int(row.state);
    case ShareColumn: return row.running * 1e6 + row.ready * 1e3 + row.blocked;
    case CpuColumn: return row.cpuPercent;
    case CoreColumn: return row.core;
    case ReasonColumn: return row.reason;
    case ItemsColumn: return row.itemsDone;
    case GilColumn: return row.gil;
    }
    return {};
}

QString TaskTreeModel::toolTip(const TaskRow &row, bool lingering) const
{
    QString text = row.isProcess() ? tr("Process %1").arg(row.pid) : tr("Thread %1 of process %2").arg(row.tid).arg(row.pid);
    if (!row.command.isEmpty())
        text += u"\n"_s + tr("Program: %1").arg(row.command);
    text += u"\n"_s + TaskStateName::displayName(row.state) + u": "_s + TaskStateStyle::meaning(row.state);
    if (row.letter)
        text += u"\n"_s + tr("Kernel state letter: %1").arg(QChar::fromLatin1(row.letter));
    if (row.formerPpid > 0 && row.formerPpid != row.ppid)
        text += u"\n"_s + tr("Re-parented: its parent %1 died, and %2 adopted it.").arg(row.formerPpid).arg(row.ppid);
    if (row.ghost)
        text += u"\n"_s + tr("Gone, kept for the rest of the run because it mattered: %1").arg(row.reason);
    else if (!row.reason.isEmpty())
        text += u"\n"_s + tr("Why blocked: %1").arg(row.reason);
    if (lingering)
        text += u"\n"_s + tr("Gone: this row disappears in a few seconds.");
    return text;
}

const QIcon &TaskTreeModel::stateIcon(TaskState state) const
{
    QIcon &icon = m_stateIcons.at(std::size_t(state));
    if (icon.isNull())
        icon = TaskStateStyle::icon(state);
    return icon;
}

QVariant TaskTreeModel::data(const QModelIndex &index, int role) const
{
    const TaskRow *row = taskAt(index);
    if (!row)
        return {};
    const Node *node = nodeOf(index);
    const bool lingering = node->goneAt >= 0;
    switch (role) {
    case Qt::DisplayRole: return display(*row, index.column());
    case Qt::AccessibleTextRole:
        return display(*row, index.column()).toString();
    case Qt::DecorationRole:
        if (index.column() == StateColumn)
            return stateIcon(row->state);
        return {};
    case Qt::ToolTipRole: return toolTip(*row, lingering);
    case Qt::ForegroundRole:
        if (lingering || row->ghost)
            return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::BackgroundRole:
        if (index.column() == PpidColumn && row->isProcess() && row->formerPpid > 0 && row->formerPpid != row->ppid)
            return TaskStateStyle::reparentedBackground();
        return {};
    case Qt::FontRole:
        if (lingering || row->ghost || row->state == TaskState::Zombie) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case PidColumn:
        case TidColumn:
        case PpidColumn:
        case CpuColumn:
        case CoreColumn:
        case ItemsColumn:
        case GilColumn: return int(Qt::AlignRight | Qt::AlignVCenter);
        default: return {};
        }
    case StateRole: return int(row->state);
    case RunningRole: return row->running;
    case ReadyRole: return row->ready;
    case BlockedRole: return row->blocked;
    case PidRole: return row->pid;
    case TidRole: return row->tid;
    case SortRole: return sortValue(*row, index.column());
    case LingeringRole: return lingering;
    case GhostRole: return row->ghost;
    case ReparentedRole: return row->isProcess() && row->formerPpid > 0 && row->formerPpid != row->ppid;
    }
    return {};
}
