#include "CoreMapWidget.h"

#include "TimeSpan.h"

#include "StateTimelineWidget.h"

#include <QPaintEvent>
#include <QPainter>
#include <QSet>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {
constexpr int LaneHeight = 16;
}

CoreMapWidget::CoreMapWidget(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

QSize CoreMapWidget::sizeHint() const
{
    return {StateTimelineWidget::LabelWidth + 300, int(std::max<qsizetype>(1, m_cores.size())) * laneHeight() + 4};
}

QSize CoreMapWidget::minimumSizeHint() const
{
    return sizeHint();
}

int CoreMapWidget::laneHeight() const
{
    return std::clamp(MaxHeight / int(std::max<qsizetype>(1, m_cores.size())), 2, LaneHeight);
}

void CoreMapWidget::setCoreCount(int cores)
{
    // A crafted recording's header can say anything ("cores": -1 or 2^31): never trust it for a size.
    cores = std::clamp(cores, 0, MaxLanes);
    if (cores == m_cores.size())
        return;
    m_cores = QList<QList<CoreRun>>(cores);
    setFixedHeight(sizeHint().height());
    updateGeometry();
}

void CoreMapWidget::addSample(double t, const QList<TaskRow> &rows)
{
    const double start = m_lastT >= 0 && t - m_lastT < 5 ? m_lastT : t;
    QList<const TaskRow *> best(m_cores.size(), nullptr);
    QSet<qint64> newlyControl; // control loops known from this sample on
    for (const TaskRow &row : rows) {
        if (row.labControl && !m_control.contains(row.tid))
            newlyControl.insert(row.tid);
        // Lab threads only: ProcLab's control loop taking a slice is no lesson (hidden in the table and lanes too).
        if (row.isProcess() || row.labControl || row.core < 0 || row.core >= m_cores.size() || row.running < 0.05)
            continue;
        const TaskRow *&current = best[row.core];
        if (!current || row.running > current->running)
            current = &row;
    }
    for (int core = 0; core < m_cores.size(); ++core) {
        QList<CoreRun> &runs = m_cores[core];
        // A control loop is known once its process's first lab thread is: what it ran before that goes too.
        if (!newlyControl.isEmpty())
            runs.removeIf([&](const CoreRun &run) { return newlyControl.contains(run.tid); });
        if (const TaskRow *row = best.at(core)) {
            if (!runs.isEmpty() && runs.last().tid == row->tid && runs.last().end >= start - 1e-9)
                runs.last().end = t;
            else
                runs.append({start, t, row->tid});
        }
        qsizetype old = 0;
        while (old < runs.size() && runs.at(old).end < t - m_window)
            ++old;
        runs.remove(0, old);
    }
    m_control.unite(newlyControl);
    m_now = t;
    m_lastT = t;
    update();
}

void CoreMapWidget::setHistory(double now, const QList<QList<CoreRun>> &cores)
{
    const int count = int(std::min<qsizetype>(cores.size(), MaxLanes));
    if (count != m_cores.size())
        setCoreCount(count);
    m_cores = cores.mid(0, count);
    for (QList<CoreRun> &runs : m_cores)
        runs.removeIf([horizon = now - m_window](const CoreRun &run) { return run.end < horizon; });
    m_now = now;
    m_lastT = now;
    update();
}

void CoreMapWidget::clear()
{
    for (QList<CoreRun> &runs : m_cores)
        runs.clear();
    m_control.clear();
    m_lastT = -1;
    update();
}

qint64 CoreMapWidget::threadAt(int core, double t) const
{
    if (core < 0 || core >= m_cores.size())
        return 0;
    for (const CoreRun &run : m_cores.at(core)) {
        if (t >= run.start && t <= run.end)
            return run.tid;
    }
    return 0;
}

QColor CoreMapWidget::colorOf(qint64 tid)
{
    // Golden-ratio hues: neighbouring TIDs get clearly different colours.
    const double hue = std::fmod(double(tid) * 0.61803398875, 1.0);
    return QColor::fromHsvF(float(hue), 0.55f, 0.85f);
}

void CoreMapWidget::paintEvent(QPaintEvent *event)
{
    QPainter painter(this);
    painter.fillRect(event->rect(), palette().color(QPalette::Base));
    const int labelWidth = StateTimelineWidget::LabelWidth;
    const QRect plot(labelWidth, 0, std::max(10, width() - labelWidth - 6), height());
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    painter.setFont(small);
    const QFontMetrics metrics(small);
    // The same stretch of time as the state timeline above it and the charts (TimeSpan).
    const TimeSpan span = TimeSpan::fitting(m_now, m_window);
    const auto xOf = [&](double t) { return span.xOf(t, plot.left(), plot.width()); };
    const int lane = laneHeight();
    const int gap = lane >= 8 ? 2 : 0;
    for (int core = 0; core < m_cores.size(); ++core) {
        const int y = core * lane;
        if (y > event->rect().bottom() || y + lane < event->rect().top())
            continue;
        painter.setPen(palette().color(QPalette::Text));
        if (lane >= 12)
            painter.drawText(QRect(4, y, labelWidth - 8, lane), Qt::AlignVCenter, tr("core %1").arg(core));
        painter.fillRect(QRect(plot.left(), y + gap, plot.width(), lane - 2 * gap),
                         palette().color(QPalette::AlternateBase));
        for (const CoreRun &run : m_cores.at(core)) {
            const double x1 = std::max<double>(plot.left(), xOf(run.start));
            const double x2 = std::min<double>(plot.right(), xOf(run.end));
            if (x2 <= x1 - 1)
                continue;
            const QRectF box(x1, y + gap, std::max(1.0, x2 - x1), lane - 2 * gap);
            painter.fillRect(box, colorOf(run.tid));
            const QString label = QString::number(run.tid);
            if (lane >= 12 && metrics.horizontalAdvance(label) + 4 < box.width()) {
                painter.setPen(Qt::black);
                painter.drawText(box, Qt::AlignCenter, label);
            }
        }
    }
}
