// The cores a run may use: cgroup v2 cpu.max and /proc/self/cgroup parsed as the kernel writes them, and the
// allowance of this very process against what the kernel says of it.
#include "experiments/CoreAllowance.h"

#include <QTest>

#include <sched.h>

using namespace Qt::Literals::StringLiterals;

class tst_CoreAllowance : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesCpuMax_data();
    void parsesCpuMax();
    void findsTheUnifiedCgroup();
    void coresAreTheTighterLimit();
    void thisProcessMatchesItsAffinity();
};

void tst_CoreAllowance::parsesCpuMax_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<double>("cores"); // -1: no quota
    QTest::newRow("no quota") << QByteArray("max 100000\n") << -1.0;
    QTest::newRow("one and a half") << QByteArray("150000 100000\n") << 1.5;
    QTest::newRow("one core, short period") << QByteArray("10000 10000") << 1.0;
    QTest::newRow("garbage") << QByteArray("lots") << -1.0;
    QTest::newRow("empty") << QByteArray() << -1.0;
}

void tst_CoreAllowance::parsesCpuMax()
{
    QFETCH(QByteArray, text);
    QFETCH(double, cores);
    const std::optional<double> quota = CoreAllowance::parseCpuMax(text);
    QCOMPARE(quota.value_or(-1), cores);
}

void tst_CoreAllowance::findsTheUnifiedCgroup()
{
    QCOMPARE(CoreAllowance::parseUnifiedCgroup("0::/user.slice/app.scope\n").value_or("none"),
             QByteArray("/user.slice/app.scope"));
    QCOMPARE(CoreAllowance::parseUnifiedCgroup("12:cpu,cpuacct:/x\n0::/\n").value_or("none"), QByteArray("/"));
    QVERIFY(!CoreAllowance::parseUnifiedCgroup("4:memory:/a\n1:cpu:/\n"));
}

void tst_CoreAllowance::coresAreTheTighterLimit()
{
    CoreAllowance a;
    a.cpus = {0, 1, 2, 3};
    QCOMPARE(a.cores(), 4.0);
    a.quota = 1.5;
    QCOMPARE(a.cores(), 1.5);
    a.cpus = {2};
    QCOMPARE(a.cores(), 1.0);
    const CoreAllowance back = CoreAllowance::fromJson(a.toJson());
    QCOMPARE(back.cpus, a.cpus);
    QCOMPARE(back.quota, 1.5);
}

void tst_CoreAllowance::thisProcessMatchesItsAffinity()
{
    cpu_set_t set;
    CPU_ZERO(&set);
    QCOMPARE(::sched_getaffinity(0, sizeof set, &set), 0);
    const CoreAllowance allowance = CoreAllowance::ofThisProcess();
    QCOMPARE(allowance.cpus.size(), CPU_COUNT(&set));
    for (int cpu : allowance.cpus)
        QVERIFY(CPU_ISSET(cpu, &set));
}

QTEST_APPLESS_MAIN(tst_CoreAllowance)
#include "tst_coreallowance.moc"
