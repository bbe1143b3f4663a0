// The lab's share of each core: its thread rows' running shares on the core each last ran on, capped by the core's
// busy share; process rows (the mean of their threads) never counted twice.
#include "frame/LabCoreShare.h"

#include <QTest>

class tst_LabCoreShare : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sharesPerCore_data();
    void sharesPerCore();
};

namespace {
TaskRow threadRow(qint64 pid, qint64 tid, int core, double running)
{
    TaskRow row;
    row.pid = pid;
    row.tid = tid;
    row.core = core;
    row.running = running;
    return row;
}
TaskRow processRow(qint64 pid, int core, double running)
{
    TaskRow row = threadRow(pid, 0, core, running);
    row.threads = 2;
    return row;
}
} // namespace

void tst_LabCoreShare::sharesPerCore_data()
{
    QTest::addColumn<QList<TaskRow>>("rows");
    QTest::addColumn<QList<double>>("busy");
    QTest::addColumn<QList<double>>("expected");
    QTest::newRow("nothing of the lab's") << QList<TaskRow>{} << QList<double>{0.9, 0.1} << QList<double>{0, 0};
    QTest::newRow("two threads on core 1, the process row left out")
        << QList<TaskRow>{processRow(10, 1, 0.4), threadRow(10, 10, 1, 0.3), threadRow(10, 11, 1, 0.5)}
        << QList<double>{0.9, 0.95} << QList<double>{0, 0.8};
    QTest::newRow("capped by the core's busy share")
        << QList<TaskRow>{threadRow(10, 10, 0, 0.7), threadRow(10, 11, 0, 0.6)} << QList<double>{0.9, 0.0}
        << QList<double>{0.9, 0};
    QTest::newRow("a core the machine does not have is ignored")
        << QList<TaskRow>{threadRow(10, 10, 7, 1.0), threadRow(10, 11, -1, 1.0)} << QList<double>{1.0, 1.0}
        << QList<double>{0, 0};
}

void tst_LabCoreShare::sharesPerCore()
{
    QFETCH(QList<TaskRow>, rows);
    QFETCH(QList<double>, busy);
    QFETCH(QList<double>, expected);
    const QList<double> shares = LabCoreShare::perCore(rows, int(busy.size()), busy);
    QCOMPARE(shares.size(), expected.size());
    for (qsizetype c = 0; c < shares.size(); ++c)
        QVERIFY2(qAbs(shares.at(c) - expected.at(c)) < 1e-9, qPrintable(QString::number(shares.at(c))));
}

QTEST_APPLESS_MAIN(tst_LabCoreShare)
#include "tst_labcoreshare.moc"
