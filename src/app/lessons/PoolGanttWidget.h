#pragma once

#include "session/SessionReportData.h"

#include <QList>
#include <QWidget>

// The pool's Gantt chart in the window: one lane per worker process, one bar per task as it ended (pool.task, in
// session time), coloured by mode; the modes (apply, apply_async, map) run one after the other on the same
// workers, so each takes its own stretch of time under its name, its makespan marked, and the key gives each
// mode's makespan beside the sum of its task times. Fed every frame by FrameFanOut (live: it grows as tasks end; replay: the
// tasks ended by the chosen moment). The tasks are core's (SessionMoment::poolTasks), parsed once.
class PoolGanttWidget : public QWidget
{
    Q_OBJECT
public:
    explicit PoolGanttWidget(QWidget *parent = nullptr);

    void setTasks(const QList<SessionReportData::PoolTask> &tasks);
    void clear();
    qsizetype taskCount() const { return m_tasks.size(); }
    const QList<SessionReportData::PoolTask> &tasks() const { return m_tasks; }
    // The modes shown, in the lesson's order (apply, apply_async, map), only those with a task.
    QStringList modes() const;
    // The makespan of a mode: its first task's start to its last task's end, seconds; 0 when it has none.
    double makespan(const QString &mode) const;
    // The sum of a mode's task times, seconds.
    double taskTimeSum(const QString &mode) const;

    // The lane labels the last paint drew ("PID 812"), for tests: at a laptop's height every lane is named.
    QStringList drawnLaneLabels() const { return m_drawnLanes; }

    QSize sizeHint() const override { return {480, 240}; }
    QSize minimumSizeHint() const override { return {240, 120}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<SessionReportData::PoolTask> m_tasks;
    QStringList m_drawnLanes;
};
