#include "TimelinePanel.h"

#include "CoreMapWidget.h"
#include "StateTimelineWidget.h"
#include "tasks/TaskStateStyle.h"

#include <QEvent>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

TimelinePanel::TimelinePanel(QWidget *parent)
    : QWidget(parent)
    , m_legend(new QLabel(this))
    , m_coresTitle(new QLabel(this))
    , m_threadsTitle(new QLabel(this))
    , m_cores(new CoreMapWidget(this))
    , m_timeline(new StateTimelineWidget)
    , m_scroll(new QScrollArea(this))
{
    m_legend->setWordWrap(true);
    m_scroll->setWidget(m_timeline);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_legend);
    layout->addWidget(m_coresTitle);
    layout->addWidget(m_cores);
    layout->addWidget(m_threadsTitle);
    layout->addWidget(m_scroll, 1);
    retranslate();
}

void TimelinePanel::setCoreCount(int cores)
{
    m_cores->setCoreCount(cores);
}

void TimelinePanel::addSample(double t, const QList<TaskRow> &rows)
{
    m_cores->addSample(t, rows);
    m_timeline->addSample(t, rows);
}

void TimelinePanel::setHistory(double now, const QList<ThreadLane> &lanes, const QList<QList<CoreRun>> &cores)
{
    m_cores->setHistory(now, cores);
    m_timeline->setHistory(now, lanes);
}

void TimelinePanel::setOwnThreadsShown(bool shown)
{
    m_timeline->setOwnThreadsShown(shown);
}

void TimelinePanel::clear()
{
    m_cores->clear();
    m_timeline->clear();
}

void TimelinePanel::retranslate()
{
    QStringList parts;
    for (TaskState state : {TaskState::Running, TaskState::Ready, TaskState::Blocked,
                               TaskState::Stopped, TaskState::Zombie, TaskState::New}) {
        parts << u"<span style=\"color:%1\">■</span>&nbsp;%2"_s.arg(TaskStateStyle::color(state).name(),
                                                                    TaskStateName::displayName(state).toHtmlEscaped());
    }
    parts << u"<span style=\"color:%1\">▬</span>&nbsp;%2"_s.arg(StateTimelineWidget::GilBandColor.name(),
                                                              tr("holds the GIL (darker: longer)").toHtmlEscaped());
    m_legend->setText(parts.join(u"&nbsp;&nbsp; "_s));
    m_coresTitle->setText(u"<b>"_s + tr("Which lab thread ran on each core") + u"</b>"_s);
    m_threadsTitle->setText(u"<b>"_s + tr("The state of every lab thread over time") + u"</b>"_s);
    // Their axis labels and notes are painted, not held in labels: paint them again.
    m_timeline->update();
    m_cores->update();
}

void TimelinePanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}
