#include "CpuLoadChart.h"

#include "ChartStyle.h"
#include "ChartThinning.h"
#include "timeline/TimeSpan.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLegend>
#include <QVBoxLayout>
#include <QLineSeries>
#include <QThread>
#include <QValueAxis>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace {
const QColor LabColor(0x2e, 0xa0, 0x43);   // the lab's own tasks
const QColor OtherColor(0x9a, 0x9a, 0x9a); // every other program on the machine
const QColor StealColor(0x8e, 0x5c, 0xc9);
} // namespace

CpuLoadChart::CpuLoadChart(QWidget *parent)
    : QWidget(parent)
    , m_caption(new QLabel(this))
    , m_grid(new QGridLayout)
{
    // One legend for all cores, above them: a legend inside the first chart made that chart shorter than the
    // others' and repeated nothing the colours below did not already say.
    m_caption->setWordWrap(true);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setSpacing(2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_caption);
    layout->addLayout(m_grid, 1);
    // The cores are there before the first sample: a first launch shows empty charts under their legend, not a
    // blank area with the legend floating above it.
    ensureCores(std::max(1, QThread::idealThreadCount()));
    retranslate();
}

CpuLoadChart::~CpuLoadChart() = default;

void CpuLoadChart::setIntervalMs(int ms)
{
    m_capacity = std::max(10, int(std::ceil(HistorySeconds * 1000.0 / std::max(1, ms)))) + 1;
    for (Core &core : m_cores)
        core.history.setCapacity(m_capacity);
}

void CpuLoadChart::ensureCores(int count)
{
    if (count == m_cores.size())
        return;
    for (Core &core : m_cores)
        delete core.view;
    m_cores.clear();
    const int columns = count <= 2 ? 1 : count <= 8 ? 2 : 4;
    for (int i = 0; i < count; ++i) {
        Core core;
        core.chart = new QChart;
        core.chart->legend()->setVisible(false);
        core.chart->setMargins(QMargins(2, 2, 4, 2));
        core.lab = new QLineSeries(core.chart);
        core.other = new QLineSeries(core.chart);
        core.steal = new QLineSeries(core.chart);
        auto *labArea = new QAreaSeries(core.lab);
        auto *otherArea = new QAreaSeries(core.other, core.lab);
        auto *stealArea = new QAreaSeries(core.steal, core.other);
        const QColor colors[] = {LabColor, OtherColor, StealColor};
        QAreaSeries *areas[] = {labArea, otherArea, stealArea};
        for (int a = 0; a < 3; ++a) {
            areas[a]->setColor(colors[a]);
            areas[a]->setBorderColor(colors[a].darker(120));
            core.chart->addSeries(areas[a]);
        }
        core.x = new QValueAxis(core.chart);
        // Session time, as the event log and the replay slider give it; the range follows the run (TimeSpan).
        ChartStyle::setTimeRange(core.x, TimeSpan());
        core.x->setLabelFormat(u"%d s"_s);
        // Every core shares one time axis: its labels under the last row only, so each chart keeps its height for
        // the load itself.
        core.x->setLabelsVisible(i >= count - columns);
        auto *y = new QValueAxis(core.chart);
        y->setRange(0, 100);
        // Two ticks: Qt Charts gives each vertical label the plot's height over the tick count and elides it to
        // "…" below a line's height, and a core's chart is short.
        y->setTickCount(2);
        y->setLabelFormat(u"%d%%"_s);
        core.chart->addAxis(core.x, Qt::AlignBottom);
        core.chart->addAxis(y, Qt::AlignLeft);
        for (QAreaSeries *area : areas) {
            area->attachAxis(core.x);
            area->attachAxis(y);
        }
        core.view = new QChartView(core.chart, this);
        core.view->setRenderHint(QPainter::Antialiasing, false);
        // A title and two labelled ticks, from the font: below that the labels turn into "…".
        core.view->setMinimumHeight(fontMetrics().height() * (core.x->labelsVisible() ? 8 : 6));
        core.history.setCapacity(m_capacity);
        m_grid->addWidget(core.view, i / columns, i % columns);
        m_cores << core;
    }
    for (int row = 0; row < m_grid->rowCount(); ++row)
        m_grid->setRowStretch(row, row * columns < count ? 1 : 0);
    retranslate();
    restyle();
}

