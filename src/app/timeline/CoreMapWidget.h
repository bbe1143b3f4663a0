#pragma once

#include "TimelineHistory.h"

#include <QList>
#include <QSet>
#include <QWidget>

// One lane per core showing which lab thread ran there over the whole run while it is short and the last windowSeconds() once it is long (TimeSpan) — `perf sched map`, live.
// A core counts as running a thread when that thread spent at least a quarter of the interval running and last
// ran on that core; the busiest such thread wins. Each thread keeps one colour; its TID is written where the
// run is wide enough.
class CoreMapWidget : public QWidget
{
    Q_OBJECT
public:
    explicit CoreMapWidget(QWidget *parent = nullptr);

    // Safe for any count: below 0 is 0, and at most MaxLanes lanes are drawn (cores beyond them are left out), in
    // lanes that get thinner past 16 cores so that the map stays at most MaxHeight pixels tall.
    void setCoreCount(int cores);
    int coreCount() const { return int(m_cores.size()); }
    int laneHeight() const;
    static constexpr int MaxLanes = 256;
    static constexpr int MaxHeight = 512;
    void addSample(double t, const QList<TaskRow> &rows);
    // Replaces the history with one list of runs per core (a replay's last minute), "now" being `now`.
    void setHistory(double now, const QList<QList<CoreRun>> &cores);
    const QList<QList<CoreRun>> &history() const { return m_cores; }
    void clear();
    void setWindowSeconds(double seconds) { m_window = seconds; }
    // The TID that ran on `core` at time t, 0 when none; for tests.
    qint64 threadAt(int core, double t) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    static QColor colorOf(qint64 tid);

    QList<QList<CoreRun>> m_cores;
    double m_now = 0;
    double m_lastT = -1;
    QSet<qint64> m_control; // TIDs known as control loops: their runs were taken out once, when they became known
    double m_window = 60;
};
