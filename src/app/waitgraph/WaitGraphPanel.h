#pragma once

#include "analysis/WaitInput.h"

#include <QWidget>

class QAction;
struct DeadlockCycle;

class QLabel;
class QPushButton;
class WaitGraphWidget;

// The wait-for graph tab: the graph of the latest frame (its WaitTick → WaitForGraph → WaitGraphView, the input
// the analysis used), the explanation of a deadlock in words (DeadlockExplainer), and "Break it", which
// asks for the process of one cycle member to be killed — the only way to end a thread stuck for good.
class WaitGraphPanel : public QWidget
{
    Q_OBJECT
public:
    explicit WaitGraphPanel(QWidget *parent = nullptr);

    // Shows the graph of a frame's wait-for input (live: what the deadlock analysis took, futex observations
    // included; a replayed moment: ReplayWaits). `live`: "Break it" can act; a replay only explains.
    void showWaitTick(const WaitTick &tick, bool live = true);
    void clear();
    // A cycle or a lock whose owner died: threads that can never go on.
    bool hasDeadlock() const { return m_deadlock; }
    // The process "Break it" would kill (0: none — no kill can end the wait, or a replay), and why in words.
    qint64 victim() const { return m_victim; }
    QString victimReason() const { return m_why; }
    QString explanation() const;
    WaitGraphWidget *graphWidget() const { return m_graph; }
    // "Break it" as an action (Ctrl+B, enabled while a live deadlock has a process to kill): the button shows
    // it, the window puts it in a menu and takes its key.
    QAction *breakAction() const { return m_breakAction; }

Q_SIGNALS:
    // "Break it": kill this process (a member of the cycle).
    void breakRequested(qint64 pid);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    // Chooses what a kill could end the cycle with (BreakChoice), or nothing.
    void chooseVictim(const DeadlockCycle &cycle);
    static QString breakToolTip();

    WaitGraphWidget *m_graph;
    QLabel *m_explanation;
    QPushButton *m_break;
    QAction *m_breakAction;
    qint64 m_victim = 0;
    QString m_victimName;
    QString m_why;
    bool m_deadlock = false;
};
