#include "WaitGraphPanel.h"

#include "WaitGraphWidget.h"

#include "analysis/DeadlockExplainer.h"
#include "analysis/WaitForGraph.h"
#include "analysis/WaitGraphView.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

WaitGraphPanel::WaitGraphPanel(QWidget *parent)
    : QWidget(parent)
    , m_graph(new WaitGraphWidget(this))
    , m_explanation(new QLabel(this))
    , m_break(new QPushButton(QIcon(QStringLiteral(":/icons/break.svg")), QString(), this))
    , m_breakAction(new QAction(QIcon(QStringLiteral(":/icons/break.svg")), QString(), this))
{
    m_breakAction->setObjectName(QStringLiteral("actionBreakCycle"));
    m_breakAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    m_breakAction->setShortcutContext(Qt::WindowShortcut);
    m_breakAction->setEnabled(false);
    m_explanation->setWordWrap(true);
    m_explanation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_break->setObjectName(QStringLiteral("breakCycle"));
    m_break->setEnabled(false);
    auto *side = new QVBoxLayout;
    side->addWidget(m_explanation, 1);
    side->addWidget(m_break);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_graph, 3);
    layout->addLayout(side, 2);
    connect(m_break, &QPushButton::clicked, m_breakAction, &QAction::trigger);
    connect(m_breakAction, &QAction::triggered, this, [this] {
        if (m_victim > 0)
            Q_EMIT breakRequested(m_victim);
    });
    retranslate();
}

void WaitGraphPanel::showWaitTick(const WaitTick &waitTick, bool live)
{
    WaitForGraph graph;
    graph.build(waitTick);
    m_graph->setGraph(WaitGraphView::build(waitTick, graph));

    m_victim = 0;
    QString words;
    if (!graph.cycles().isEmpty()) {
        const DeadlockCycle &cycle = graph.cycles().first();
        words = DeadlockExplainer::explainCycle(cycle);
        if (!cycle.members.isEmpty())
            m_victim = cycle.members.first().thread.pid;
    } else if (!graph.ownerDeadLocks().isEmpty()) {
        const OwnerDeadLock &lock = graph.ownerDeadLocks().first();
        words = DeadlockExplainer::explainOwnerDead(lock);
        if (!lock.waiters.isEmpty())
            m_victim = lock.waiters.first().pid;
    }
    m_explanation->setText(words.isEmpty() ? tr("No deadlock: every waiting thread can still be released by a "
                                                "thread that runs.")
                                           : words);
    if (!live)
        m_victim = 0;
    m_break->setEnabled(m_victim > 0);
    m_breakAction->setEnabled(m_victim > 0);
    m_break->setText(m_victim > 0 ? tr("Break it: kill process %1").arg(m_victim) : tr("Break it"));
}

void WaitGraphPanel::clear()
{
    m_graph->setGraph({});
    m_victim = 0;
    m_break->setEnabled(false);
    m_breakAction->setEnabled(false);
    retranslate();
}

QString WaitGraphPanel::explanation() const
{
    return m_explanation->text();
}

void WaitGraphPanel::retranslate()
{
    if (m_victim == 0) {
        m_break->setText(tr("Break it"));
        m_explanation->setText(tr("The wait-for graph shows who waits for whom. A cycle in it is a deadlock."));
    }
    const QString key = m_breakAction->shortcut().toString(QKeySequence::NativeText);
    m_break->setToolTip(tr("A thread cannot be killed from outside in POSIX: breaking the cycle kills the process "
                           "of one of its threads (%1).").arg(key));
    m_breakAction->setText(tr("&Break the deadlock"));
    m_breakAction->setToolTip(m_break->toolTip());
    m_graph->setAccessibleName(tr("Wait-for graph"));
}

void WaitGraphPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}
