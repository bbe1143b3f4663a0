#include "SessionCharts.h"

#include "SessionReportData.h"
#include "SvgWriter.h"

#include <QPointF>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace {
// A palette that stays distinguishable for the common forms of colour blindness (Okabe–Ito order, darkened).
const QString kPalette[] = {u"#0072b2"_s, u"#d55e00"_s, u"#009e73"_s, u"#cc79a7"_s,
                            u"#e69f00"_s, u"#56b4e9"_s, u"#8c6d1f"_s, u"#444444"_s};
const QString kGrid = u"#e2e8f0"_s;
const QString kAxis = u"#94a3b8"_s;

struct Plot
{
    double left = 52;
    double right = SessionCharts::Width - 16;
    double top = 14;
    double bottom = 0;
    double duration = 1;
    double x(double t) const { return left + (right - left) * std::clamp(t / duration, 0.0, 1.0); }
};

QString seconds(double t, double step)
{
    const int decimals = step >= 1 ? 0 : (step >= 0.1 ? 1 : 2);
    return QString::number(t, 'f', decimals) + u" s"_s;
}

void timeAxis(SvgWriter &svg, const Plot &plot, double top)
{
    const double step = SessionCharts::tickStep(plot.duration, 10);
    for (int tick = 0; tick <= 20 && tick * step <= plot.duration + step * 1e-6; ++tick) {
        const double t = tick * step;
        const double x = plot.x(t);
        svg.line(x, top, x, plot.bottom, kGrid);
        svg.text(x, plot.bottom + 16, seconds(t, step), SvgWriter::Anchor::Middle, 11, kAxis);
    }
    svg.line(plot.left, plot.bottom, plot.right, plot.bottom, kAxis);
}

void legend(SvgWriter &svg, double y, const QList<std::pair<QString, QString>> &entries)
{
    double x = 52;
    for (const auto &[label, colour] : entries) {
        svg.rect(x, y - 9, 12, 10, colour);
        svg.text(x + 17, y, label, SvgWriter::Anchor::Start, 11, u"#334155");
        x += 30 + 6.5 * label.size();
    }
}
} // namespace

double SessionCharts::tickStep(double duration, int wanted)
{
    if (!(duration > 0) || !std::isfinite(duration) || wanted < 1)
        return 1;
    const double raw = duration / wanted;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double factor : {1.0, 2.0, 5.0, 10.0}) {
        if (raw <= factor * magnitude)
            return factor * magnitude;
    }
    return 10 * magnitude;
}

QString SessionCharts::stateColour(const QString &state)
{
    if (state == u"running"_s)
        return u"#16a34a"_s;
    if (state == u"ready"_s)
        return u"#f59e0b"_s;
    if (state == u"blocked"_s)
        return u"#60a5fa"_s;
    if (state == u"stopped"_s)
        return u"#a855f7"_s;
    if (state == u"zombie"_s)
        return u"#dc2626"_s;
    if (state == u"new"_s)
        return u"#cbd5e1"_s;
    return u"#94a3b8"_s;
}

QString SessionCharts::stateName(const QString &state)
{
    if (state == u"running"_s)
        return tr("running");
    if (state == u"ready"_s)
        return tr("ready (waiting for a core)");
    if (state == u"blocked"_s)
        return tr("blocked");
    if (state == u"stopped"_s)
        return tr("stopped");
    if (state == u"zombie"_s)
        return tr("zombie");
    if (state == u"new"_s)
        return tr("new");
    return state;
}

QString SessionCharts::coreLoad(const SessionReportData &data)
{
    if (data.cpuPoints().isEmpty() || data.coreCount() == 0)
        return u"<p class=\"empty\">"_s + tr("No CPU samples were recorded in this session.") + u"</p>"_s;
    const double height = 250;
    SvgWriter svg(Width, height, tr("Load of each CPU core over time"));
    Plot plot;
    plot.top = 28;
    plot.bottom = height - 26;
    plot.duration = std::max(data.duration(), 1e-3);
    auto y = [&](double share) {
        return plot.bottom - (plot.bottom - plot.top) * share;
    };
    for (int percent = 0; percent <= 100; percent += 25) {
        svg.line(plot.left, y(percent / 100.0), plot.right, y(percent / 100.0), kGrid);
        svg.text(plot.left - 8, y(percent / 100.0) + 4, QString::number(percent) + u" %"_s, SvgWriter::Anchor::End, 11,
                 kAxis);
    }
    timeAxis(svg, plot, plot.top);
    QList<std::pair<QString, QString>> entries;
    for (int core = 0; core < data.coreCount(); ++core) {
        QList<QPointF> points;
        points.reserve(data.cpuPoints().size());
        for (const auto &point : data.cpuPoints())
            points << QPointF(plot.x(point.t), y(point.busy.value(core, 0.0)));
        const QString &colour = kPalette[core % 8];
        if (data.coreCount() == 1) {
            // One core's area reads at a glance; overlapping areas of several cores turn into mud.
            QList<QPointF> area = points;
            area << QPointF(points.last().x(), plot.bottom) << QPointF(points.first().x(), plot.bottom);
            svg.polygon(area, colour, 0.10);
        }
        svg.polyline(points, colour, 1.6);
        if (core < 16)
            entries << std::pair(tr("core %1").arg(core), colour);
    }
    legend(svg, 16, entries);
    return svg.finish();
}

