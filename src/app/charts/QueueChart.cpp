#include "QueueChart.h"

#include "ChartStyle.h"
#include "ChartThinning.h"
#include "timeline/TimeSpan.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QValueAxis>
#include <QVBoxLayout>

#include <cmath>

using namespace Qt::Literals::StringLiterals;


QueueChart::QueueChart(QWidget *parent)
    : QWidget(parent)
    , m_picker(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_chart(new QChart)
    , m_rateChart(new QChart)
    , m_view(new QChartView(m_chart, this))
    , m_rateView(new QChartView(m_rateChart, this))
    , m_depth(new QLineSeries(m_chart))
    , m_capacity(new QLineSeries(m_chart))
    , m_puts(new QLineSeries(m_rateChart))
    , m_gets(new QLineSeries(m_rateChart))
    , m_x(new QValueAxis(m_chart))
    , m_rateX(new QValueAxis(m_rateChart))
    , m_items(new QValueAxis(m_chart))
    , m_rate(new QValueAxis(m_rateChart))
{
    // Two plots, each with its own scale and its unit in its title: rates drawn on a second axis over the depth
    // made 4.7 gets/s look like "50 items". The titles carry the units because a vertical axis title is cut to
    // "⋮" when the chart is short (always, in Chinese).
    m_depth->setPen(QPen(QColor(0x3d, 0x7e, 0xdb), 2));
    m_capacity->setPen(QPen(QColor(0x8a, 0x8a, 0x8a), 1.5, Qt::DashLine));
    m_puts->setPen(QPen(QColor(0x2e, 0xa0, 0x43), 1.5));
    m_gets->setPen(QPen(QColor(0xe6, 0x9b, 0x00), 1.5));
    m_chart->addSeries(m_depth);
    m_chart->addSeries(m_capacity);
    m_rateChart->addSeries(m_puts);
    m_rateChart->addSeries(m_gets);
    for (QValueAxis *x : {m_x, m_rateX}) {
        ChartStyle::setTimeRange(x, TimeSpan());
        x->setLabelFormat(u"%d s"_s);
    }
    // One time axis for both plots: its labels under the lower one only.
    m_x->setLabelsVisible(false);
    for (QValueAxis *axis : {m_items, m_rate}) {
        axis->setTickType(QValueAxis::TicksDynamic);
        axis->setTickAnchor(0);
    }
    // A scale before the first sample: empty plots with labelled axes, not bare lines.
    m_items->setRange(0, 10);
    m_items->setTickInterval(5);
    m_rate->setRange(0, 10);
    m_rate->setTickInterval(5);
    m_items->setLabelFormat(u"%d"_s);
    m_rate->setLabelFormat(u"%.0f"_s);
    m_chart->addAxis(m_x, Qt::AlignBottom);
    m_chart->addAxis(m_items, Qt::AlignLeft);
    m_rateChart->addAxis(m_rateX, Qt::AlignBottom);
    m_rateChart->addAxis(m_rate, Qt::AlignLeft);
    for (QLineSeries *series : {m_depth, m_capacity}) {
        series->attachAxis(m_x);
        series->attachAxis(m_items);
    }
    for (QLineSeries *series : {m_puts, m_gets}) {
        series->attachAxis(m_rateX);
        series->attachAxis(m_rate);
    }
    for (QChart *chart : {m_chart, m_rateChart}) {
        chart->legend()->setAlignment(Qt::AlignRight);
        chart->setMargins(QMargins(2, 2, 2, 2));
    }
    for (QChartView *view : {m_view, m_rateView})
        view->setRenderHint(QPainter::Antialiasing);
    m_summary->setWordWrap(true);
    m_picker->setVisible(false);
    auto *top = new QHBoxLayout;
    top->addWidget(m_picker);
    top->addWidget(m_summary, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(top);
    layout->addWidget(m_view, 3);
    layout->addWidget(m_rateView, 2);
    connect(m_picker, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0 && index != m_queue) {
            m_queue = index;
            m_history.clear();
            m_lastT = -1;
            m_summaryT = -1;
        }
    });
    retranslate();
    restyle();
}

