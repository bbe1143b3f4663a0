// QueueChart's axes: however far the put/get rate leaps between two ticks, neither axis ever holds more than a
// handful of ticks, not even between setting its range and its tick interval (each of which lays the axis out —
// thousands of grid lines and labels for one frame froze the window at the start of a 500-thread run).
#include "charts/QueueChart.h"

#include <QChart>
#include <QChartView>
#include <QTest>
#include <QValueAxis>

using namespace Qt::Literals::StringLiterals;

class tst_QueueChart : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void ratesHaveAPlotOfTheirOwn();
    void axesNeverHoldThousandsOfTicks_data();
    void axesNeverHoldThousandsOfTicks();
};

void tst_QueueChart::axesNeverHoldThousandsOfTicks_data()
{
    QTest::addColumn<QList<quint64>>("putsPerTick");
    // The rate shown at the end: each tick's rate smoothed over one second (at 10 Hz a tenth of the way from the
    // shown rate to the tick's own), worked out by hand from the puts, ±10 %.
    QTest::addColumn<double>("rate");
    QTest::newRow("a run starting at 100 000 puts/s") << QList<quint64>{0, 0, 10000, 10000, 10000, 10000} << 34390.0;
    QTest::newRow("a leap up and a fall back") << QList<quint64>{1, 1, 50000, 50000, 0, 0, 0, 3, 3, 3} << 50495.0;
    QTest::newRow("a slow queue") << QList<quint64>{1, 0, 2, 1, 0, 1} << 3.268;
}

void tst_QueueChart::axesNeverHoldThousandsOfTicks()
{
    QFETCH(QList<quint64>, putsPerTick);
    QFETCH(double, rate);
    QueueChart chart;
    chart.resize(600, 300);
    chart.setIntervalMs(100);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    const auto views = chart.findChildren<QChartView *>();
    QVERIFY(!views.isEmpty());
    int mostTicks = 0;
    QList<QValueAxis *> axes;
    QList<QAbstractAxis *> all;
    for (QChartView *view : views)
        all += view->chart()->axes();
    for (QAbstractAxis *axis : all) {
        auto *valueAxis = qobject_cast<QValueAxis *>(axis);
        if (!valueAxis || valueAxis->tickType() != QValueAxis::TicksDynamic)
            continue;
        axes << valueAxis;
        const auto count = [valueAxis, &mostTicks] {
            if (valueAxis->tickInterval() > 0)
                mostTicks = std::max(mostTicks, int((valueAxis->max() - valueAxis->min()) / valueAxis->tickInterval()));
        };
        connect(valueAxis, &QValueAxis::rangeChanged, this, count);
        connect(valueAxis, &QValueAxis::tickIntervalChanged, this, count);
    }
    // items, and items/s in a plot of its own; and the two plots' time axes (TimeSpan), which step by seconds
    QCOMPARE(axes.size(), 4);
    QueueStats queue;
    queue.capacity = 8;
    double t = 0;
    for (quint64 puts : putsPerTick) {
        queue.puts += puts;
        queue.gets += puts;
        chart.addSample(t, {queue});
        chart.flush();
        t += 0.1;
    }
    QVERIFY2(mostTicks <= 20, qPrintable(QString::number(mostTicks)));
    QVERIFY2(chart.putRate() >= 0.9 * rate && chart.putRate() <= 1.1 * rate, qPrintable(QString::number(chart.putRate())));
    QVERIFY2(chart.getRate() >= 0.9 * rate && chart.getRate() <= 1.1 * rate, qPrintable(QString::number(chart.getRate())));
}

// Rates are not drawn over the depth on a second axis (4.7 gets/s looked like "50 items"): two plots, each with
// its own scale and its unit in its title, the depth's scale from the capacity, the rates' from the rates.
void tst_QueueChart::ratesHaveAPlotOfTheirOwn()
{
    QueueChart chart;
    chart.resize(500, 400);
    chart.setIntervalMs(100);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    QVERIFY(chart.rateChart()->axes().contains(chart.rateAxis()));
    QVERIFY(!chart.rateChart()->axes().contains(chart.depthAxis()));
    QVERIFY(chart.depthTitle().contains(u"items"_s));
    QVERIFY(chart.rateTitle().contains(u"items/s"_s));
    QueueStats queue;
    queue.capacity = 50;
    for (int i = 0; i < 40; ++i) {
        queue.puts += i % 2; // 5 items a second at 10 Hz
        queue.gets += i % 2;
        queue.depth = 40;
        chart.addSample(i * 0.1, {queue});
    }
    chart.flush();
    QVERIFY2(chart.depthAxis()->max() >= 50, qPrintable(QString::number(chart.depthAxis()->max())));
    QVERIFY2(chart.rateAxis()->max() < 20, qPrintable(QString::number(chart.rateAxis()->max())));
}

QTEST_MAIN(tst_QueueChart)
#include "tst_queuechart.moc"