void CpuLoadChart::push(double t, const QList<CpuLoad> &cpus, const QList<double> &labShares)
{
    ensureCores(int(cpus.size()));
    for (int i = 0; i < cpus.size(); ++i) {
        Core &core = m_cores[i];
        const CpuLoad &load = cpus.at(i);
        // Other programs' share is the core's busy time less the lab's (live and in a replay alike: LabCoreShare
        // over the frame's rows). Without the lab's share the whole busy time is drawn as one, in the other
        // programs' colour.
        const double busy = load.busy * 100;
        const double lab = i < labShares.size() ? std::clamp(labShares.at(i) * 100, 0.0, busy) : 0.0;
        core.history.push({t, lab, busy - lab, load.steal * 100});
        // A new title re-lays out the whole chart, axes and all (a rich-text layout of every label): the figure
        // changes at most once a second, as a person reads it, not at every tick.
        if (core.titleAt < 0 || t < core.titleAt || t - core.titleAt >= 1.0)
            showFigure(core, load, t);
    }
    m_now = t;
}

void CpuLoadChart::showFigure(Core &core, const CpuLoad &load, double t)
{
    const QString title = tr("CPU %1 — %2%").arg(load.core).arg(qRound(load.busy * 100));
    if (core.chart->title() != title)
        core.chart->setTitle(title);
    core.titleAt = t;
}

void CpuLoadChart::addSample(double t, const QList<CpuLoad> &cpus, const QList<double> &labShares)
{
    push(t, cpus, labShares);
    redraw(false);
}

void CpuLoadChart::addSamples(const QList<ReplayHistory::CpuSample> &samples)
{
    for (const ReplayHistory::CpuSample &sample : samples)
        push(sample.t, sample.cpus, sample.labShares);
    if (!samples.isEmpty())
        redraw(false);
}

void CpuLoadChart::setHistory(const QList<ReplayHistory::CpuSample> &samples)
{
    clear();
    for (const ReplayHistory::CpuSample &sample : samples)
        push(sample.t, sample.cpus, sample.labShares);
    // The titles show the chosen moment's figures, not the last ones of the once-a-second rhythm.
    if (!samples.isEmpty()) {
        const ReplayHistory::CpuSample &last = samples.last();
        for (int i = 0; i < last.cpus.size() && i < m_cores.size(); ++i)
            showFigure(m_cores[i], last.cpus.at(i), last.t);
    }
    redraw(true);
}

