#pragma once

#include <QList>

// The stretch of session time that the charts and the timeline show, so that a lesson fills them: the whole run
// from 0 while it is shorter than `longest` (rounded up to a readable length, 5 s at least), then the last
// `longest` seconds. A 3-second pool fills a 5-second chart instead of a sliver of a minute.
// Every time-based view (CpuLoadChart, QueueChart, StateTimelineWidget, CoreMapWidget) takes its x range from
// here, so they stay aligned with each other, with the event log's times and with the replay slider.
struct TimeSpan
{
    static constexpr double LongestSeconds = 60;

    double from = 0; // session seconds at the left edge
    double to = 5;   // and at the right edge

    // The span for a session whose newest reading is at `now` (seconds since it started).
    static TimeSpan fitting(double now, double longest = LongestSeconds);

    double seconds() const { return to - from; }
    // Seconds between two labelled ticks (1, 2, 5, 10, 15 or 20): at most 6 labels along the span.
    double tickStep() const;
    // The labelled ticks inside the span, on multiples of tickStep().
    QList<double> ticks() const;
    // Where session time `t` falls along `width` pixels starting at `left`.
    double xOf(double t, double left, double width) const { return left + (t - from) / seconds() * width; }
};
