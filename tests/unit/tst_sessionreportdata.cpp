// SessionReportData: lanes from state changes, series thinned to a bounded size, the table capped.
#include "session/SessionReportData.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {
SessionEvent sample(double t, qint64 tid, const QString &state)
{
    return {t, u"task.sample"_s, QJsonObject{{u"pid"_s, 50}, {u"tid"_s, tid}, {u"state"_s, state}}};
}
} // namespace

class tst_SessionReportData : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void lanesKeepOnlyChanges();
    void threadExitClosesTheLane();
    void longSeriesAreThinned();
    void tableIsCapped();
    void phenomenonIsTheLastCheck();
};

void tst_SessionReportData::lanesKeepOnlyChanges()
{
    SessionReportData data;
    data.add({0, u"process.spawn"_s, QJsonObject{{u"pid"_s, 50}, {u"name"_s, u"proclab-worker"_s}}});
    data.add({0.01, u"thread.start"_s, QJsonObject{{u"pid"_s, 50}, {u"tid"_s, 51}, {u"role"_s, u"consumer-1"_s}}});
    for (int i = 0; i < 10; ++i)
        data.add(sample(i * 0.1, 51, i < 4 ? u"running"_s : u"blocked"_s));
    data.add({0.95, u"task.state"_s,
              QJsonObject{{u"pid"_s, 50}, {u"tid"_s, 51}, {u"from"_s, u"blocked"_s}, {u"to"_s, u"ready"_s}}});
    data.add(sample(0.5, 50, u"blocked"_s));
    data.add({2.0, u"experiment.stop"_s, {}});
    data.finish();
    QCOMPARE(data.duration(), 2.0);
    QCOMPARE(data.lanes().size(), 2);
    const auto &main = data.lanes()[0];
    QCOMPARE(main.tid, 50);
    QCOMPARE(main.label, u"proclab-worker · 50"_s);
    const auto &consumer = data.lanes()[1];
    QCOMPARE(consumer.label, u"consumer-1 · 50/51"_s);
    QCOMPARE(consumer.spans.size(), 3);
    QCOMPARE(consumer.spans[0].state, u"running"_s);
    QCOMPARE(consumer.spans[0].to, 0.4);
    QCOMPARE(consumer.spans[1].state, u"blocked"_s);
    QCOMPARE(consumer.spans[2].state, u"ready"_s);
    QCOMPARE(consumer.spans[2].to, 2.0);
    QCOMPARE(data.threadCount(), 2);
    QCOMPARE(data.processCount(), 1);
}

void tst_SessionReportData::threadExitClosesTheLane()
{
    SessionReportData data;
    data.add(sample(0, 61, u"running"_s));
    data.add({1.0, u"thread.exit"_s, QJsonObject{{u"pid"_s, 50}, {u"tid"_s, 61}}});
    data.add({5.0, u"experiment.stop"_s, {}});
    data.finish();
    QCOMPARE(data.lanes().size(), 1);
    QCOMPARE(data.lanes()[0].spans.size(), 1);
    QCOMPARE(data.lanes()[0].spans[0].to, 1.0);
}

void tst_SessionReportData::longSeriesAreThinned()
{
    SessionReportData data;
    const int samples = 36000; // an hour at 10 Hz
    for (int i = 0; i < samples; ++i) {
        data.add({i * 0.1, u"cpu.sample"_s,
                  QJsonObject{{u"cpus"_s, QJsonArray{QJsonObject{{u"core"_s, 0}, {u"busy"_s, 0.5}},
                                                     QJsonObject{{u"core"_s, 1}, {u"busy"_s, 7.0}}}}}});
        data.add(
            {i * 0.1, u"queue.sample"_s, QJsonObject{{u"queue"_s, u"q"_s}, {u"depth"_s, i % 8}, {u"capacity"_s, 8}}});
    }
    data.finish();
    QVERIFY(data.cpuPoints().size() < 2 * SessionReportData::MaxSeriesPoints);
    QVERIFY(data.cpuPoints().size() >= SessionReportData::MaxSeriesPoints / 2);
    QCOMPARE(data.coreCount(), 2);
    QCOMPARE(data.cpuPoints().last().busy[1], 1.0); // clamped
    QVERIFY(data.cpuPoints().last().t > 3000);      // spread over the whole hour, not its first minutes
    QVERIFY(data.queues().value(u"q"_s).points.size() < 2 * SessionReportData::MaxSeriesPoints);
    QVERIFY(data.tableEvents().isEmpty());
}

void tst_SessionReportData::tableIsCapped()
{
    SessionReportData data;
    for (int i = 0; i < SessionReportData::MaxTableRows + 25; ++i)
        data.add({i * 0.01, u"output"_s, QJsonObject{{u"line"_s, u"x"_s}}});
    QCOMPARE(data.tableEvents().size(), SessionReportData::MaxTableRows);
    QCOMPARE(data.omittedTableRows(), 25);
    QCOMPARE(data.kindCounts().value(u"output"_s), SessionReportData::MaxTableRows + 25);
}

void tst_SessionReportData::phenomenonIsTheLastCheck()
{
    SessionReportData data;
    QVERIFY(!data.hasPhenomenon());
    data.add({1, u"phenomenon"_s, QJsonObject{{u"observed"_s, false}}});
    data.add({2, u"phenomenon"_s, QJsonObject{{u"observed"_s, true}, {u"detail"_s, u"ok"_s}}});
    QVERIFY(data.hasPhenomenon());
    QCOMPARE(data.phenomenon().value(u"detail"_s).toString(), u"ok"_s);
}

QTEST_APPLESS_MAIN(tst_SessionReportData)
#include "tst_sessionreportdata.moc"
