// The CPU chart shows the lab's share of each core apart from other programs': a compile job beside the lab must
// not look like the lab's own work. Empty charts (with their axes) are there before the first sample.
#include "charts/CpuLoadChart.h"

#include <QChartView>
#include <QTest>

class tst_CpuLoadChart : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void labIsShownApartFromOtherPrograms();
    void coresAreThereBeforeTheFirstSample();
};

void tst_CpuLoadChart::labIsShownApartFromOtherPrograms()
{
    CpuLoadChart chart;
    chart.resize(400, 300);
    chart.setIntervalMs(100);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    CpuLoad load;
    load.core = 0;
    load.busy = 0.9; // the core is 90 % busy, 30 points of it the lab's
    load.user = 0.8;
    load.system = 0.1;
    for (int i = 0; i < 20; ++i)
        chart.addSample(i * 0.1, {load}, {0.3});
    chart.flush();
    const QList<QPointF> lab = chart.shownLabPoints(0);
    const QList<QPointF> busy = chart.shownBusyPoints(0);
    QVERIFY(!lab.isEmpty());
    QVERIFY(!busy.isEmpty());
    QCOMPARE(qRound(lab.last().y()), 30);
    QCOMPARE(qRound(busy.last().y()), 90);
}

void tst_CpuLoadChart::coresAreThereBeforeTheFirstSample()
{
    CpuLoadChart chart;
    QVERIFY(chart.coreCount() >= 1);
    QVERIFY(!chart.findChildren<QChartView *>().isEmpty());
}

QTEST_MAIN(tst_CpuLoadChart)
#include "tst_cpuloadchart.moc"
