#pragma once

#include "TimelineHistory.h"

#include <QWidget>

class CoreMapWidget;
class QLabel;
class QScrollArea;
class StateTimelineWidget;

// The timeline tab: a legend, the per-core map (which lab thread ran where) and below it one lane per thread
// (its state over time), on one time axis.
class TimelinePanel : public QWidget
{
    Q_OBJECT
public:
    explicit TimelinePanel(QWidget *parent = nullptr);
    void setCoreCount(int cores);
    void addSample(double t, const QList<TaskRow> &rows);
    // Replaces both histories (a replay's seek): thread lanes and per-core runs ending at `now`.
    void setHistory(double now, const QList<ThreadLane> &lanes, const QList<QList<CoreRun>> &cores);
    void clear();
    // Lanes for ProcLab's own control threads, as the task list's toggle says (StateTimelineWidget).
    void setOwnThreadsShown(bool shown);
    StateTimelineWidget *timeline() const { return m_timeline; }
    CoreMapWidget *coreMap() const { return m_cores; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QLabel *m_legend;
    QLabel *m_coresTitle;
    QLabel *m_threadsTitle;
    CoreMapWidget *m_cores;
    StateTimelineWidget *m_timeline;
    QScrollArea *m_scroll;
};
