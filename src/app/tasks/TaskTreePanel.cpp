#include "TaskTreePanel.h"

#include "EmptyTableHint.h"

#include "StateBadgeDelegate.h"
#include "StateShareDelegate.h"
#include "TaskActions.h"
#include "TaskCellDelegate.h"
#include "TaskStateStyle.h"
#include "TaskTreeModel.h"
#include "TaskTreeProxy.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QStyle>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <functional>

using namespace Qt::Literals::StringLiterals;

TaskTreePanel::TaskTreePanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new TaskTreeModel(this))
    , m_proxy(new TaskTreeProxy(this))
    , m_filter(new QLineEdit(this))
    , m_view(new QTreeView(this))
{
    m_proxy->setTaskModel(m_model);
    m_filter->setObjectName(u"taskFilter"_s);
    m_filter->setClearButtonEnabled(true);
    m_filter->addAction(QIcon(u":/icons/filter.svg"_s), QLineEdit::LeadingPosition);
    auto *bar = new QHBoxLayout;
    bar->setSpacing(2);
    bar->addWidget(m_filter, 1);
    for (TaskState state : TaskStateName::all()) {
        auto *button = new QToolButton(this);
        button->setCheckable(true);
        button->setIcon(TaskStateStyle::icon(state));
        button->setToolButtonStyle(Qt::ToolButtonIconOnly);
        button->setObjectName(u"stateFilter%1"_s.arg(int(state)));
        connect(button, &QToolButton::toggled, this, [this, state](bool on) { m_proxy->setStateShown(state, on); });
        bar->addWidget(button);
        m_stateButtons << button;
    }
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &TaskTreeProxy::setFilterText);
    m_filter->installEventFilter(this);

    m_view->setObjectName(u"taskTree"_s);
    m_view->setModel(m_proxy);
    m_hint = new EmptyTableHint(m_view, m_proxy, m_model);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(TaskTreeModel::PidColumn, Qt::AscendingOrder);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setItemDelegate(new TaskCellDelegate(m_view));
    m_view->setItemDelegateForColumn(TaskTreeModel::StateColumn, new StateBadgeDelegate(m_view));
    m_view->setItemDelegateForColumn(TaskTreeModel::ShareColumn, new StateShareDelegate(m_view));
    m_view->setIndentation(fontMetrics().horizontalAdvance(u"00"_s));
    QHeaderView *header = m_view->header();
    // No stretched last column: "Items done" would put its numbers a screen away from their header.
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setMinimumSectionSize(fontMetrics().horizontalAdvance(u"000"_s));
    // "Why blocked" right after the state: the two together are the lesson, and at 1280 pixels they must both be
    // on screen before the CPU figures are. The model's column numbers stay as they are.
    header->moveSection(header->visualIndex(TaskTreeModel::ReasonColumn), header->visualIndex(TaskTreeModel::StateColumn) + 1);
    const QFontMetrics metrics = fontMetrics();
    const int pad = 16;
    const int digits = metrics.horizontalAdvance(u"000000"_s) + pad;
    header->resizeSection(TaskTreeModel::PidColumn, digits + 2 * m_view->indentation());
    header->resizeSection(TaskTreeModel::TidColumn, digits);
    header->resizeSection(TaskTreeModel::PpidColumn, digits);
    header->resizeSection(TaskTreeModel::NameColumn, metrics.horizontalAdvance(u"queue-host (host)"_s) + pad);
    header->resizeSection(TaskTreeModel::StateColumn, metrics.horizontalAdvance(u"Terminated"_s) + metrics.height() + 24);
    header->resizeSection(TaskTreeModel::ReasonColumn, metrics.horizontalAdvance(u"lock L2 held by TID 81234"_s) + pad);
    header->resizeSection(TaskTreeModel::ShareColumn, 90);
    header->resizeSection(TaskTreeModel::CpuColumn, metrics.horizontalAdvance(u"100.0"_s) + pad);
    header->resizeSection(TaskTreeModel::CoreColumn, metrics.horizontalAdvance(u"Core"_s) + pad);
    connect(m_view, &QTreeView::customContextMenuRequested, this, &TaskTreePanel::showContextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &TaskTreePanel::emitSelection);
    connect(m_view, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        if (const TaskRow *row = m_model->taskAt(m_proxy->mapToSource(index)))
            Q_EMIT rowActivated(*row);
    });
    // The selected row's data changes every tick: keep the actions in step (a row turning Zombie enables Reap).
    connect(m_model, &QAbstractItemModel::dataChanged, this, &TaskTreePanel::emitSelection);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &parent) {
        // New processes open so their threads show; the user can fold them again.
        m_view->expand(parent);
        if (!parent.isValid())
            m_view->expandRecursively(QModelIndex());
    });

    for (int column = 0; column < TaskTreeModel::ColumnCount; ++column) {
        auto *action = new QAction(this);
        action->setCheckable(true);
        action->setChecked(true);
        connect(action, &QAction::toggled, this, [this, column](bool on) { m_view->setColumnHidden(column, !on); });
        m_columnActions << action;
    }

    m_ownThreadsAction = new QAction(this);
    m_ownThreadsAction->setObjectName(u"showOwnThreads"_s);
    m_ownThreadsAction->setCheckable(true);
    connect(m_ownThreadsAction, &QAction::toggled, m_proxy, &TaskTreeProxy::setOwnThreadsShown);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    m_layout = layout;
    setFocusProxy(m_view);
    m_growTimer = new QTimer(this);
    m_growTimer->setInterval(1000);
    connect(m_growTimer, &QTimer::timeout, this, &TaskTreePanel::growColumnsToRows);
    m_growTimer->start();
    retranslate();
}

