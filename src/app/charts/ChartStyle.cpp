#include "ChartStyle.h"

#include <QAbstractAxis>
#include <QChart>
#include <QLegend>
#include <QValueAxis>

#include "timeline/TimeSpan.h"

#include <algorithm>

bool ChartStyle::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

void ChartStyle::apply(QChart *chart, const QPalette &palette)
{
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundBrush(palette.color(QPalette::Base));
    chart->setBackgroundRoundness(0);
    chart->setPlotAreaBackgroundVisible(false);
    chart->setTitleBrush(palette.color(QPalette::Text));
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->legend()->setLabelColor(palette.color(QPalette::Text));
    const QColor grid = palette.color(QPalette::Text).lighter(isDark(palette) ? 60 : 300);
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsBrush(palette.color(QPalette::Text));
        axis->setTitleBrush(palette.color(QPalette::Text));
        axis->setGridLineColor(isDark(palette) ? palette.color(QPalette::Mid) : palette.color(QPalette::Midlight));
        axis->setLinePenColor(grid);
    }
}

void ChartStyle::setRange(QValueAxis *axis, double from, double to, double step)
{
    if (axis->min() == from && axis->max() == to && axis->tickInterval() == step)
        return;
    const double oldLength = std::max(1e-9, axis->max() - axis->min());
    const double oldStep = std::max(1e-9, axis->tickInterval());
    if (oldLength / step <= (to - from) / oldStep) {
        axis->setTickInterval(step);
        axis->setRange(from, to);
    } else {
        axis->setRange(from, to);
        axis->setTickInterval(step);
    }
}

void ChartStyle::setTimeRange(QValueAxis *axis, const TimeSpan &span)
{
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0);
    setRange(axis, span.from, span.to, span.tickStep());
}
