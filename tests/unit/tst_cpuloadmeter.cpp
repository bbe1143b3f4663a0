// CpuLoadMeter: htop's per-core arithmetic (guest inside user, iowait as idle, steal apart, saturating
// differences) and the smoothing of 10 %-quantised shares.
#include "probe/CpuLoadMeter.h"

#include <QTest>

Q_DECLARE_METATYPE(CpuTimes)

namespace {
CpuTimes times(int core, quint64 user, quint64 nice, quint64 system, quint64 idle, quint64 iowait, quint64 irq,
               quint64 softirq, quint64 steal, quint64 guest, quint64 guestNice)
{
    CpuTimes t;
    t.core = core;
    t.user = user;
    t.nice = nice;
    t.system = system;
    t.idle = idle;
    t.iowait = iowait;
    t.irq = irq;
    t.softirq = softirq;
    t.steal = steal;
    t.guest = guest;
    t.guestNice = guestNice;
    return t;
}
} // namespace

class tst_CpuLoadMeter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void between_data();
    void between();
    void smoothing();
    void firstReadingIsSinceBoot();
    void coreAppearsLater();
};

void tst_CpuLoadMeter::between_data()
{
    QTest::addColumn<CpuTimes>("after");
    QTest::addColumn<double>("busy");
    QTest::addColumn<double>("user");
    QTest::addColumn<double>("system");
    QTest::addColumn<double>("iowait");
    QTest::addColumn<double>("steal");
    // From all zeroes to these 100 ticks.
    QTest::newRow("idle") << times(0, 0, 0, 0, 100, 0, 0, 0, 0, 0, 0) << 0.0 << 0.0 << 0.0 << 0.0 << 0.0;
    QTest::newRow("user and nice") << times(0, 30, 20, 0, 50, 0, 0, 0, 0, 0, 0) << 0.5 << 0.5 << 0.0 << 0.0 << 0.0;
    QTest::newRow("irq is system") << times(0, 0, 0, 10, 70, 0, 10, 10, 0, 0, 0) << 0.3 << 0.0 << 0.3 << 0.0 << 0.0;
    QTest::newRow("iowait is idle") << times(0, 10, 0, 0, 40, 50, 0, 0, 0, 0, 0) << 0.1 << 0.1 << 0.0 << 0.5 << 0.0;
    QTest::newRow("steal apart") << times(0, 40, 0, 0, 40, 0, 0, 0, 20, 0, 0) << 0.4 << 0.4 << 0.0 << 0.0 << 0.2;
    // guest (30) is inside user (60): not counted twice — total stays 100.
    QTest::newRow("guest inside user") << times(0, 60, 0, 0, 40, 0, 0, 0, 0, 30, 0) << 0.6 << 0.6 << 0.0 << 0.0 << 0.0;
    QTest::newRow("nothing elapsed") << times(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0) << 0.0 << 0.0 << 0.0 << 0.0 << 0.0;
}

void tst_CpuLoadMeter::between()
{
    QFETCH(CpuTimes, after);
    const CpuLoad load = CpuLoadMeter::between(times(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), after);
    QCOMPARE(load.core, 0);
    QTEST(load.busy, "busy");
    QTEST(load.user, "user");
    QTEST(load.system, "system");
    QTEST(load.iowait, "iowait");
    QTEST(load.steal, "steal");
}

void tst_CpuLoadMeter::smoothing()
{
    CpuLoadMeter meter(0.5);
    QList<CpuLoad> cores;
    CpuTimes total = times(-1, 0, 0, 0, 100, 0, 0, 0, 0, 0, 0);
    CpuTimes core0 = times(0, 0, 0, 0, 100, 0, 0, 0, 0, 0, 0);
    meter.update({total, core0}, 0, &cores);
    QCOMPARE(cores.size(), 1);
    QCOMPARE(cores[0].busy, 0.0);
    // A fully busy 100 ms interval: the smoothed share moves by the weight of 0.1 s against 0.5 s, not to 1.
    core0.user += 10;
    total.user += 10;
    meter.update({total, core0}, 0.1, &cores);
    const double w = CpuLoadMeter::weight(0.1, 0.5);
    QVERIFY(qAbs(cores[0].busy - w) < 1e-9);
    // Steady full load converges to 1.
    for (int i = 0; i < 100; ++i) {
        core0.user += 10;
        total.user += 10;
        meter.update({total, core0}, 0.1, &cores);
    }
    QVERIFY(cores[0].busy > 0.999);
    // Counters going backwards (a core offlined and back): saturate to zero instead of wrapping around.
    core0.user -= 500;
    core0.idle += 10;
    const CpuLoad total1 = meter.update({total, core0}, 0.1, &cores);
    QVERIFY(cores[0].busy >= 0 && cores[0].busy <= 1);
    QVERIFY(cores[0].busy < 1.0);
    QVERIFY(total1.busy >= 0 && total1.busy <= 1);
}

void tst_CpuLoadMeter::firstReadingIsSinceBoot()
{
    CpuLoadMeter meter;
    QList<CpuLoad> cores;
    const CpuLoad total = meter.update({times(-1, 25, 0, 25, 50, 0, 0, 0, 0, 0, 0)}, 0, &cores);
    QVERIFY(cores.isEmpty());
    QCOMPARE(total.core, -1);
    QCOMPARE(total.busy, 0.5);
}

void tst_CpuLoadMeter::coreAppearsLater()
{
    CpuLoadMeter meter;
    QList<CpuLoad> cores;
    meter.update({times(-1, 0, 0, 0, 10, 0, 0, 0, 0, 0, 0), times(0, 0, 0, 0, 10, 0, 0, 0, 0, 0, 0)}, 0, &cores);
    meter.update({times(-1, 0, 0, 0, 20, 0, 0, 0, 0, 0, 0), times(0, 0, 0, 0, 20, 0, 0, 0, 0, 0, 0),
                  times(3, 10, 0, 0, 10, 0, 0, 0, 0, 0, 0)},
                 0.1, &cores);
    QCOMPARE(cores.size(), 2);
    QCOMPARE(cores[1].core, 3);
    QCOMPARE(cores[1].busy, 0.5);
}

QTEST_APPLESS_MAIN(tst_CpuLoadMeter)
#include "tst_cpuloadmeter.moc"
