#include "SessionDiagrams.h"

#include "FigureText.h"
#include "SessionCharts.h"
#include "SessionReportData.h"
#include "SvgWriter.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QPointF>

#include <algorithm>
#include <cmath>
#include <map>

using namespace Qt::Literals::StringLiterals;

namespace {
const QString kAxis = u"#94a3b8"_s;
const QString kGrid = u"#e2e8f0"_s;
const QString kInk = u"#334155"_s;
const QStringList kModes = {u"apply"_s, u"apply_async"_s, u"map"_s};
} // namespace

QString SessionDiagrams::modeColour(const QString &mode)
{
    if (mode == u"apply"_s)
        return u"#0072b2"_s;
    if (mode == u"apply_async"_s)
        return u"#d55e00"_s;
    return u"#009e73"_s;
}

QString SessionDiagrams::poolGantt(const SessionReportData &data)
{
    const QList<SessionReportData::PoolTask> &tasks = data.poolTasks();
    if (tasks.isEmpty())
        return {};
    // One lane per worker, in PID order; the axis spans the pool's work with a little room on both sides.
    std::map<qint64, int> laneOf;
    double from = tasks.first().start;
    double to = tasks.first().end;
    for (const SessionReportData::PoolTask &task : tasks) {
        laneOf.emplace(task.pid, 0);
        from = std::min(from, task.start);
        to = std::max(to, task.end);
    }
    for (const QString &mode : kModes) {
        if (const SessionReportData::Figure *makespan = data.figure(u"makespan_"_s + mode)) {
            const double start = makespan->extra.value(u"start"_s).toDouble(-1);
            if (start >= 0 && std::isfinite(makespan->value))
                to = std::max(to, start + makespan->value);
        }
    }
    int lane = 0;
    for (auto &entry : laneOf)
        entry.second = lane++;
    const double span = std::max(to - from, 0.001);
    from = std::max(0.0, from - span * 0.03);
    to += span * 0.03;

    const double laneHeight = 26;
    const double left = 130;
    const double right = SessionCharts::Width - 16;
    const double top = 34;
    const double bottom = top + laneHeight * double(laneOf.size());
    const auto x = [&](double t) { return left + (right - left) * std::clamp((t - from) / (to - from), 0.0, 1.0); };
    SvgWriter svg(SessionCharts::Width, bottom + 34,
                  tr("Pool tasks on a timeline: one lane per worker process, one bar per task"), u"gantt");

    // The legend: one swatch per mode that ran.
    double legendX = left;
    for (const QString &mode : kModes) {
        const bool ran = std::any_of(tasks.begin(), tasks.end(), [&](const auto &t) { return t.mode == mode; });
        if (!ran)
            continue;
        svg.rect(legendX, 8, 12, 10, modeColour(mode));
        svg.text(legendX + 17, 17, mode, SvgWriter::Anchor::Start, 11, kInk);
        legendX += 40 + 7 * mode.size();
    }
    // The time axis, in session seconds.
    const double step = SessionCharts::tickStep(to - from, 8);
    for (double t = std::ceil(from / step) * step; t <= to + step * 1e-6; t += step) {
        svg.line(x(t), top, x(t), bottom, kGrid);
        svg.text(x(t), bottom + 16, tr("%1 s").arg(FigureText::significant(t)), SvgWriter::Anchor::Middle, 11, kAxis);
    }
    for (const auto &[pid, index] : laneOf) {
        const QString name = data.nameOf(pid);
        svg.text(left - 8, top + laneHeight * index + 17,
                 name.isEmpty() ? tr("PID %1").arg(pid) : tr("%1 (%2)").arg(name).arg(pid), SvgWriter::Anchor::End,
                 11, kInk);
    }
    for (const SessionReportData::PoolTask &task : tasks) {
        const double y = top + laneHeight * laneOf.at(task.pid) + 4;
        // A pixel of gap at the end, so back-to-back tasks on one worker read as separate bars.
        svg.rect(x(task.start), y, std::max(1.0, x(task.end) - x(task.start) - 1.5), laneHeight - 8,
                 modeColour(task.mode),
                 tr("%1 task %2 in PID %3: %4 s to %5 s")
                     .arg(task.mode)
                     .arg(task.task)
                     .arg(task.pid)
                     .arg(FigureText::significant(task.start), FigureText::significant(task.end)),
                 u"task");
    }
    // Each mode's makespan: from the mode's start to its last result.
    for (const QString &mode : kModes) {
        const SessionReportData::Figure *makespan = data.figure(u"makespan_"_s + mode);
        const double start = makespan ? makespan->extra.value(u"start"_s).toDouble(-1) : -1;
        if (!makespan || start < 0 || !std::isfinite(makespan->value))
            continue;
        const double end = x(start + makespan->value);
        svg.line(x(start), bottom + 24, end, bottom + 24, modeColour(mode), 2);
        svg.line(end, top - 4, end, bottom + 28, modeColour(mode), 1.5, u"4 3");
        svg.text(end - 4, bottom + 20, tr("%1: %2 s").arg(mode, FigureText::significant(makespan->value)),
                 SvgWriter::Anchor::End, 11, modeColour(mode), true);
    }
    return svg.finish();
}