QString SessionCharts::queueDepth(const SessionReportData &data)
{
    if (data.queues().isEmpty())
        return u"<p class=\"empty\">"_s + tr("This experiment has no queue: no queue samples were recorded.") +
               u"</p>"_s;
    const double height = 230;
    SvgWriter svg(Width, height, tr("Queue depth over time, against the queue's capacity"));
    Plot plot;
    plot.top = 28;
    plot.bottom = height - 26;
    plot.duration = std::max(data.duration(), 1e-3);
    double top = 1;
    for (const auto &series : data.queues()) {
        for (const auto &point : series.points)
            top = std::max({top, point.depth, point.capacity});
    }
    const double step = tickStep(top, 4);
    top = std::ceil(top / step) * step;
    auto y = [&](double value) {
        return plot.bottom - (plot.bottom - plot.top) * (value / top);
    };
    for (int tick = 0; tick <= 10 && tick * step <= top + step * 1e-6; ++tick) {
        const double value = tick * step;
        svg.line(plot.left, y(value), plot.right, y(value), kGrid);
        svg.text(plot.left - 8, y(value) + 4, QString::number(value, 'g', 6), SvgWriter::Anchor::End, 11, kAxis);
    }
    timeAxis(svg, plot, plot.top);
    QList<std::pair<QString, QString>> entries;
    int index = 0;
    for (auto it = data.queues().constBegin(); it != data.queues().constEnd(); ++it, ++index) {
        const QString &colour = kPalette[index % 8];
        QList<QPointF> depth;
        QList<QPointF> capacity;
        for (const auto &point : it->points) {
            depth << QPointF(plot.x(point.t), y(point.depth));
            capacity << QPointF(plot.x(point.t), y(point.capacity));
        }
        svg.polyline(capacity, colour, 1.2, u"6 4");
        svg.polyline(depth, colour, 1.8);
        entries << std::pair(tr("queue %1: depth (dashed: capacity)").arg(it.key()), colour);
    }
    legend(svg, 16, entries);
    return svg.finish();
}

QString SessionCharts::stateTimeline(const SessionReportData &data)
{
    if (data.lanes().isEmpty())
        return u"<p class=\"empty\">"_s + tr("No task samples were recorded in this session.") + u"</p>"_s;
    const double laneHeight = 18;
    const double gap = 5;
    const double top = 30;
    const double height = top + data.lanes().size() * (laneHeight + gap) + 30;
    SvgWriter svg(Width, height, tr("State of each thread over time"));
    Plot plot;
    plot.left = 200;
    plot.top = top;
    plot.bottom = height - 26;
    plot.duration = std::max(data.duration(), 1e-3);
    timeAxis(svg, plot, top - 4);
    double y = top;
    for (const auto &lane : data.lanes()) {
        svg.rect(plot.left, y, plot.right - plot.left, laneHeight, u"#f8fafc");
        QString label = lane.label;
        if (label.size() > 30)
            label = label.left(29) + u'…';
        svg.text(plot.left - 8, y + laneHeight - 5, label, SvgWriter::Anchor::End, 11, u"#334155");
        for (const auto &span : lane.spans) {
            const double x0 = plot.x(span.from);
            // Even a state held for a single tick gets a visible sliver.
            const double x1 = std::max(plot.x(span.to), x0 + 1.0);
            svg.rect(x0, y, x1 - x0, laneHeight, stateColour(span.state),
                     tr("TID %1: %2 from %3 s to %4 s")
                         .arg(lane.tid)
                         .arg(stateName(span.state))
                         .arg(span.from, 0, 'f', 2)
                         .arg(span.to, 0, 'f', 2));
        }
        y += laneHeight + gap;
    }
    QList<std::pair<QString, QString>> entries;
    for (const QString &state : {u"running"_s, u"ready"_s, u"blocked"_s, u"stopped"_s, u"zombie"_s, u"new"_s})
        entries << std::pair(stateName(state), stateColour(state));
    legend(svg, 16, entries);
    return svg.finish();
}
