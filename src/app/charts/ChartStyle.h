#pragma once

#include <QPalette>

class QChart;

// Makes a Qt Chart follow the window's palette (light or dark, including "System", whose scheme Qt 6.4 can only
// be judged from the palette) and turns off everything that costs time on every tick: animations, markers.
class ChartStyle
{
public:
    static void apply(QChart *chart, const QPalette &palette);
    static bool isDark(const QPalette &palette);
};
