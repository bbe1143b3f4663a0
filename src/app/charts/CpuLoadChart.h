#pragma once

#include "RingBuffer.h"
#include "replay/ReplayHistory.h"
#include "timeline/TimeSpan.h"

#include "probe/CpuLoad.h"

#include <QList>
#include <QWidget>

class QChart;
class QChartView;
class QGridLayout;
class QLabel;
class QLineSeries;
class QValueAxis;

// Per-core CPU load, one small chart per core, over the whole run while it is short and the last 60 seconds once
// it is long (TimeSpan), in session time: the lab's own tasks, other programs
// (the core's busy time less the lab's) and steal, stacked as areas (htop's formula; iowait counts as idle). Fixed-size ring buffers; one replace() per series when the picture
// moved by a pixel at least, with the points thinned to what the plot's pixels can show (ChartThinning); nothing
// is drawn while the chart is hidden (it catches up when shown).
class CpuLoadChart : public QWidget
{
    Q_OBJECT
public:
    explicit CpuLoadChart(QWidget *parent = nullptr);
    ~CpuLoadChart() override;

    // The history's length in samples follows from the interval: 60 s worth.
    void setIntervalMs(int ms);
    // labShares: per core, the lab's tasks' share (LabCoreShare); empty when unknown.
    void addSample(double t, const QList<CpuLoad> &cpus, const QList<double> &labShares = {});
    // Several samples in one go (a replay moving on), drawn once.
    void addSamples(const QList<ReplayHistory::CpuSample> &samples);
    // The whole history at once (a replay's seek): what the chart had is dropped.
    void setHistory(const QList<ReplayHistory::CpuSample> &samples);
    void clear();
    // The upper edge of the busy time (lab and other programs) and of the lab's part, as `core` shows them now
    // (x: session seconds, y: percent); for tests.
    // The time axis's range as drawn (session seconds); for tests.
    QPair<double, double> shownTimeRange() const;
    QList<QPointF> shownBusyPoints(int core) const;
    QList<QPointF> shownLabPoints(int core) const;
    // Draws what was added at once, whether or not it moved by a pixel; for tests and a replay's seek.
    void flush() { redraw(true); }
    int coreCount() const { return int(m_cores.size()); }
    static constexpr double HistorySeconds = TimeSpan::LongestSeconds;
    static constexpr double BucketSeconds = 0.5; // the time one drawn point stands for

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    struct Sample
    {
        double t = 0;
        double lab = 0, other = 0, steal = 0; // percent of the core
    };
    struct Core
    {
        QChartView *view = nullptr;
        QChart *chart = nullptr;
        QLineSeries *lab = nullptr;   // upper edge of the lab's area
        QLineSeries *other = nullptr; // lab + other programs = busy
        QLineSeries *steal = nullptr; // busy + steal
        QValueAxis *x = nullptr;
        RingBuffer<Sample> history;
        double titleAt = -1; // when the figure in the title was last changed
    };
    void ensureCores(int count);
    void push(double t, const QList<CpuLoad> &cpus, const QList<double> &labShares = {});
    // Puts the core's busy figure in its chart's title.
    void showFigure(Core &core, const CpuLoad &load, double t);
    void redraw(bool force);
    void restyle();
    void retranslate();

    QLabel *m_caption;
    QGridLayout *m_grid;
    QList<Core> m_cores;
    int m_capacity = 600;
    double m_now = 0;
    double m_drawnAt = -1; // the sample time drawn last; -1: nothing drawn since the last clear
    double m_drawnTo = -1; // the right edge of the time axis drawn last (TimeSpan)
    bool m_dirty = false;
};
