#include "EventLogPanel.h"

#include "EventLogModel.h"
#include "EventLogProxy.h"
#include "base/EventKind.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QScrollBar>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

EventLogPanel::EventLogPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new EventLogModel(this))
    , m_proxy(new EventLogProxy(this))
    , m_kinds(new QToolButton(this))
    , m_task(new QLineEdit(this))
    , m_view(new QTableView(this))
{
    m_proxy->setLogModel(m_model);
    auto *menu = new QMenu(m_kinds);
    for (const QString &family : EventLogFilter::knownFamilies()) {
        QAction *action = menu->addAction(family);
        action->setCheckable(true);
        action->setChecked(true);
        connect(action, &QAction::toggled, this, &EventLogPanel::applyFilter);
        m_familyActions << action;
    }
    m_kinds->setMenu(menu);
    m_kinds->setPopupMode(QToolButton::InstantPopup);
    m_task->setObjectName(u"eventTaskFilter"_s);
    m_task->setClearButtonEnabled(true);
    connect(m_task, &QLineEdit::textChanged, this, &EventLogPanel::applyFilter);

    m_view->setObjectName(u"eventLog"_s);
    m_view->setModel(m_proxy);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 4);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setWordWrap(false);
    m_view->setColumnWidth(EventLogModel::TimeColumn, fontMetrics().horizontalAdvance(u"00000.000"_s) + 12);
    m_view->setColumnWidth(EventLogModel::KindColumn, fontMetrics().horizontalAdvance(EventKind::DeadlockDetected) + 12);
    m_view->setColumnWidth(EventLogModel::PidColumn, fontMetrics().horizontalAdvance(u"0000000"_s));
    m_view->setColumnWidth(EventLogModel::TidColumn, fontMetrics().horizontalAdvance(u"0000000"_s));

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_kinds);
    bar->addWidget(m_task, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    retranslate();
}

void EventLogPanel::append(const QList<SessionEvent> &events)
{
    QScrollBar *scroll = m_view->verticalScrollBar();
    const bool following = scroll->value() >= scroll->maximum() - 2;
    m_model->append(events);
    if (following)
        m_view->scrollToBottom();
}

void EventLogPanel::clear()
{
    m_model->clear();
}

void EventLogPanel::applyFilter()
{
    EventLogFilter filter = m_proxy->filter();
    QStringList families;
    bool all = true;
    for (QAction *action : std::as_const(m_familyActions)) {
        if (action->isChecked())
            families << action->text();
        else
            all = false;
    }
    // All checked means "every family", including kinds this build does not list.
    filter.setFamilies(all ? QStringList() : (families.isEmpty() ? QStringList{u"-"_s} : families));
    filter.setTask(m_task->text());
    m_proxy->setFilter(filter);
}

void EventLogPanel::retranslate()
{
    m_kinds->setText(tr("Kinds"));
    m_kinds->setToolTip(tr("Show only some kinds of event"));
    m_task->setPlaceholderText(tr("Filter by PID or TID, or a word"));
    m_task->setAccessibleName(tr("Filter events by task"));
    m_view->setAccessibleName(tr("Event log"));
}

void EventLogPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}
