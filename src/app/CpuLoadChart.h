#pragma once

#include "RingBuffer.h"

#include "probe/CpuLoad.h"

#include <QList>
#include <QWidget>

class QChart;
class QChartView;
class QGridLayout;
class QLabel;
class QLineSeries;
class QValueAxis;

// Per-core CPU load, one small chart per core: user, system and steal stacked as areas over the last 60 seconds
// (htop's formula; iowait counts as idle). Fixed-size ring buffers; per tick one replace() per series.
class CpuLoadChart : public QWidget
{
    Q_OBJECT
public:
    explicit CpuLoadChart(QWidget *parent = nullptr);
    ~CpuLoadChart() override;

    // The history's length in samples follows from the interval: 60 s worth.
    void setIntervalMs(int ms);
    void addSample(double t, const QList<CpuLoad> &cpus);
    void clear();
    int coreCount() const { return int(m_cores.size()); }
    static constexpr double HistorySeconds = 60;

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Sample
    {
        double t = 0;
        double user = 0, system = 0, steal = 0;
    };
    struct Core
    {
        QChartView *view = nullptr;
        QChart *chart = nullptr;
        QLineSeries *user = nullptr;   // upper edge of the user area
        QLineSeries *system = nullptr; // user + system
        QLineSeries *steal = nullptr;  // user + system + steal
        QValueAxis *x = nullptr;
        RingBuffer<Sample> history;
    };
    void ensureCores(int count);
    void restyle();
    void retranslate();

    QLabel *m_caption;
    QGridLayout *m_grid;
    QList<Core> m_cores;
    int m_capacity = 600;
};