void CpuLoadChart::redraw(bool force)
{
    if (m_cores.isEmpty())
        return;
    if (!isVisible()) {
        m_dirty = true;
        return;
    }
    const TimeSpan span = TimeSpan::fitting(m_now, HistorySeconds);
    const double plotWidth = std::max(1.0, m_cores.first().chart->plotArea().width());
    const double pixelsPerSecond = plotWidth / span.seconds();
    // Between two redraws the picture must have moved by a pixel: finer steps show nothing new.
    if (!force && m_drawnAt >= 0 && m_now >= m_drawnAt && span.to == m_drawnTo
        && (m_now - m_drawnAt) * pixelsPerSecond < 1.0) {
        m_dirty = true;
        return;
    }
    m_drawnAt = m_now;
    m_drawnTo = span.to;
    m_dirty = false;
    for (Core &core : m_cores) {
        ChartStyle::setTimeRange(core.x, span);
        QList<QPointF> lab, other, steal;
        const qsizetype n = core.history.size();
        lab.reserve(n / 4 + 2);
        other.reserve(n / 4 + 2);
        steal.reserve(n / 4 + 2);
        // One point per half second of absolute time, the mean of its samples: 120 points a minute instead of
        // 600 at 10 Hz. Qt Charts re-strokes every point of every area on each redraw, and a 60-second chart about
        // 300 pixels wide shows nothing finer. Buckets by absolute time, so the picture does not depend on when
        // the samples arrived (live, a replay stepping forward, a seek).
        Sample sum;
        int count = 0;
        bool older = false; // samples before the window were left out
        double bucket = 0;
        const auto flush = [&] {
            if (count == 0)
                return;
            const double x = sum.t;
            const double l = sum.lab / count, o = sum.other / count, st = sum.steal / count;
            if (lab.isEmpty() && older) {
                // The history goes back further: the areas reach the window's left edge.
                lab.append({span.from, l});
                other.append({span.from, l + o});
                steal.append({span.from, l + o + st});
            }
            lab.append({x, l});
            other.append({x, l + o});
            steal.append({x, l + o + st});
        };
        for (qsizetype k = 0; k < n; ++k) {
            const Sample &s = core.history.at(k);
            if (s.t < span.from) {
                older = true;
                continue;
            }
            const double b = std::floor(s.t / BucketSeconds);
            if (count > 0 && b != bucket) {
                flush();
                count = 0;
                sum = Sample();
            }
            bucket = b;
            sum.t = s.t;
            sum.lab += s.lab;
            sum.other += s.other;
            sum.steal += s.steal;
            ++count;
        }
        flush();
        core.lab->replace(ChartThinning::thin(lab, pixelsPerSecond));
        core.other->replace(ChartThinning::thin(other, pixelsPerSecond));
        core.steal->replace(ChartThinning::thin(steal, pixelsPerSecond));
    }
}

QList<QPointF> CpuLoadChart::shownBusyPoints(int core) const
{
    return core >= 0 && core < m_cores.size() ? m_cores.at(core).other->points() : QList<QPointF>();
}

QList<QPointF> CpuLoadChart::shownLabPoints(int core) const
{
    return core >= 0 && core < m_cores.size() ? m_cores.at(core).lab->points() : QList<QPointF>();
}

void CpuLoadChart::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        redraw(true);
}

void CpuLoadChart::clear()
{
    for (Core &core : m_cores) {
        core.history.clear();
        core.titleAt = -1;
        core.lab->clear();
        core.other->clear();
        core.steal->clear();
        ChartStyle::setTimeRange(core.x, TimeSpan());
    }
    m_now = 0;
    m_drawnAt = -1;
    m_drawnTo = -1;
    m_dirty = false;
}

void CpuLoadChart::restyle()
{
    for (Core &core : m_cores)
        ChartStyle::apply(core.chart, palette());
}

void CpuLoadChart::retranslate()
{
    const auto swatch = [](const QColor &color, const QString &name) {
        // An entry breaks as a whole, never between its swatch and its name or inside "other programs".
        return u"<span style=\"white-space:nowrap\"><span style=\"color:%1\">■</span>&nbsp;%2</span>"_s.arg(
            color.name(), name.toHtmlEscaped());
    };
    m_caption->setText(u"<b>"_s + tr("CPU load per core") + u"</b>&nbsp;&nbsp; "_s
                       + swatch(LabColor, tr("this lab")) + u"&nbsp; "_s + swatch(OtherColor, tr("other programs"))
                       + u"&nbsp; "_s + swatch(StealColor, tr("steal")));
    for (Core &core : m_cores) {
        const auto series = core.chart->series();
        const QString names[] = {tr("this lab"), tr("other programs"), tr("steal")};
        for (int a = 0; a < series.size() && a < 3; ++a)
            series[a]->setName(names[a]);
        core.x->setTitleText(QString());
    }
}

void CpuLoadChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        restyle();
    else if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

QPair<double, double> CpuLoadChart::shownTimeRange() const
{
    if (m_cores.isEmpty())
        return {0, 0};
    return {m_cores.first().x->min(), m_cores.first().x->max()};
}
