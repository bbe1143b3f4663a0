#include "LessonViewPicker.h"

#include "frame/Frame.h"

#include <QDockWidget>
#include <QSet>
#include <QTabWidget>

#include <algorithm>

LessonViewPicker::LessonViewPicker(QTabWidget *tabs, QWidget *waitGraph, QWidget *gantt, QDockWidget *dock,
                                   QObject *parent)
    : QObject(parent)
    , m_tabs(tabs)
    , m_dock(dock)
    , m_waitGraph(waitGraph)
    , m_gantt(gantt)
{
    connect(tabs, &QTabWidget::currentChanged, this, [this] {
        if (!m_bringing && m_running)
            m_userChose = true;
    });
    // The dock going out of view during a run: the user chose the dock tabbed over it.
    if (dock) {
        connect(dock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
            if (!visible && !m_bringing && m_running)
                m_userChose = true;
        });
    }
}

void LessonViewPicker::runStarted()
{
    m_running = true;
    m_userChose = false;
    m_brought.clear();
}

void LessonViewPicker::bringForward(QWidget *page)
{
    if (!m_tabs || !m_running || m_userChose || m_brought.contains(page) || m_tabs->indexOf(page) < 0)
        return;
    m_brought.insert(page);
    m_bringing = true;
    m_tabs->setCurrentWidget(page);
    if (m_dock && m_dock->visibleRegion().isEmpty())
        m_dock->raise();
    m_bringing = false;
}

void LessonViewPicker::show(const Frame &frame)
{
    // The owner is dead once it is a ghost row (its process ended), not merely unseen by the sampler yet.
    QSet<qint64> ghosts;
    for (const TaskRow &row : frame.rows)
        if (row.ghost)
            ghosts.insert(row.tid);
    const bool deadOwner = std::any_of(frame.waits.locks.cbegin(), frame.waits.locks.cend(), [&](const LockState &lock) {
        return lock.ownerTid != 0 && !lock.ownerAlive && ghosts.contains(lock.ownerTid);
    });
    if (m_waitGraph && (frame.deadlocked || deadOwner))
        bringForward(m_waitGraph);
    if (m_gantt && !frame.poolTasks.isEmpty())
        bringForward(m_gantt);
}
