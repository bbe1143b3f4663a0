#include "StateTimelineWidget.h"

#include "TimeSpan.h"

#include "tasks/TaskStateStyle.h"

#include <QPaintEvent>
#include <QPainter>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

StateTimelineWidget::StateTimelineWidget(QWidget *parent)
    : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setMinimumHeight(sizeHint().height());
}

QSize StateTimelineWidget::sizeHint() const
{
    // With no lane yet, room for the hint under the time axis (it was drawn into a 4-pixel strip, under the labels).
    const int shown = shownLaneCount();
    const int lanes = shown == 0 ? fontMetrics().height() * 2 : shown * LaneHeight;
    return {LabelWidth + 300, HeaderHeight + lanes + 4};
}

QSize StateTimelineWidget::minimumSizeHint() const
{
    return {LabelWidth + 100, sizeHint().height()};
}

void StateTimelineWidget::addSample(double t, const QList<TaskRow> &rows)
{
    const double start = m_lastT >= 0 && t - m_lastT < 5 ? m_lastT : t;
    const int lanesBefore = shownLaneCount();
    for (const TaskRow &row : rows) {
        if (row.isProcess())
            continue;
        Lane &lane = m_lanes[row.key()];
        // The label is formatted only when the name changes: 500 lanes at 10 Hz made 5,000 strings a second.
        if (lane.tid == 0 || lane.name != row.name) {
            lane.pid = row.pid;
            lane.tid = row.tid;
            lane.name = row.name;
            lane.label = u"%1 %2"_s.arg(row.tid).arg(row.name);
        }
        lane.lastSeen = t;
        lane.labControl = row.labControl;
        if (!lane.runs.isEmpty() && lane.runs.last().state == row.state && lane.runs.last().end >= start - 1e-9)
            lane.runs.last().end = t;
        else
            lane.runs.append({start, t, row.state});
        if (row.gil >= 0) {
            if (!lane.gil.isEmpty() && qRound(lane.gil.last().share * 100) == qRound(row.gil * 100)
                && lane.gil.last().end >= start - 1e-9)
                lane.gil.last().end = t;
            else
                lane.gil.append({start, t, row.gil});
        }
    }
    m_now = t;
    m_lastT = t;
    const double horizon = t - m_window;
    for (auto it = m_lanes.begin(); it != m_lanes.end();) {
        if (it->lastSeen < horizon) {
            it = m_lanes.erase(it);
            continue;
        }
        qsizetype old = 0;
        while (old < it->runs.size() && it->runs.at(old).end < horizon)
            ++old;
        if (old > 0)
            it->runs.remove(0, old);
        qsizetype oldGil = 0;
        while (oldGil < it->gil.size() && it->gil.at(oldGil).end < horizon)
            ++oldGil;
        if (oldGil > 0)
            it->gil.remove(0, oldGil);
        ++it;
    }
    lanesChanged(lanesBefore);
    update();
}

int StateTimelineWidget::shownLaneCount() const
{
    return int(std::count_if(m_lanes.cbegin(), m_lanes.cend(), [this](const Lane &lane) { return isShown(lane); }));
}

void StateTimelineWidget::setOwnThreadsShown(bool shown)
{
    if (shown == m_ownThreadsShown)
        return;
    const int before = shownLaneCount();
    m_ownThreadsShown = shown;
    lanesChanged(before);
    update();
}

QStringList StateTimelineWidget::shownLabels() const
{
    QStringList labels;
    for (const Lane &lane : m_lanes) {
        if (isShown(lane))
            labels << lane.label;
    }
    return labels;
}

void StateTimelineWidget::lanesChanged(int before)
{
    if (shownLaneCount() != before) {
        setMinimumHeight(sizeHint().height());
        updateGeometry();
    }
}

void StateTimelineWidget::setHistory(double now, const QList<ThreadLane> &lanes)
{
    const int lanesBefore = shownLaneCount();
    m_lanes.clear();
    const double horizon = now - m_window;
    for (const ThreadLane &history : lanes) {
        if (history.lastSeen < horizon || history.runs.isEmpty())
            continue;
        Lane lane;
        static_cast<ThreadLane &>(lane) = history;
        lane.label = u"%1 %2"_s.arg(history.tid).arg(history.name);
        m_lanes.insert(TaskRow::keyOf(history.pid, history.tid), lane);
    }
    m_now = now;
    m_lastT = now;
    lanesChanged(lanesBefore);
    update();
}

QList<ThreadLane> StateTimelineWidget::lanes() const
{
    QList<ThreadLane> lanes;
    for (const Lane &lane : m_lanes)
        lanes << lane;
    return lanes;
}

void StateTimelineWidget::clear()
{
    m_lanes.clear();
    m_lastT = -1;
    setMinimumHeight(sizeHint().height());
    updateGeometry();
    update();
}

