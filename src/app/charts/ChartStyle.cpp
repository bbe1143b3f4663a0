#include "ChartStyle.h"

#include <QAbstractAxis>
#include <QChart>
#include <QLegend>

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