void TaskTreePanel::growColumnsToRows()
{
    if (!isVisible())
        return;
    const QFontMetrics metrics = fontMetrics();
    const int pad = 16;
    // Why blocked first: it and State are the lesson and stay on screen, so a column grows only into the room the
    // table has beside the key columns (keyColumnsWidth), never pushing Why blocked out of view.
    struct Grow { int column; int cap; int wanted = 0; };
    Grow columns[] = {
        {TaskTreeModel::ReasonColumn, metrics.horizontalAdvance(u"parent of 22 orphans, killed at 10.0 s"_s) + pad},
        {TaskTreeModel::PpidColumn, metrics.horizontalAdvance(u"000000 (was 000000)"_s) + pad},
    };
    const std::function<void(const QModelIndex &)> visit = [&](const QModelIndex &parent) {
        for (int row = 0; row < m_proxy->rowCount(parent); ++row) {
            for (Grow &grow : columns) {
                const QString text = m_proxy->index(row, grow.column, parent).data().toString();
                if (!text.isEmpty())
                    grow.wanted = std::max(grow.wanted, metrics.horizontalAdvance(text) + pad);
            }
            visit(m_proxy->index(row, 0, parent));
        }
    };
    visit({});
    QHeaderView *header = m_view->header();
    int room = width() - keyColumnsWidth();
    for (const Grow &grow : columns) {
        const int now = header->sectionSize(grow.column);
        const int more = std::min({grow.wanted, grow.cap}) - now;
        if (more <= 0 || room <= 0)
            continue;
        header->resizeSection(grow.column, now + std::min(more, room));
        room -= std::min(more, room);
    }
}

void TaskTreePanel::fitReasons(const QString &sample)
{
    QHeaderView *header = m_view->header();
    const int wanted = fontMetrics().horizontalAdvance(sample) + 16;
    if (header->sectionSize(TaskTreeModel::ReasonColumn) < wanted)
        header->resizeSection(TaskTreeModel::ReasonColumn, wanted);
}

std::optional<TaskRow> TaskTreePanel::currentRow() const
{
    const QModelIndex index = m_proxy->mapToSource(m_view->currentIndex());
    if (const TaskRow *row = m_model->taskAt(index))
        return *row;
    return std::nullopt;
}

bool TaskTreePanel::selectTask(qint64 pid, qint64 tid)
{
    const QModelIndex index = m_proxy->mapFromSource(m_model->indexOf(pid, tid));
    if (!index.isValid())
        return false;
    m_view->setCurrentIndex(index);
    emitSelection();
    return true;
}

void TaskTreePanel::focusTable()
{
    m_view->setFocus(Qt::ShortcutFocusReason);
    if (!m_view->currentIndex().isValid() && m_proxy->rowCount() > 0)
        m_view->setCurrentIndex(m_proxy->index(0, 0));
}

bool TaskTreePanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_filter && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Down) {
        focusTable();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void TaskTreePanel::emitSelection()
{
    Q_EMIT selectionChanged(currentRow());
}

void TaskTreePanel::showContextMenu(const QPoint &pos)
{
    if (!m_actions)
        return;
    emitSelection();
    QMenu menu(this);
    m_actions->fillMenu(&menu);
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

void TaskTreePanel::retranslate()
{
    m_filter->setPlaceholderText(tr("Filter by PID, TID, name or reason (Ctrl+F)"));
    m_filter->setAccessibleName(tr("Filter tasks"));
    const QList<TaskState> states = TaskStateName::all();
    for (int i = 0; i < m_stateButtons.size(); ++i) {
        const QString name = TaskStateName::displayName(states.at(i));
        m_stateButtons[i]->setToolTip(tr("Show only %1 tasks (several may be chosen)").arg(name));
        m_stateButtons[i]->setAccessibleName(tr("Filter: %1").arg(name));
    }
    m_view->setAccessibleName(tr("Tasks"));
    m_ownThreadsAction->setText(tr("Show ProcLab's &own threads"));
    m_ownThreadsAction->setToolTip(tr("Show the control thread of every lab process (proclab-worker, waiting in "
                                      "poll() for ProcLab's commands)"));
    m_model->retranslate();
    for (int column = 0; column < m_columnActions.size(); ++column)
        m_columnActions[column]->setText(TaskTreeModel::columnName(column));
}

void TaskTreePanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void TaskTreePanel::setReplaying(bool replaying)
{
    m_hint->setReplaying(replaying);
}

int TaskTreePanel::keyColumnsWidth() const
{
    const QHeaderView *header = m_view->header();
    const int last = std::max(header->visualIndex(TaskTreeModel::ReasonColumn),
                              header->visualIndex(TaskTreeModel::StateColumn));
    int width = 0;
    for (int visual = 0; visual <= last; ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            width += header->sectionSize(logical);
    }
    return width + 2 * m_view->frameWidth() + m_view->style()->pixelMetric(QStyle::PM_ScrollBarExtent)
        + 2 * layout()->contentsMargins().left();
}

void TaskTreePanel::setHeader(QWidget *header)
{
    m_layout->insertWidget(0, header);
}