QString SessionDiagrams::waitGraph(const SessionReportData &data)
{
    const QJsonArray &cycle = data.deadlockCycle();
    if (cycle.isEmpty())
        return {};
    // The members on a circle, each waiting for the next; an arrow from waiter to holder.
    const int n = int(cycle.size());
    const double width = SessionCharts::Width;
    const double radius = n <= 2 ? 120 : std::min(210.0, 90 + 30.0 * n);
    const double height = 2 * radius + 110;
    const QPointF centre(width / 2, height / 2);
    const double nodeWidth = 170;
    const double nodeHeight = 40;
    QHash<qint64, QPointF> at;
    QList<QPointF> positions;
    for (int i = 0; i < n; ++i) {
        // Two threads side by side (their two arrows run one above the other), more on a circle from the top.
        const double angle = (n == 2 ? M_PI : -M_PI / 2) + 2 * M_PI * i / n;
        const QPointF p(centre.x() + radius * 1.6 * std::cos(angle), centre.y() + radius * std::sin(angle));
        positions << p;
        at.insert(cycle.at(i).toObject().value(u"tid"_s).toInteger(), p);
    }
    SvgWriter svg(width, height, tr("Wait-for graph of the deadlock: each thread waits for the next"), u"wait-graph");
    const QString red = u"#b91c1c"_s;
    for (int i = 0; i < n; ++i) {
        const QJsonObject member = cycle.at(i).toObject();
        const QPointF from = positions.at(i);
        const QPointF to = at.value(member.value(u"held_by"_s).toInteger(), positions.at((i + 1) % n));
        // From the edge of one box to the edge of the other: shorten the centre line by the boxes' half sizes.
        const QPointF d = to - from;
        const double length = std::hypot(d.x(), d.y());
        if (length < 1)
            continue;
        const QPointF unit = d / length;
        const double cut = std::min(nodeWidth / 2 / std::max(std::fabs(unit.x()), 1e-3),
                                    nodeHeight / 2 / std::max(std::fabs(unit.y()), 1e-3)) + 4;
        // Each arrow a little to its own side, so two threads waiting for each other get two arrows.
        const QPointF normal(-unit.y(), unit.x());
        const QPointF a = from + unit * cut + normal * 9;
        const QPointF b = to - unit * cut + normal * 9;
        svg.line(a.x(), a.y(), b.x(), b.y(), red, 2);
        svg.polygon({b, b - unit * 10 + normal * 5, b - unit * 10 - normal * 5}, red, 1);
        const QPointF middle = (a + b) / 2 + normal * 16 + QPointF(0, normal.y() > 0 ? 8 : 0);
        svg.text(middle.x(), middle.y(), tr("waits for %1").arg(member.value(u"waits_for"_s).toString()),
                 SvgWriter::Anchor::Middle, 11, red, true);
    }
    for (int i = 0; i < n; ++i) {
        const QJsonObject member = cycle.at(i).toObject();
        const QPointF p = positions.at(i);
        svg.rect(p.x() - nodeWidth / 2, p.y() - nodeHeight / 2, nodeWidth, nodeHeight, u"#fef2f2"_s, {}, u"node");
        svg.text(p.x(), p.y() - 3, member.value(u"name"_s).toString().left(24), SvgWriter::Anchor::Middle, 12, kInk,
                 true);
        QStringList holds;
        for (const QJsonValue &lock : member.value(u"holds"_s).toArray())
            holds << lock.toString().left(16);
        svg.text(p.x(), p.y() + 13,
                 holds.isEmpty() ? tr("TID %1").arg(member.value(u"tid"_s).toInteger())
                                 : tr("TID %1, holds %2").arg(member.value(u"tid"_s).toInteger()).arg(holds.join(u", "_s)),
                 SvgWriter::Anchor::Middle, 11, kInk);
    }
    return svg.finish();
}

