#pragma once

#include <QPalette>

class QChart;
class QValueAxis;
struct TimeSpan;

// Makes a Qt Chart follow the window's palette (light or dark, including "System", whose scheme Qt 6.4 can only
// be judged from the palette) and turns off everything that costs time on every tick: animations, markers.
class ChartStyle
{
public:
    static void apply(QChart *chart, const QPalette &palette);
    static bool isDark(const QPalette &palette);
    // Sets a dynamic-tick axis to [from, to] with a tick every `step`. The axis lays itself out after each of the
    // two calls, so the order matters: the range first with the old step would, when a rate leaps from 1/s to
    // 10 000/s at the start of a run, make ten thousand grid lines and labels for one frame — a freeze of 200 ms
    // and more. Whichever half-way state has fewer ticks goes first.
    static void setRange(QValueAxis *axis, double from, double to, double step);
    // A time axis in session seconds over `span` (TimeSpan), labelled "12 s".
    static void setTimeRange(QValueAxis *axis, const TimeSpan &span);
};
