#pragma once

#include <QCoreApplication>
#include <QString>

class SessionReportData;

// The lesson diagrams of the HTML report, as inline SVG (SvgWriter), beside SessionCharts' time series:
// - the pool's Gantt chart <svg class="gantt">: one lane per worker process, one <rect class="task"> per task,
//   coloured by mode (apply, apply_async, map), each mode's makespan marked; the time axis spans the pool's work,
//   not the whole session, so a 3-second pool fills the width;
// - the wait-for graph <svg class="wait-graph"> of the last deadlock cycle found: one node per thread of the
//   cycle, one arrow from each waiter to the thread holding what it waits for, labelled with what that is.
// Each returns an empty string when the session has nothing to draw.
class SessionDiagrams
{
    Q_DECLARE_TR_FUNCTIONS(SessionDiagrams)
public:
    static QString poolGantt(const SessionReportData &data);
    static QString waitGraph(const SessionReportData &data);
    // Who held process `pid`'s GIL when: a lane per thread that held it, each sample's share as the darkness of
    // the stretch it covers (since that thread's previous sample). Empty when no share of it was recorded.
    static QString gilBands(const SessionReportData &data, qint64 pid);
    // The colour of a pool mode, as CSS.
    static QString modeColour(const QString &mode);
};