QString SessionDiagrams::gilBands(const SessionReportData &data, qint64 pid)
{
    std::map<qint64, QList<SessionReportData::GilSample>> byThread;
    for (const SessionReportData::GilSample &sample : data.gilSamples()) {
        if (sample.pid == pid)
            byThread[sample.tid] << sample;
    }
    std::erase_if(byThread, [](const auto &entry) {
        return std::none_of(entry.second.begin(), entry.second.end(), [](const auto &s) { return s.share > 0.005; });
    });
    if (byThread.empty())
        return {};
    double from = 1e18;
    double to = 0;
    for (const auto &[tid, samples] : byThread) {
        from = std::min(from, samples.first().t);
        to = std::max(to, samples.last().t);
    }
    from = std::max(0.0, from - 0.5);
    to = std::max(to, from + 0.001);
    const double laneHeight = 22;
    const double left = 130;
    const double right = SessionCharts::Width - 16;
    const double top = 10;
    const double bottom = top + laneHeight * double(byThread.size());
    const auto x = [&](double t) { return left + (right - left) * std::clamp((t - from) / (to - from), 0.0, 1.0); };
    SvgWriter svg(SessionCharts::Width, bottom + 26,
                  tr("Who held the GIL of process %1 when: one lane per thread, darker where it held it longer").arg(pid),
                  u"gil");
    const double step = SessionCharts::tickStep(to - from, 8);
    for (double t = std::ceil(from / step) * step; t <= to + step * 1e-6; t += step) {
        svg.line(x(t), top, x(t), bottom, kGrid);
        svg.text(x(t), bottom + 16, tr("%1 s").arg(FigureText::significant(t)), SvgWriter::Anchor::Middle, 11, kAxis);
    }
    int lane = 0;
    for (const auto &[tid, samples] : byThread) {
        const double y = top + laneHeight * lane++;
        const QString name = data.nameOf(tid);
        svg.text(left - 8, y + 15, name.isEmpty() ? tr("TID %1").arg(tid) : tr("%1 (%2)").arg(name).arg(tid),
                 SvgWriter::Anchor::End, 11, kInk);
        double previous = from;
        for (const SessionReportData::GilSample &sample : samples) {
            if (sample.share > 0.005) {
                // The colour's strength is the share: an opaque colour over white, mixed by hand (no opacity).
                const double share = std::clamp(sample.share, 0.0, 1.0);
                const auto mix = [share](int full) { return int(std::lround(255 - (255 - full) * (0.15 + 0.85 * share))); };
                const QString fill = u"#%1%2%3"_s.arg(mix(106), 2, 16, QChar(u'0')).arg(mix(27), 2, 16, QChar(u'0'))
                                         .arg(mix(154), 2, 16, QChar(u'0'));
                svg.rect(x(previous), y + 4, std::max(1.0, x(sample.t) - x(previous)), laneHeight - 8, fill,
                         tr("TID %1 held the GIL %2 % of %3 s to %4 s")
                             .arg(tid)
                             .arg(FigureText::percent(share))
                             .arg(FigureText::significant(previous), FigureText::significant(sample.t)),
                         u"held");
            }
            previous = sample.t;
        }
    }
    return svg.finish();
}
