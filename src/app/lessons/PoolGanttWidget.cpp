#include "PoolGanttWidget.h"

#include "session/SessionCharts.h"
#include "session/SessionDiagrams.h"

#include <QHash>
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
    m_drawnLanes.clear();
    if (m_tasks.isEmpty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect().adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap,
                         tr("The pool's tasks appear here as they end: one lane per worker process, one bar per "
                            "task, apply, apply_async and map one after the other."));
        return;
    }
    // The modes run one after the other on the same workers: one lane per worker process (in the order the
    // workers first ran a task), each mode's bars in its colour, in its own stretch of time under its name.
    QList<qint64> pids;
    double from = m_tasks.first().start;
    double to = m_tasks.first().end;
    for (const SessionReportData::PoolTask &task : m_tasks) {
        if (!pids.contains(task.pid))
            pids << task.pid;
        from = std::min(from, task.start);
        to = std::max(to, task.end);
    }
    from = std::floor(from * 10) / 10;
    to = std::max(to, from + 0.1);

    const int line = metrics.height();
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);

    // The key, flowing onto as many lines as the width needs: each mode's colour, its makespan and the sum of
    // its task times.
    struct KeyEntry
    {
        QString mode;
        QString text;
        QRectF at;
    };
    QList<KeyEntry> key;
    double keyX = 4;
    double keyY = 2;
    const int swatch = line * 2 / 3;
    for (const QString &mode : modes()) {
        KeyEntry entry{mode, tr("%1: makespan %2 s, tasks' time %3 s").arg(mode, seconds(makespan(mode)),
                                                                             seconds(taskTimeSum(mode))), {}};
        const double w = swatch + 6 + boldMetrics.horizontalAdvance(entry.text);
        if (keyX > 4 && keyX + w > width() - 4) {
            keyX = 4;
            keyY += line + 4;
        }
        entry.at = QRectF(keyX, keyY, w, line + 2);
        keyX += w + 18;
        key << entry;
    }
    painter.setFont(bold);
    for (const KeyEntry &entry : std::as_const(key)) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(SessionDiagrams::modeColour(entry.mode)));
        painter.drawRect(QRectF(entry.at.left(), entry.at.center().y() - swatch / 2.0, swatch, swatch));
        painter.setPen(ink);
        painter.drawText(entry.at.adjusted(swatch + 6, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, entry.text);
    }
    painter.setFont(font());

    const int axisH = line + 6;
    const double groupTop = keyY + line + 8; // the modes' names over their stretch of time
    const double lanesTop = groupTop + line + 4;
    const int bottom = height() - axisH;
    const double laneH = std::clamp((bottom - lanesTop) / std::max<qsizetype>(1, pids.size()), 6.0, 2.5 * line);
    const int left = metrics.horizontalAdvance(tr("PID %1").arg(999999)) + 12;
    const int right = width() - 10;
    const auto x = [&](double t) { return left + (t - from) / (to - from) * (right - left); };

    // The time axis, in session seconds, behind everything.
    const double step = SessionCharts::tickStep(to - from, std::max(2, (right - left) / 70));
    for (double t = std::ceil(from / step) * step; t <= to + step * 1e-6; t += step) {
        painter.setPen(grid);
        painter.drawLine(QPointF(x(t), groupTop), QPointF(x(t), bottom));
        painter.setPen(ink);
        painter.drawText(QRectF(x(t) - 40, bottom + 2, 80, line), Qt::AlignCenter, tr("%1 s").arg(seconds(t)));
    }

    QHash<qint64, double> laneY;
    for (qsizetype i = 0; i < pids.size(); ++i) {
        const double y = lanesTop + i * laneH;
        laneY.insert(pids.at(i), y);
        // Every lane is named when there is a line's height for it; thinner, every other one.
        if (laneH >= line * 0.8 || i % 2 == 0) {
            const QString label = tr("PID %1").arg(pids.at(i));
            painter.setPen(ink);
            painter.drawText(QRectF(0, y + laneH / 2 - line / 2.0, left - 6, line), Qt::AlignRight | Qt::AlignVCenter,
                             label);
            m_drawnLanes << label;
        }
    }
    const double lanesBottom = lanesTop + pids.size() * laneH;
    for (const QString &mode : modes()) {
        const QColor colour(SessionDiagrams::modeColour(mode));
        painter.setPen(Qt::NoPen);
        painter.setBrush(colour);
        double first = to;
        double last = from;
        for (const SessionReportData::PoolTask &task : m_tasks) {
            if (task.mode != mode)
                continue;
            first = std::min(first, task.start);
            last = std::max(last, task.end);
            painter.drawRect(QRectF(x(task.start), laneY.value(task.pid) + 2,
                                    std::max(1.5, x(task.end) - x(task.start) - 1.5), std::max(2.0, laneH - 4)));
        }
        // The makespan: a bracket from the mode's first start to its last end, its name over it.
        painter.setPen(QPen(colour.darker(130), 2, Qt::DashLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRectF(QPointF(x(first), lanesTop - 2), QPointF(x(last), lanesBottom + 1)));
        painter.setPen(colour.darker(130));
        painter.setFont(bold);
        painter.drawText(QRectF(x(first), groupTop, std::max(x(last) - x(first), 1.0) + 200, line + 2),
                         Qt::AlignLeft | Qt::AlignVCenter, mode);
        painter.setFont(font());
    }
}
