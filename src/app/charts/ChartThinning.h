#pragma once

#include <QList>
#include <QPointF>

// Fewer points for a line that looks the same on screen. Qt Charts recomputes a line's whole path, and strokes
// its outline for hit-testing, on every change: the cost follows the number of points, not the pixels.
//  - Inside a horizontal run (equal y) only the run's ends are kept: a queue's capacity, a core at 100 %, a depth
//    that stays at its capacity cost two points however long they last.
//  - Where more than `perColumn` points fall into one pixel column, that column keeps its first, lowest, highest
//    and last point in time order: the drawn envelope is the same pixel for pixel.
class ChartThinning
{
public:
    // `points` sorted by x; `pixelsPerX`: the plot's width in pixels per unit of x (≤ 0: no column thinning).
    static QList<QPointF> thin(const QList<QPointF> &points, double pixelsPerX, int perColumn = 4);
};
