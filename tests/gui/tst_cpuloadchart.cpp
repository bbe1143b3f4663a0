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
    void timeAxisFitsTheRun();
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

void tst_CpuLoadChart::timeAxisFitsTheRun()
{
    CpuLoadChart chart;
    chart.resize(400, 300);
    chart.setIntervalMs(100);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    CpuLoad load;
    load.core = 0;
    load.busy = 0.5;
    load.user = 0.5;
    for (int i = 0; i <= 28; ++i)
        chart.addSample(i * 0.1, {load}, {0.5});
    chart.flush();
    // A 2.8-second run fills a 5-second axis from 0, and its load is drawn from its first second on.
    QCOMPARE(chart.shownTimeRange(), qMakePair(0.0, 5.0));
    QList<QPointF> busy = chart.shownBusyPoints(0);
    QVERIFY(!busy.isEmpty());
    QVERIFY2(busy.first().x() < 0.6, qPrintable(QString::number(busy.first().x())));
    QVERIFY(busy.last().x() > 2.4);
    // Once the run is longer than a minute, the last minute.
    for (int i = 29; i <= 750; ++i)
        chart.addSample(i * 0.1, {load}, {0.5});
    chart.flush();
    QCOMPARE(chart.shownTimeRange(), qMakePair(15.0, 75.0));
    busy = chart.shownBusyPoints(0);
    QVERIFY(busy.first().x() >= 15.0 - 1e-9);
    QVERIFY(busy.last().x() > 74.0);
    // A new run starts from 0 again.
    chart.clear();
    chart.addSample(0.1, {load}, {0.5});
    chart.flush();
    QCOMPARE(chart.shownTimeRange(), qMakePair(0.0, 5.0));
}

QTEST_MAIN(tst_CpuLoadChart)
#include "tst_cpuloadchart.moc"
