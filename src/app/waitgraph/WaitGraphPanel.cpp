#include "WaitGraphPanel.h"

#include "WaitGraphWidget.h"

using namespace Qt::Literals::StringLiterals;

#include "analysis/DeadlockExplainer.h"
#include "analysis/WaitForGraph.h"
#include "analysis/WaitGraphView.h"

#include <QAction>
#include <QEvent>
#include <QSet>
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
    m_victimName.clear();
    m_why.clear();
    m_deadlock = false;
    QString words;
    if (!graph.cycles().isEmpty()) {
        const DeadlockCycle &cycle = graph.cycles().first();
        words = DeadlockExplainer::explainCycle(cycle);
        m_deadlock = true;
        chooseVictim(cycle);
        if (live && m_victim > 0)
            words += u"\n\n"_s + tr("Break it: %1").arg(m_why);
    } else if (!graph.ownerDeadLocks().isEmpty()) {
        // The owner is dead already: killing a waiter ends that waiter, never the wait of the others. No offer.
        const OwnerDeadLock &lock = graph.ownerDeadLocks().first();
        words = DeadlockExplainer::explainOwnerDead(lock) + u"\n\n"_s
            + tr("No kill can free %1: its owner, TID %2, is already dead. Stop the experiment, or run it with a "
                 "robust lock (robust=true).").arg(lock.lock).arg(lock.ownerTid);
        m_deadlock = true;
    }
    m_explanation->setText(words.isEmpty() ? tr("No deadlock: every waiting thread can still be released by a "
                                                "thread that runs.")
                                           : words);
    if (!live)
        m_victim = 0;
    m_break->setEnabled(m_victim > 0);
    m_breakAction->setEnabled(m_victim > 0);
    m_break->setText(m_victim > 0 ? tr("Break it: kill process %1 (%2)").arg(m_victim).arg(m_victimName)
                                  : tr("Break it"));
    m_break->setToolTip(m_victim > 0 ? m_why : breakToolTip());
}

void WaitGraphPanel::chooseVictim(const DeadlockCycle &cycle)
{
    if (cycle.members.isEmpty())
        return;
    // A member waits for a child to end: killing that child ends the wait for certain (waitid returns).
    for (const CycleMember &member : cycle.members) {
        if (member.waitKind == WaitKind::Child && member.waitObject > 0) {
            m_victim = member.waitObject;
            m_victimName = tr("child of %1").arg(member.thread.name);
            m_why = tr("%1 waits for child %2 to end: killing the child ends that wait, and the cycle opens.")
                        .arg(member.thread.name).arg(member.waitObject);
            return;
        }
    }
    QSet<qint64> pids;
    for (const CycleMember &member : cycle.members)
        pids.insert(member.thread.pid);
    const CycleMember &first = cycle.members.first();
    m_victim = first.thread.pid;
    // The button names the process it kills, by the member whose process it is ("lock-taker-1's process"), not as
    // if the thread were the process.
    m_victimName = tr("%1's process").arg(first.thread.name);
    if (pids.size() == 1) {
        m_why = tr("Every thread of the cycle is in process %1: killing it ends them all, and the cycle with them.")
                    .arg(m_victim);
    } else {
        m_why = tr("Killing process %1 ends %2's wait and opens the cycle. The locks it holds (%3) stay taken by a "
                   "dead owner unless they are robust: then the others wait for that dead owner.")
                    .arg(m_victim).arg(first.thread.name)
                    .arg(first.locksHeld.isEmpty() ? tr("none") : first.locksHeld.join(u", "_s));
    }
}

QString WaitGraphPanel::breakToolTip()
{
    return tr("A thread cannot be killed from outside in POSIX: breaking the cycle kills the process of one of its "
              "threads. It is offered only where a kill can end the wait.");
}

void WaitGraphPanel::clear()
{
    m_graph->setGraph({});
    m_victim = 0;
    m_deadlock = false;
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
    if (m_victim == 0)
        m_break->setToolTip(breakToolTip());
    m_breakAction->setText(tr("&Break the deadlock"));
    m_breakAction->setToolTip(tr("%1 (%2)").arg(m_break->toolTip(), key));
    m_graph->setAccessibleName(tr("Wait-for graph"));
}

void WaitGraphPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}
