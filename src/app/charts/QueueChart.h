#pragma once

#include "RingBuffer.h"
#include "replay/ReplayHistory.h"

#include "ipc/QueueStats.h"

#include <QList>
#include <QWidget>

class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QLineSeries;
class QValueAxis;

// A bounded queue over the whole run while it is short and the last 60 seconds once it is long (TimeSpan), in two plots on one time axis: its depth against its capacity (items),
// and below it the put and get rates (items per second), each plot with its own scale. One queue at a time; a combo box picks it when the experiment has several.
// Drawn as CpuLoadChart is: when the picture moved by a pixel, thinned to the plot's pixels, not while hidden.
class QueueChart : public QWidget
{
    Q_OBJECT
public:
    explicit QueueChart(QWidget *parent = nullptr);

    void setIntervalMs(int ms);
    void addSample(double t, const QList<QueueStats> &queues);
    // Several samples in one go (a replay moving on), drawn once.
    void addSamples(const QList<ReplayHistory::QueueSample> &samples);
    // The whole history at once (a replay's seek): what the chart had is dropped.
    void setHistory(const QList<ReplayHistory::QueueSample> &samples);
    void clear();
    // The depth line as drawn now (x: seconds before the last sample); for tests.
    QList<QPointF> shownDepth() const;
    void flush() { redraw(true); }
    int shownQueue() const { return m_queue; }
    // The put and get rates of the last sample, items per second (smoothed).
    double putRate() const { return m_putRate; }
    double getRate() const { return m_getRate; }
    // The plots' titles (they carry the units); for tests.
    QString depthTitle() const;
    QString rateTitle() const;
    QValueAxis *depthAxis() const { return m_items; }
    QValueAxis *rateAxis() const { return m_rate; }
    QChart *rateChart() const { return m_rateChart; }

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    struct Sample
    {
        double t = 0, depth = 0, capacity = 0, putRate = 0, getRate = 0;
    };
    void retranslate();
    void restyle();
    static QString idleText();
    void push(double t, const QList<QueueStats> &queues);
    void redraw(bool force);

    QComboBox *m_picker;
    QLabel *m_summary;
    QChart *m_chart;     // depth and capacity
    QChart *m_rateChart; // puts and gets per second
    QChartView *m_view;
    QChartView *m_rateView;
    QLineSeries *m_depth, *m_capacity, *m_puts, *m_gets;
    QValueAxis *m_x, *m_rateX, *m_items, *m_rate;
    RingBuffer<Sample> m_history;
    int m_queue = 0;
    int m_queueCount = 0;
    double m_lastT = -1;
    double m_drawnTo = -1; // the right edge of the time axis drawn last
    double m_summaryT = -1; // session time the summary was last written; -1: write it on the next sample
    static constexpr double SummarySeconds = 0.5;
    std::uint64_t m_lastPuts = 0, m_lastGets = 0;
    double m_putRate = 0, m_getRate = 0;
    QueueStats m_last;
    double m_drawnAt = -1;
    bool m_dirty = false;
};