TaskState StateTimelineWidget::stateAt(qint64 pid, qint64 tid, double t) const
{
    const auto lane = m_lanes.constFind(TaskRow::keyOf(pid, tid));
    if (lane == m_lanes.cend())
        return TaskState::Terminated;
    for (const StateRun &run : lane->runs) {
        if (t >= run.start && t <= run.end)
            return run.state;
    }
    return TaskState::Terminated;
}

double StateTimelineWidget::gilAt(qint64 pid, qint64 tid, double t) const
{
    const auto lane = m_lanes.constFind(TaskRow::keyOf(pid, tid));
    if (lane == m_lanes.cend())
        return -1;
    for (const GilRun &run : lane->gil) {
        if (t >= run.start && t <= run.end)
            return run.share;
    }
    return -1;
}

double StateTimelineWidget::xOf(double t, const QRect &plot) const
{
    return TimeSpan::fitting(m_now, m_window).xOf(t, plot.left(), plot.width());
}

void StateTimelineWidget::paintEvent(QPaintEvent *event)
{
    QPainter painter(this);
    painter.fillRect(event->rect(), palette().color(QPalette::Base));
    const QRect plot(LabelWidth, HeaderHeight, std::max(10, width() - LabelWidth - 6), height() - HeaderHeight);
    const QColor text = palette().color(QPalette::Text);
    const QColor grid = palette().color(QPalette::Mid);

    // The time axis in session seconds, as the charts and the event log give it: the whole run while it is short,
    // the last minute once it is long (TimeSpan); a line marks "now" while the run has not reached the right edge.
    painter.setPen(text);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    painter.setFont(small);
    const TimeSpan span = TimeSpan::fitting(m_now, m_window);
    for (const double tick : span.ticks()) {
        const double x = xOf(tick, plot);
        painter.setPen(grid);
        painter.drawLine(QPointF(x, HeaderHeight - 3), QPointF(x, height()));
        painter.setPen(text);
        const QString label = tr("%1 s").arg(tick, 0, 'f', 0);
        // The last tick sits at the right edge: right-aligned so it is not cut in half.
        if (x > plot.right() - 40)
            painter.drawText(QRectF(x - 80, 0, width() - (x - 80) - 2, HeaderHeight - 3), Qt::AlignRight | Qt::AlignVCenter, label);
        else
            painter.drawText(QRectF(x - 40, 0, 80, HeaderHeight - 3), Qt::AlignCenter, label);
    }
    if (m_lastT >= 0 && m_now < span.to - 1e-9) {
        const double x = xOf(m_now, plot);
        painter.setPen(QPen(palette().color(QPalette::Highlight), 1, Qt::DashLine));
        painter.drawLine(QPointF(x, HeaderHeight - 3), QPointF(x, height()));
        painter.setPen(text);
    }
    if (shownLaneCount() == 0) {
        painter.drawText(plot, Qt::AlignCenter, tr("Start an experiment: every lab thread gets a lane here."));
        return;
    }

    const int firstLane = std::max(0, (event->rect().top() - HeaderHeight) / LaneHeight);
    const int lastLane = (event->rect().bottom() - HeaderHeight) / LaneHeight;
    int index = 0;
    const QFontMetrics metrics(small);
    for (auto it = m_lanes.cbegin(); it != m_lanes.cend(); ++it) {
        if (!isShown(*it))
            continue;
        const int lane = index++;
        if (lane < firstLane)
            continue;
        if (lane > lastLane)
            break;
        const int y = HeaderHeight + lane * LaneHeight;
        painter.setPen(text);
        painter.drawText(QRect(4, y, LabelWidth - 8, LaneHeight), Qt::AlignVCenter | Qt::AlignLeft,
                         metrics.elidedText(it->label, Qt::ElideRight, LabelWidth - 8));
        // A Python thread's lane gives its top to the GIL band, on the background, so the band reads on its own.
        const int stateTop = it->gil.isEmpty() ? 2 : 6;
        for (const StateRun &run : it->runs) {
            const double x1 = std::max<double>(plot.left(), xOf(run.start, plot));
            const double x2 = std::min<double>(plot.right(), xOf(run.end, plot));
            if (x2 <= x1 - 1)
                continue;
            painter.fillRect(QRectF(x1, y + stateTop, std::max(1.0, x2 - x1), LaneHeight - 2 - stateTop),
                             TaskStateStyle::color(run.state));
        }
        // The GIL band along the lane's top edge: as dark as the share of the time this thread held the GIL.
        for (const GilRun &run : it->gil) {
            const double x1 = std::max<double>(plot.left(), xOf(run.start, plot));
            const double x2 = std::min<double>(plot.right(), xOf(run.end, plot));
            if (x2 <= x1 - 1 || run.share <= 0.005)
                continue;
            QColor band = GilBandColor;
            band.setAlphaF(float(0.15 + 0.85 * std::clamp(run.share, 0.0, 1.0)));
            painter.fillRect(QRectF(x1, y + 1, std::max(1.0, x2 - x1), 4), band);
        }
    }
}
