#pragma once

#include <QObject>
#include <QPointer>
#include <QSet>

class QDockWidget;
class QTabWidget;
class QWidget;
struct Frame;

// Brings the view that shows a run's lesson forward when the lesson happens — the wait-for graph when a cycle
// forms, the pool's Gantt chart when the first task ends — but never against the user: once the user picks a tab
// during the run, or another dock tabbed over its dock, nothing is brought forward until the next run. Each view comes forward at most once a run, and
// only the tab changes (the keyboard focus stays where it is).
class LessonViewPicker : public QObject
{
    Q_OBJECT
public:
    // `waitGraph` and `gantt`: the pages of `tabs` that show those lessons; `dock`: the dock `tabs` is in, raised
    // with them where the window has tabbed it behind another (the charts, at 1024 pixels).
    LessonViewPicker(QTabWidget *tabs, QWidget *waitGraph, QWidget *gantt, QDockWidget *dock = nullptr,
                     QObject *parent = nullptr);

    // A new run: the user has chosen nothing in it yet.
    void runStarted();
    void runStopped() { m_running = false; }
    // The lesson of `page` just happened; shows its tab unless the user chose one during this run.
    void bringForward(QWidget *page);
    // Looks at a live frame for a lesson that just happened: a cycle or a lock whose owner died holding it (the
    // wait-for graph), the pool's first ended task (the Gantt chart).
    void show(const Frame &frame);
    bool userChose() const { return m_userChose; }

private:
    QPointer<QTabWidget> m_tabs;
    QPointer<QDockWidget> m_dock;
    QPointer<QWidget> m_waitGraph;
    QPointer<QWidget> m_gantt;
    QSet<QWidget *> m_brought;
    bool m_running = false;
    bool m_userChose = false;
    bool m_bringing = false;
};
