#pragma once

#include "base/SessionEvent.h"

#include "frame/Frame.h"

#include <QObject>
#include <QTimer>

class CpuLoadChart;
class EventLogPanel;
class PoolGanttWidget;
class QTabWidget;
class QWidget;
class QueueChart;
class ResultCard;
class StatusBarController;
class TaskTreePanel;
class TimelinePanel;
class WaitGraphPanel;
struct ReplayHistory;

// The one place that hands a Frame to the window's views, whatever made it: a live experiment
// (SessionController), a watched program (ProgramSession) or a replayed moment (ReplayController). It also owns
// the one "clear every view". The wait-for graph is drawn from the frame's own input (what the analysis used)
// when its tab can be seen, and catches up when the tab is opened; deadlockChanged() follows the frames'
// `deadlocked`, so no one scans the events for deadlock.detected.
class FrameFanOut : public QObject
{
    Q_OBJECT
public:
    struct Views
    {
        TaskTreePanel *tasks = nullptr;
        CpuLoadChart *cpuChart = nullptr;
        QueueChart *queueChart = nullptr;
        TimelinePanel *timeline = nullptr;
        WaitGraphPanel *waitGraph = nullptr;
        EventLogPanel *eventLog = nullptr;
        ResultCard *resultCard = nullptr;
        StatusBarController *status = nullptr;
        QTabWidget *tabs = nullptr;    // the tabs the wait-for graph is one of
        QWidget *tabsHolder = nullptr; // what holds them (a dock): hidden, no tab is seen
        PoolGanttWidget *poolGantt = nullptr; // the pool's Gantt chart (a tab among `tabs`)
    };
    explicit FrameFanOut(const Views &views, QObject *parent = nullptr);

    // A live frame: every view takes it, the charts add its samples.
    void show(const Frame &frame);
    // A replayed moment: the charts take their samples from showHistory(); `back`: the position went back, so
    // the tree (whose ended rows linger) starts over.
    void showMoment(const Frame &frame, bool back);
    void showHistory(const ReplayHistory &history);
    // The session's events as they come (live) or up to the replayed moment (`reset`: they start over): the
    // event log and the result card take them.
    void showEvents(const QList<SessionEvent> &events, bool reset = false);
    // The live session ended (Stop, or the user's program exited): no frame comes any more, so every row still
    // shown turns Terminated and fades out over the tree's linger time, and the status bar's counts follow the
    // rows (no "10 Blocked" beside "No experiment running").
    void endLive();
    // Empties every view, hides the queue chart and forgets the last frame (a new session, a new replay).
    void clear();
    // The queue chart takes room only for a session that has a queue.
    void setQueuesShown(bool shown);
    const Views &views() const { return m_views; }

Q_SIGNALS:
    // The frames went from no unresolved deadlock to one, or back.
    void deadlockChanged(bool deadlocked);

private:
    void showCommon(const Frame &frame);
    void drawWaitsIfSeen();
    void fadeStep();

    static constexpr int FadeStepMs = 250;

    Views m_views;
    WaitTick m_waits;
    bool m_hasWaits = false;
    bool m_waitsLive = false;
    bool m_waitsStale = false;
    bool m_deadlocked = false;
    QTimer m_fade;         // after endLive(): advances the tree's lingering until its rows are gone
    double m_lastT = 0;    // the session time of the last frame shown
    double m_fadeT = 0;
    bool m_historyReset = false; // the replay's last move rebuilt the timeline: its frame adds nothing to it
};
