#include "events/EventLogModel.h"
#include "events/EventLogProxy.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_EventLogModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void appendsInBatches();
    void staysBounded();
    void describes();
    void filter_data();
    void filter();
    void proxy();
};

static SessionEvent makeEvent(double t, const QString &kind, const QJsonObject &fields = {})
{
    return SessionEvent{t, kind, fields};
}

void tst_EventLogModel::appendsInBatches()
{
    EventLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.append({makeEvent(0.1, u"process.spawn"_s, {{u"pid"_s, 812}}), makeEvent(0.2, u"thread.start"_s, {{u"pid"_s, 812}, {u"tid"_s, 813}})});
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(1, EventLogModel::TidColumn).data().toString(), u"813"_s);
    QCOMPARE(model.index(0, EventLogModel::TimeColumn).data().toString(), u"0.100"_s);
    model.append({});
    QCOMPARE(inserted.size(), 1);
}

void tst_EventLogModel::staysBounded()
{
    EventLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCapacity(100);
    for (int batch = 0; batch < 50; ++batch) {
        QList<SessionEvent> events;
        for (int i = 0; i < 7; ++i)
            events << makeEvent(batch + i / 10.0, u"task.state"_s, {{u"pid"_s, batch * 7 + i}});
        model.append(events);
        QVERIFY(model.rowCount() <= 100);
    }
    // The newest event is always last.
    QCOMPARE(model.index(model.rowCount() - 1, EventLogModel::PidColumn).data().toString(), u"349"_s);
    QList<SessionEvent> huge;
    for (int i = 0; i < 250; ++i)
        huge << makeEvent(100 + i, u"output"_s, {{u"pid"_s, i}});
    model.append(huge);
    QCOMPARE(model.rowCount(), 100);
    QCOMPARE(model.index(99, EventLogModel::PidColumn).data().toString(), u"249"_s);
}

void tst_EventLogModel::describes()
{
    QCOMPARE(EventLogModel::describe(makeEvent(1, u"task.state"_s,
                                           {{u"from"_s, u"running"_s}, {u"to"_s, u"blocked"_s}, {u"reason"_s, u"queue full"_s}})),
             u"running → blocked (queue full)"_s);
    QCOMPARE(EventLogModel::describe(makeEvent(1, u"process.exit"_s, {{u"signal"_s, 9}, {u"signal_name"_s, u"SIGKILL"_s}})),
             u"killed by SIGKILL"_s);
    QCOMPARE(EventLogModel::describe(makeEvent(1, u"process.exit"_s, {{u"signal"_s, 15}, {u"signal_name"_s, u"SIGTERM"_s}})),
             u"killed by SIGTERM"_s);
    QCOMPARE(EventLogModel::describe(makeEvent(1, u"process.exit"_s, {{u"code"_s, 0}})), u"exit code 0"_s);
    // Reaped by its own parent inside a program's tree: never "exit code" with no value.
    QCOMPARE(EventLogModel::describe(makeEvent(1, u"process.exit"_s, {{u"status"_s, u"unknown"_s}})),
             u"exit status unknown (reaped by its parent)"_s);
    QCOMPARE(EventLogModel::describe(makeEvent(1, u"process.reparent"_s, {{u"from"_s, 10}, {u"to"_s, 1}})),
             u"parent 10 → 1"_s);
    QCOMPARE(EventLogModel::describe(makeEvent(1, u"deadlock.detected"_s, {{u"explanation"_s, u"words"_s}})), u"words"_s);
}

void tst_EventLogModel::filter_data()
{
    QTest::addColumn<QStringList>("families");
    QTest::addColumn<QString>("task");
    QTest::addColumn<bool>("samples");
    QTest::addColumn<SessionEvent>("event");
    QTest::addColumn<bool>("accepted");
    const SessionEvent spawn = makeEvent(1, u"process.spawn"_s, {{u"pid"_s, 812}, {u"ppid"_s, 700}});
    const SessionEvent sample = makeEvent(1, u"queue.sample"_s, {{u"depth"_s, 3}});
    const SessionEvent cycle = makeEvent(1, u"deadlock.detected"_s, {{u"tids"_s, QJsonArray{901, 902}}});
    QTest::newRow("all") << QStringList() << QString() << false << spawn << true;
    QTest::newRow("samples hidden") << QStringList() << QString() << false << sample << false;
    QTest::newRow("samples shown") << QStringList() << QString() << true << sample << true;
    QTest::newRow("family in") << QStringList{u"process"_s} << QString() << false << spawn << true;
    QTest::newRow("family out") << QStringList{u"thread"_s} << QString() << false << spawn << false;
    QTest::newRow("pid") << QStringList() << u"812"_s << false << spawn << true;
    QTest::newRow("ppid") << QStringList() << u"700"_s << false << spawn << true;
    QTest::newRow("other pid") << QStringList() << u"81"_s << false << spawn << false;
    QTest::newRow("cycle member") << QStringList() << u"902"_s << false << cycle << true;
    QTest::newRow("text") << QStringList() << u"spawn"_s << false << spawn << true;
}

void tst_EventLogModel::filter()
{
    QFETCH(QStringList, families);
    QFETCH(QString, task);
    QFETCH(bool, samples);
    QFETCH(SessionEvent, event);
    QFETCH(bool, accepted);
    EventLogFilter filter;
    filter.setFamilies(families);
    filter.setTask(task);
    filter.setShowSamples(samples);
    QCOMPARE(filter.accepts(event), accepted);
}

void tst_EventLogModel::proxy()
{
    EventLogModel model;
    EventLogProxy proxy;
    proxy.setLogModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.append({makeEvent(0, u"process.spawn"_s, {{u"pid"_s, 1}}), makeEvent(0, u"cpu.sample"_s), makeEvent(0, u"thread.start"_s, {{u"pid"_s, 1}, {u"tid"_s, 2}})});
    QCOMPARE(proxy.rowCount(), 2);
    EventLogFilter filter;
    filter.setFamilies({u"thread"_s});
    proxy.setFilter(filter);
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, EventLogModel::KindColumn).data().toString(), u"thread.start"_s);
}

QTEST_MAIN(tst_EventLogModel)
#include "tst_eventlogmodel.moc"
