#include "PoolGanttWidget.h"

#include "session/SessionCharts.h"
#include "session/SessionDiagrams.h"

#include <QPainter>
#include <QPaintEvent>

#include <algorithm>
#include <cmath>
#include <map>

using namespace Qt::Literals::StringLiterals;

namespace {
const QStringList &modeOrder()
{
    static const QStringList order{u"apply"_s, u"apply_async"_s, u"map"_s};
    return order;
}

QString seconds(double s)
{
    return QString::number(s, 'f', s < 10 ? 2 : 1);
}
} // namespace

PoolGanttWidget::PoolGanttWidget(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"poolGantt"_s);
    setAccessibleName(tr("The pool's Gantt chart"));
}

void PoolGanttWidget::setTasks(const QList<SessionReportData::PoolTask> &tasks)
{
    if (tasks.size() == m_tasks.size() && tasks == m_tasks)
        return;
    m_tasks = tasks;
    update();
}

void PoolGanttWidget::clear()
{
    m_tasks.clear();
    update();
}

QStringList PoolGanttWidget::modes() const
{
    QStringList shown;
    for (const QString &mode : modeOrder()) {
        if (std::any_of(m_tasks.cbegin(), m_tasks.cend(), [&](const auto &task) { return task.mode == mode; }))
            shown << mode;
    }
    return shown;
}

double PoolGanttWidget::makespan(const QString &mode) const
{
    double from = -1;
    double to = -1;
    for (const SessionReportData::PoolTask &task : m_tasks) {
        if (task.mode != mode)
            continue;
        from = from < 0 ? task.start : std::min(from, task.start);
        to = std::max(to, task.end);
    }
    return from < 0 ? 0 : to - from;
}

double PoolGanttWidget::taskTimeSum(const QString &mode) const
{
    double sum = 0;
    for (const SessionReportData::PoolTask &task : m_tasks)
        sum += task.mode == mode ? task.end - task.start : 0;
    return sum;
}

void PoolGanttWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics metrics(font());
    const QColor ink = palette().color(QPalette::WindowText);
    QColor grid = ink;
    grid.setAlpha(50);
    if (m_tasks.isEmpty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect().adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap,
                         tr("The pool's tasks appear here as they end: one lane per worker process, one bar per "
                            "task, apply, apply_async and map one after the other."));
        return;
    }
    // Sections: a mode, then its workers' lanes, in the order the workers first ran a task of it.
    struct Section
    {
        QString mode;
        QList<qint64> pids;
    };
    QList<Section> sections;
    double from = m_tasks.first().start;
    double to = m_tasks.first().end;
    for (const QString &mode : modes()) {
        Section section{mode, {}};
        for (const SessionReportData::PoolTask &task : m_tasks) {
            if (task.mode == mode && !section.pids.contains(task.pid))
                section.pids << task.pid;
        }
        sections << section;
    }
    for (const SessionReportData::PoolTask &task : m_tasks) {
        from = std::min(from, task.start);
        to = std::max(to, task.end);
    }
    from = std::floor(from * 10) / 10;
    to = std::max(to, from + 0.1);

    const int line = metrics.height();
    const int headerH = line + 6;
    const int axisH = line + 6;
    int lanes = 0;
    for (const Section &section : sections)
        lanes += int(section.pids.size());
    const int available = height() - axisH - 4 - headerH * int(sections.size());
    const double laneH = std::clamp(double(available) / std::max(1, lanes), 6.0, 2.0 * line);
    const int left = metrics.horizontalAdvance(tr("PID %1").arg(999999)) + 12;
    const int right = width() - 10;
    const auto x = [&](double t) { return left + (t - from) / (to - from) * (right - left); };

    // The time axis, in session seconds, behind everything.
    const double step = SessionCharts::tickStep(to - from, std::max(2, (right - left) / 70));
    const int bottom = height() - axisH;
    painter.setPen(grid);
    for (double t = std::ceil(from / step) * step; t <= to + step * 1e-6; t += step) {
        painter.setPen(grid);
        painter.drawLine(QPointF(x(t), 0), QPointF(x(t), bottom));
        painter.setPen(ink);
        painter.drawText(QRectF(x(t) - 40, bottom + 2, 80, line), Qt::AlignCenter, tr("%1 s").arg(seconds(t)));
    }

    double y = 2;
    for (const Section &section : sections) {
        const QColor colour(SessionDiagrams::modeColour(section.mode));
        const double span = makespan(section.mode);
        // The header: the mode, its makespan against the sum of its task times.
        painter.setPen(ink);
        QFont bold = font();
        bold.setBold(true);
        painter.setFont(bold);
        painter.drawText(QRectF(4, y, width() - 8, line + 4), Qt::AlignLeft | Qt::AlignVCenter,
                         tr("%1: makespan %2 s, tasks' time %3 s").arg(section.mode, seconds(span),
                                                                        seconds(taskTimeSum(section.mode))));
        painter.setFont(font());
        y += headerH;
        const double sectionTop = y;
        QHash<qint64, double> laneY;
        for (qint64 pid : section.pids) {
            laneY.insert(pid, y);
            painter.setPen(ink);
            if (laneH >= line)
                painter.drawText(QRectF(0, y, left - 6, laneH), Qt::AlignRight | Qt::AlignVCenter,
                                 tr("PID %1").arg(pid));
            y += laneH;
        }
        for (const SessionReportData::PoolTask &task : m_tasks) {
            if (task.mode != section.mode)
                continue;
            const QRectF bar(x(task.start), laneY.value(task.pid) + 2, std::max(1.5, x(task.end) - x(task.start) - 1.5),
                             std::max(2.0, laneH - 4));
            painter.setPen(Qt::NoPen);
            painter.setBrush(colour);
            painter.drawRect(bar);
        }
        // The makespan: a bracket from the mode's first start to its last end.
        double first = to;
        double last = from;
        for (const SessionReportData::PoolTask &task : m_tasks) {
            if (task.mode == section.mode) {
                first = std::min(first, task.start);
                last = std::max(last, task.end);
            }
        }
        QPen mark(colour.darker(130), 2, Qt::DashLine);
        painter.setPen(mark);
        painter.drawLine(QPointF(x(first), sectionTop - 2), QPointF(x(first), y));
        painter.drawLine(QPointF(x(last), sectionTop - 2), QPointF(x(last), y));
        painter.drawLine(QPointF(x(first), sectionTop - 2), QPointF(x(last), sectionTop - 2));
    }
}
