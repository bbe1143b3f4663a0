#include "TimeSpan.h"

#include <algorithm>
#include <cmath>

TimeSpan TimeSpan::fitting(double now, double longest)
{
    TimeSpan span;
    longest = std::max(1.0, longest);
    if (now > longest) {
        span.from = now - longest;
        span.to = now;
        return span;
    }
    span.from = 0;
    span.to = longest;
    for (const double length : {5.0, 10.0, 15.0, 20.0, 30.0, 45.0, 60.0}) {
        if (length >= longest)
            break;
        if (now <= length) {
            span.to = length;
            break;
        }
    }
    return span;
}

double TimeSpan::tickStep() const
{
    for (const double step : {1.0, 2.0, 5.0, 10.0, 15.0})
        if (seconds() / step <= 6)
            return step;
    return 20.0;
}

QList<double> TimeSpan::ticks() const
{
    QList<double> ticks;
    const double step = tickStep();
    for (double t = std::ceil(from / step - 1e-9) * step; t <= to + 1e-9; t += step)
        ticks << t;
    return ticks;
}
