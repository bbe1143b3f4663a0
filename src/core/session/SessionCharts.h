#pragma once

#include <QCoreApplication>
#include <QString>

class SessionReportData;

// The HTML report's charts, drawn as inline SVG with SvgWriter: per-core load over time, queue depth against
// capacity, and the state timeline (one lane per thread, coloured running / ready / blocked …). Each returns a
// complete <svg> element, or a short note in a <p> when the session has nothing to draw.
class SessionCharts
{
    Q_DECLARE_TR_FUNCTIONS(SessionCharts)
public:
    static constexpr double Width = 960;

    static QString coreLoad(const SessionReportData &data);
    static QString queueDepth(const SessionReportData &data);
    static QString stateTimeline(const SessionReportData &data);

    // The colour of a state on the timeline (and in the report's legend), as CSS.
    static QString stateColour(const QString &state);
    // The state's name for the reader, translated.
    static QString stateName(const QString &state);
    // Round steps for a time axis of `duration` seconds: about `wanted` ticks of 1, 2 or 5 × 10^n seconds.
    static double tickStep(double duration, int wanted);
};
