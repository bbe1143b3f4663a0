#pragma once

#include "LabTick.h"

#include "analysis/WaitInput.h"
#include "control/LabProcessInfo.h"

#include <QWidget>

class QLabel;
class QPushButton;
class WaitGraphWidget;

// The wait-for graph tab: the graph of the latest tick (WaitTickBuilder → WaitForGraph → WaitGraphView, the same
// analysis the recorder uses), the explanation of a deadlock in words (DeadlockExplainer), and "Break it", which
// asks for the process of one cycle member to be killed — the only way to end a thread stuck for good.
class WaitGraphPanel : public QWidget
{
    Q_OBJECT
public:
    explicit WaitGraphPanel(QWidget *parent = nullptr);

    void showTick(const LabTick &tick, const QList<LabProcessInfo> &processes);
    // Shows the graph of a wait-for input built elsewhere (a replayed moment: ReplayWaits). `live`: "Break it"
    // can act; a replay only explains.
    void showWaitTick(const WaitTick &tick, bool live = true);
    void clear();
    bool hasDeadlock() const { return m_victim > 0; }
    QString explanation() const;
    WaitGraphWidget *graphWidget() const { return m_graph; }

Q_SIGNALS:
    // "Break it": kill this process (a member of the cycle).
    void breakRequested(qint64 pid);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    WaitGraphWidget *m_graph;
    QLabel *m_explanation;
    QPushButton *m_break;
    qint64 m_victim = 0;
};