void QueueChart::restyle()
{
    for (QChart *chart : {m_chart, m_rateChart})
        ChartStyle::apply(chart, palette());
    // From the font, not pixels: a title, three labelled ticks and (lower plot) the time labels, or the axes'
    // labels turn into "…".
    const int line = fontMetrics().height();
    m_view->setMinimumHeight(line * 7);
    m_rateView->setMinimumHeight(line * 7);
}

void QueueChart::setIntervalMs(int ms)
{
    m_history.setCapacity(int(std::ceil(60000.0 / std::max(1, ms))) + 1);
    m_lastT = -1;
    m_summaryT = -1;
}

void QueueChart::addSample(double t, const QList<QueueStats> &queues)
{
    push(t, queues);
    redraw(false);
}

void QueueChart::addSamples(const QList<ReplayHistory::QueueSample> &samples)
{
    for (const ReplayHistory::QueueSample &sample : samples)
        push(sample.t, sample.queues);
    if (!samples.isEmpty())
        redraw(false);
}

void QueueChart::setHistory(const QList<ReplayHistory::QueueSample> &samples)
{
    clear();
    for (const ReplayHistory::QueueSample &sample : samples)
        push(sample.t, sample.queues);
    redraw(true);
}

void QueueChart::push(double t, const QList<QueueStats> &queues)
{
    if (queues.size() != m_queueCount) {
        m_queueCount = int(queues.size());
        const QSignalBlocker blocker(m_picker);
        m_picker->clear();
        for (int q = 0; q < m_queueCount; ++q)
            m_picker->addItem(tr("Queue Q%1").arg(q + 1));
        m_picker->setVisible(m_queueCount > 1);
        m_queue = std::min(m_queue, std::max(0, m_queueCount - 1));
        m_picker->setCurrentIndex(m_queue);
    }
    if (queues.isEmpty()) {
        m_summary->setText(tr("This experiment has no queue."));
        return;
    }
    const QueueStats &q = queues.at(m_queue);
    if (m_lastT >= 0 && t > m_lastT) {
        const double dt = t - m_lastT;
        // Smoothed: at 10 Hz a rate of 3 items/s would jump between 0 and 10 every tick.
        const double alpha = std::min(1.0, dt / 1.0);
        m_putRate += alpha * (double(q.puts - std::min(q.puts, m_lastPuts)) / dt - m_putRate);
        m_getRate += alpha * (double(q.gets - std::min(q.gets, m_lastGets)) / dt - m_getRate);
    }
    m_lastT = t;
    m_lastPuts = q.puts;
    m_lastGets = q.gets;
    m_last = q;
    m_history.push({t, double(q.depth), double(q.capacity), m_putRate, m_getRate});
}

