#pragma once

#include "TimelineHistory.h"

#include <QColor>
#include <QMap>
#include <QWidget>

// One lane per lab thread, coloured by its state over the whole run while it is short and the last windowSeconds() once it is long (TimeSpan) — VisualVM's thread timeline, for
// real OS threads. The history is kept as runs of one state (a blocked thread that never wakes costs one run),
// runs older than the window are dropped, so memory stays bounded. Only the lanes inside the exposed rectangle
// are painted (the widget sits in a scroll area with hundreds of lanes).
class StateTimelineWidget : public QWidget
{
    Q_OBJECT
public:
    explicit StateTimelineWidget(QWidget *parent = nullptr);

    void addSample(double t, const QList<TaskRow> &rows);
    // Replaces the history with `lanes` (a replay's last minute, ReplayHistory), "now" being `now`; later
    // addSample() calls go on from there.
    void setHistory(double now, const QList<ThreadLane> &lanes);
    void clear();
    void setWindowSeconds(double seconds) { m_window = seconds; }
    double windowSeconds() const { return m_window; }
    int laneCount() const { return int(m_lanes.size()); }
    // ProcLab's own control threads get a lane only when the task list shows them too (View ▸ Show ProcLab's own
    // threads); their history is kept either way.
    void setOwnThreadsShown(bool shown);
    // The lanes drawn, in order (by PID, then TID); for tests.
    QStringList shownLabels() const;
    // The lanes as kept (by PID, then TID); for tests.
    QList<ThreadLane> lanes() const;
    // The state of a thread's lane at time t (Terminated when it has no run there); for tests.
    TaskState stateAt(qint64 pid, qint64 tid, double t) const;

    static constexpr int LaneHeight = 14;
    static constexpr int HeaderHeight = 18;
    static constexpr int LabelWidth = 150;
    // The GIL band drawn along the top of a Python thread's lane (darker: held longer).
    static constexpr QColor GilBandColor{106, 27, 154};
    // The GIL share drawn for a thread's lane at time t (-1 when none); for tests.
    double gilAt(qint64 pid, qint64 tid, double t) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    struct Lane : ThreadLane
    {
        QString label;
    };
    double xOf(double t, const QRect &plot) const;
    void lanesChanged(int before);
    bool isShown(const Lane &lane) const { return m_ownThreadsShown || !lane.labControl; }
    int shownLaneCount() const;

    QMap<quint64, Lane> m_lanes; // ordered by PID, then TID
    double m_now = 0;
    double m_lastT = -1;
    double m_window = 60;
    bool m_ownThreadsShown = false;
};
