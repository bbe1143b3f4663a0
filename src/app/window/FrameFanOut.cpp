#include "FrameFanOut.h"

#include "lessons/PoolGanttWidget.h"
#include "lessons/ResultCard.h"

#include "StatusBarController.h"
#include "charts/CpuLoadChart.h"
#include "charts/QueueChart.h"
#include "events/EventLogPanel.h"
#include "replay/ReplayHistory.h"
#include "tasks/TaskTreeModel.h"
#include "tasks/TaskTreePanel.h"
#include "timeline/TimelinePanel.h"
#include "waitgraph/WaitGraphPanel.h"

#include "frame/LabCoreShare.h"

#include <QTabWidget>

FrameFanOut::FrameFanOut(const Views &views, QObject *parent)
    : QObject(parent)
    , m_views(views)
{
    if (m_views.tabs)
        connect(m_views.tabs, &QTabWidget::currentChanged, this, &FrameFanOut::drawWaitsIfSeen);
    m_fade.setInterval(FadeStepMs);
    connect(&m_fade, &QTimer::timeout, this, &FrameFanOut::fadeStep);
}

void FrameFanOut::endLive()
{
    m_fadeT = m_lastT;
    fadeStep();
    if (m_views.tasks->model()->taskCount() > 0)
        m_fade.start();
}

void FrameFanOut::fadeStep()
{
    TaskTreeModel *model = m_views.tasks->model();
    model->update({}, m_fadeT);
    m_views.status->setCounts(model->countsByState());
    m_fadeT += FadeStepMs / 1000.0;
    if (model->taskCount() == 0)
        m_fade.stop();
}

void FrameFanOut::show(const Frame &frame)
{
    QList<double> busy;
    for (const CpuLoad &load : frame.cpus)
        busy << load.busy;
    m_views.cpuChart->addSample(frame.t, frame.cpus, LabCoreShare::perCore(frame.rows, int(frame.cpus.size()), busy));
    // An experiment without a queue gives the room to the CPU charts.
    setQueuesShown(!frame.queues.isEmpty());
    if (!frame.queues.isEmpty())
        m_views.queueChart->addSample(frame.t, frame.queues);
    m_historyReset = false;
    m_waitsLive = true;
    showCommon(frame);
}

void FrameFanOut::showMoment(const Frame &frame, bool back)
{
    if (back)
        m_views.tasks->model()->clear();
    m_waitsLive = false;
    showCommon(frame);
}

void FrameFanOut::showHistory(const ReplayHistory &history)
{
    m_historyReset = history.reset;
    if (history.reset) {
        m_views.cpuChart->setHistory(history.cpus);
        m_views.queueChart->setHistory(history.queues);
        m_views.timeline->setHistory(history.to, history.lanes, history.cores);
    } else {
        m_views.cpuChart->addSamples(history.cpus);
        m_views.queueChart->addSamples(history.queues);
    }
}

void FrameFanOut::showCommon(const Frame &frame)
{
    m_fade.stop();
    m_lastT = frame.t;
    if (m_views.poolGantt)
        m_views.poolGantt->setTasks(frame.poolTasks);
    m_views.tasks->model()->update(frame.rows, frame.t);
    if (!m_historyReset)
        m_views.timeline->addSample(frame.t, frame.rows);
    m_views.status->setCounts(m_views.tasks->model()->countsByState());
    if (frame.hasWaits) {
        m_waits = frame.waits;
        m_hasWaits = true;
        m_waitsStale = true;
        drawWaitsIfSeen();
    }
    if (frame.deadlocked != m_deadlocked) {
        m_deadlocked = frame.deadlocked;
        Q_EMIT deadlockChanged(m_deadlocked);
    }
}

void FrameFanOut::drawWaitsIfSeen()
{
    // The graph of 500 threads is worth laying out only where it is seen; its tab catches up when opened.
    if (!m_waitsStale || !m_hasWaits || !m_views.waitGraph || !m_views.tabs
        || m_views.tabs->currentWidget() != m_views.waitGraph
        || (m_views.tabsHolder && !m_views.tabsHolder->isVisible()))
        return;
    m_waitsStale = false;
    m_views.waitGraph->showWaitTick(m_waits, m_waitsLive);
}

void FrameFanOut::setQueuesShown(bool shown)
{
    m_views.queueChart->setVisible(shown);
}

void FrameFanOut::showEvents(const QList<SessionEvent> &events, bool reset)
{
    if (reset) {
        m_views.eventLog->clear();
        m_views.resultCard->clear();
    }
    m_views.eventLog->append(events);
    m_views.resultCard->append(events);
}

void FrameFanOut::clear()
{
    m_fade.stop();
    m_lastT = 0;
    m_views.tasks->model()->clear();
    m_views.eventLog->clear();
    m_views.resultCard->clear();
    m_views.cpuChart->clear();
    m_views.queueChart->clear();
    m_views.queueChart->setVisible(false);
    m_views.timeline->clear();
    m_views.waitGraph->clear();
    if (m_views.poolGantt)
        m_views.poolGantt->clear();
    m_waits = {};
    m_hasWaits = false;
    m_waitsStale = false;
    m_historyReset = false;
    if (m_deadlocked) {
        m_deadlocked = false;
        Q_EMIT deadlockChanged(false);
    }
}