void QueueChart::redraw(bool force)
{
    if (m_history.isEmpty())
        return;
    if (!isVisible()) {
        m_dirty = true;
        return;
    }
    const double t = m_lastT;
    const TimeSpan span = TimeSpan::fitting(t);
    const double pixelsPerSecond = std::max(1.0, m_rateChart->plotArea().width()) / span.seconds();
    if (!force && m_drawnAt >= 0 && t >= m_drawnAt && span.to == m_drawnTo
        && (t - m_drawnAt) * pixelsPerSecond < 1.0) {
        m_dirty = true;
        return;
    }
    m_drawnAt = t;
    m_drawnTo = span.to;
    ChartStyle::setTimeRange(m_x, span);
    ChartStyle::setTimeRange(m_rateX, span);
    m_dirty = false;
    const QueueStats &q = m_last;
    QList<QPointF> depth, capacity, puts, gets;
    double maxRate = 1;
    for (qsizetype i = 0; i < m_history.size(); ++i) {
        const Sample &s = m_history.at(i);
        if (i + 1 < m_history.size() && m_history.at(i + 1).t < span.from)
            continue;
        const double x = s.t;
        depth.append({x, s.depth});
        capacity.append({x, s.capacity});
        puts.append({x, s.putRate});
        gets.append({x, s.getRate});
        maxRate = std::max({maxRate, s.putRate, s.getRate});
    }
    m_depth->replace(ChartThinning::thin(depth, pixelsPerSecond));
    m_capacity->replace(ChartThinning::thin(capacity, pixelsPerSecond));
    m_puts->replace(ChartThinning::thin(puts, pixelsPerSecond));
    m_gets->replace(ChartThinning::thin(gets, pixelsPerSecond));
    // Ticks on round numbers from 0: "0 4 8" under a capacity of 8, not "0 2.2 4.4 6.6 8.8".
    // No more ticks than the plot has lines for: Qt Charts elides a vertical label to "…" when the plot's height
    // over the tick count is less than a line.
    const auto ticksFor = [this](const QChart *chart) {
        return std::clamp(int(chart->plotArea().height() / (fontMetrics().height() * 1.6)), 1, 5);
    };
    const auto niceStep = [](double top, int ticks) {
        const double raw = std::max(1.0, top / ticks);
        const double power = std::pow(10.0, std::floor(std::log10(raw)));
        for (double factor : {1.0, 2.0, 5.0}) {
            if (raw <= factor * power)
                return factor * power;
        }
        return 10 * power;
    };
    // The top on a tick, so the scale's last label says how high it goes.
    const auto onTick = [](double top, double step) { return std::ceil(top / step - 1e-9) * step; };
    const double itemsTop = std::max(1, q.capacity) * 1.1;
    const double itemsStep = niceStep(itemsTop, ticksFor(m_chart));
    ChartStyle::setRange(m_items, 0, onTick(itemsTop, itemsStep), itemsStep);
    const double rateTop = std::ceil(maxRate * 1.2);
    const double rateStep = niceStep(rateTop, ticksFor(m_rateChart));
    ChartStyle::setRange(m_rate, 0, onTick(rateTop, rateStep), rateStep);
    // The summary is rich, word-wrapped text: each new text lays the label and its layout out again. At 10 Hz that
    // cost more than the chart and changed faster than anyone can read, so it follows at most twice a second.
    if (m_summaryT >= 0 && t >= m_summaryT && t - m_summaryT < SummarySeconds)
        return;
    m_summaryT = t;
    m_summary->setText(tr("<b>Queue</b> depth %1 of %2 · puts %3/s, gets %4/s · blocked: %5 putting (queue full), "
                          "%6 getting (queue empty)")
                           .arg(q.depth).arg(q.capacity)
                           .arg(m_putRate, 0, 'f', 1).arg(m_getRate, 0, 'f', 1)
                           .arg(q.blockedPutters).arg(q.blockedGetters));
}

QList<QPointF> QueueChart::shownDepth() const
{
    return m_depth->points();
}

void QueueChart::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        redraw(true);
}

void QueueChart::clear()
{
    m_history.clear();
    m_lastT = -1;
    m_putRate = m_getRate = 0;
    for (QLineSeries *series : {m_depth, m_capacity, m_puts, m_gets})
        series->clear();
    m_summary->setText(idleText());
    m_summaryT = -1;
    m_drawnAt = -1;
    m_drawnTo = -1;
    ChartStyle::setTimeRange(m_x, TimeSpan());
    ChartStyle::setTimeRange(m_rateX, TimeSpan());
    m_dirty = false;
}

QString QueueChart::idleText()
{
    return tr("The queue's depth and its put and get rates appear here when an experiment with a queue runs "
              "(pc-threads, pc-processes).");
}

QString QueueChart::depthTitle() const
{
    return m_chart->title();
}

QString QueueChart::rateTitle() const
{
    return m_rateChart->title();
}

void QueueChart::retranslate()
{
    m_depth->setName(tr("depth"));
    m_capacity->setName(tr("capacity"));
    m_puts->setName(tr("puts"));
    m_gets->setName(tr("gets"));
    m_chart->setTitle(tr("Queue depth (items)"));
    m_rateChart->setTitle(tr("Put and get rates (items/s)"));
    if (m_history.isEmpty())
        m_summary->setText(idleText());
    m_picker->setAccessibleName(tr("Queue"));
    for (int q = 0; q < m_picker->count(); ++q)
        m_picker->setItemText(q, tr("Queue Q%1").arg(q + 1));
}

void QueueChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        restyle();
    else if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}
