#include "ChartThinning.h"

#include <algorithm>
#include <cmath>

namespace {
QList<QPointF> dropFlatInteriors(const QList<QPointF> &points)
{
    QList<QPointF> kept;
    kept.reserve(points.size());
    for (qsizetype i = 0; i < points.size(); ++i) {
        const bool interior = i > 0 && i + 1 < points.size() && points[i - 1].y() == points[i].y()
            && points[i + 1].y() == points[i].y();
        if (!interior)
            kept.append(points[i]);
    }
    return kept;
}
} // namespace

QList<QPointF> ChartThinning::thin(const QList<QPointF> &points, double pixelsPerX, int perColumn)
{
    QList<QPointF> flat = dropFlatInteriors(points);
    if (pixelsPerX <= 0 || flat.size() <= 2)
        return flat;
    QList<QPointF> kept;
    kept.reserve(flat.size());
    qsizetype begin = 0;
    while (begin < flat.size()) {
        const double column = std::floor(flat[begin].x() * pixelsPerX);
        qsizetype end = begin + 1;
        while (end < flat.size() && std::floor(flat[end].x() * pixelsPerX) == column)
            ++end;
        if (end - begin <= perColumn) {
            for (qsizetype i = begin; i < end; ++i)
                kept.append(flat[i]);
        } else {
            qsizetype low = begin;
            qsizetype high = begin;
            for (qsizetype i = begin; i < end; ++i) {
                if (flat[i].y() < flat[low].y())
                    low = i;
                if (flat[i].y() > flat[high].y())
                    high = i;
            }
            qsizetype keep[] = {begin, low, high, end - 1};
            std::sort(std::begin(keep), std::end(keep));
            for (int k = 0; k < 4; ++k) {
                if (k == 0 || keep[k] != keep[k - 1])
                    kept.append(flat[keep[k]]);
            }
        }
        begin = end;
    }
    return kept;
}
