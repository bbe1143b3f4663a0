#include "tasks/TaskTreeModel.h"
#include "tasks/TaskTreeProxy.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_TaskTreeModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void processesWithThreads();
    void changedRowsAreBatched();
    void onlyVisibleChangesAreSignalled_data();
    void onlyVisibleChangesAreSignalled();
    void vanishedRowsLingerThenGo();
    void zombieStaysUntilReaped();
    void reparentedProcessMoves();
    void childUnderParent();
    void proxyFiltersAndSorts();
    void controlThreadHidesOnceKnown();
    void countsByState();
};

static TaskRow processRow(qint64 pid, qint64 ppid, TaskState state = TaskState::Blocked)
{
    TaskRow row;
    row.pid = pid;
    row.ppid = ppid;
    row.name = u"proclab-worker"_s;
    row.state = state;
    return row;
}

static TaskRow threadRow(qint64 pid, qint64 tid, const QString &name, TaskState state = TaskState::Blocked)
{
    TaskRow row;
    row.pid = pid;
    row.tid = tid;
    row.name = name;
    row.state = state;
    row.blocked = 1;
    return row;
}

void tst_TaskTreeModel::processesWithThreads()
{
    TaskTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.update({processRow(100, 1), threadRow(100, 100, u"proclab-worker"_s), threadRow(100, 101, u"producer-1"_s),
                  threadRow(100, 102, u"consumer-1"_s)},
                 0);
    QCOMPARE(model.rowCount(), 1);
    const QModelIndex top = model.index(0, 0);
    QCOMPARE(model.rowCount(top), 3);
    QCOMPARE(model.data(model.index(1, TaskTreeModel::TidColumn, top)).toLongLong(), 101);
    QCOMPARE(model.data(model.index(1, TaskTreeModel::NameColumn, top)).toString(), u"producer-1"_s);
    QVERIFY(!model.data(model.index(0, TaskTreeModel::TidColumn)).isValid());
    QCOMPARE(model.data(model.index(0, TaskTreeModel::StateColumn, top)).toString(), u"Blocked"_s);
    QVERIFY(!model.data(model.index(0, TaskTreeModel::StateColumn, top), Qt::DecorationRole).isNull());
    QCOMPARE(model.indexOf(100, 102), model.index(2, 0, top));
}

void tst_TaskTreeModel::changedRowsAreBatched()
{
    TaskTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<TaskRow> rows{processRow(100, 1)};
    for (int i = 0; i < 20; ++i)
        rows << threadRow(100, 200 + i, u"consumer-%1"_s.arg(i));
    model.update(rows, 0);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    for (int i = 1; i < rows.size(); ++i)
        rows[i].running = 0.5;
    model.update(rows, 0.1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(inserted.size(), 0);
    model.update(rows, 0.2);
    QCOMPARE(changed.size(), 1); // nothing changed: no signal
}

void tst_TaskTreeModel::onlyVisibleChangesAreSignalled_data()
{
    QTest::addColumn<double>("running");
    QTest::addColumn<double>("cpu");
    QTest::addColumn<qint64>("items");
    QTest::addColumn<int>("column"); // the one column signalled; -1 for no signal
    // The row starts at running 0.5, CPU 12.3 %, 5 items.
    QTest::newRow("same") << 0.5 << 12.3 << qint64(5) << -1;
    QTest::newRow("share below a percent") << 0.503 << 12.3 << qint64(5) << -1;
    QTest::newRow("share by a percent") << 0.51 << 12.3 << qint64(5) << int(TaskTreeModel::ShareColumn);
    QTest::newRow("cpu below a tenth") << 0.5 << 12.32 << qint64(5) << -1;
    QTest::newRow("cpu by a tenth") << 0.5 << 12.4 << qint64(5) << int(TaskTreeModel::CpuColumn);
    QTest::newRow("one more item") << 0.5 << 12.3 << qint64(6) << int(TaskTreeModel::ItemsColumn);
}

void tst_TaskTreeModel::onlyVisibleChangesAreSignalled()
{
    QFETCH(double, running);
    QFETCH(double, cpu);
    QFETCH(qint64, items);
    QFETCH(int, column);
    const bool signalled = column >= 0;
    TaskTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<TaskRow> rows{processRow(100, 1), threadRow(100, 101, u"producer-0"_s)};
    rows[1].running = 0.5;
    rows[1].cpuPercent = 12.3;
    rows[1].itemsDone = 5;
    model.update(rows, 0);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    rows[1].running = running;
    rows[1].cpuPercent = cpu;
    rows[1].itemsDone = items;
    model.update(rows, 0.1);
    QCOMPARE(changed.size(), signalled ? 1 : 0);
    if (signalled) {
        // Only the cell that looks different is named, so the view repaints nothing else.
        const auto topLeft = changed.at(0).at(0).value<QModelIndex>();
        const auto bottomRight = changed.at(0).at(1).value<QModelIndex>();
        QCOMPARE(topLeft.column(), column);
        QCOMPARE(bottomRight.column(), column);
        QCOMPARE(topLeft.row(), bottomRight.row());
    }
    // What the row shows is what was signalled: the unsignalled tick leaves the old values.
    const QModelIndex cpuCell = model.indexOf(100, 101, TaskTreeModel::CpuColumn);
    QCOMPARE(cpuCell.data().toString(), QString::number(signalled ? cpu : 12.3, 'f', 1));
    QCOMPARE(cpuCell.data(TaskTreeModel::RunningRole).toDouble(), signalled ? running : 0.5);
}

void tst_TaskTreeModel::vanishedRowsLingerThenGo()
{
    TaskTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setLingerSeconds(3);
    model.update({processRow(100, 1), threadRow(100, 101, u"producer-1"_s), threadRow(100, 102, u"producer-2"_s)}, 0);
    model.update({processRow(100, 1), threadRow(100, 101, u"producer-1"_s)}, 1);
    const QModelIndex gone = model.indexOf(100, 102, TaskTreeModel::StateColumn);
    QVERIFY(gone.isValid());
    QCOMPARE(TaskState(gone.data(TaskTreeModel::StateRole).toInt()), TaskState::Terminated);
    QVERIFY(gone.data(TaskTreeModel::LingeringRole).toBool());
    QVERIFY(gone.data(Qt::ForegroundRole).isValid()); // greyed
    model.update({processRow(100, 1), threadRow(100, 101, u"producer-1"_s)}, 3.5);
    QVERIFY(model.indexOf(100, 102).isValid());
    model.update({processRow(100, 1), threadRow(100, 101, u"producer-1"_s)}, 4.1);
    QVERIFY(!model.indexOf(100, 102).isValid());
    QCOMPARE(model.rowCount(model.indexOf(100, 0)), 1);

    // The whole process goes, threads with it.
    model.update({}, 5);
    model.update({}, 9);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.taskCount(), 0);
}

void tst_TaskTreeModel::zombieStaysUntilReaped()
{
    TaskTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.update({processRow(100, 1, TaskState::Running)}, 0);
    for (double t = 1; t < 20; t += 1) {
        model.update({processRow(100, 1, TaskState::Zombie)}, t);
        QCOMPARE(TaskState(model.index(0, 0).data(TaskTreeModel::StateRole).toInt()), TaskState::Zombie);
    }
    model.update({}, 20);
    QCOMPARE(TaskState(model.index(0, 0).data(TaskTreeModel::StateRole).toInt()), TaskState::Terminated);
    model.update({}, 24);
    QCOMPARE(model.rowCount(), 0);
}

void tst_TaskTreeModel::reparentedProcessMoves()
{
    TaskTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.update({processRow(100, 1), processRow(200, 100), processRow(201, 100), threadRow(200, 200, u"child"_s)}, 0);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.rowCount(model.indexOf(100, 0)), 2);
    QCOMPARE(model.indexOf(200, 0).parent(), model.indexOf(100, 0));

    // The parent is killed: its children come to the supervisor (PID 1 here) and move to the top at once, while
    // the dead parent lingers.
    model.update({processRow(200, 1), processRow(201, 1), threadRow(200, 200, u"child"_s)}, 1);
    QVERIFY(!model.indexOf(200, 0).parent().isValid());
    QVERIFY(!model.indexOf(201, 0).parent().isValid());
    QCOMPARE(model.data(model.indexOf(200, 0, TaskTreeModel::PpidColumn)).toLongLong(), 1);
    QCOMPARE(model.rowCount(model.indexOf(200, 0)), 1);
    QCOMPARE(TaskState(model.indexOf(100, 0).data(TaskTreeModel::StateRole).toInt()), TaskState::Terminated);
    model.update({processRow(200, 1), processRow(201, 1), threadRow(200, 200, u"child"_s)}, 10);
    QCOMPARE(model.rowCount(), 2);
}

void tst_TaskTreeModel::childUnderParent()
{
    // A child that arrives in the same tick as its parent, and one listed before its parent.
    TaskTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.update({processRow(300, 200), processRow(200, 100), processRow(100, 1)}, 0);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.indexOf(300, 0).parent(), model.indexOf(200, 0));
    QCOMPARE(model.indexOf(200, 0).parent(), model.indexOf(100, 0));
}

void tst_TaskTreeModel::proxyFiltersAndSorts()
{
    TaskTreeModel model;
    TaskTreeProxy proxy;
    proxy.setTaskModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.update({processRow(100, 1, TaskState::Running), threadRow(100, 103, u"producer-1"_s, TaskState::Running),
                  threadRow(100, 101, u"consumer-1"_s, TaskState::Blocked),
                  threadRow(100, 102, u"consumer-2"_s, TaskState::Ready)},
                 0);
    proxy.sort(TaskTreeModel::TidColumn, Qt::AscendingOrder);
    QModelIndex top = proxy.index(0, 0);
    QCOMPARE(proxy.rowCount(top), 3);
    QCOMPARE(proxy.index(0, TaskTreeModel::TidColumn, top).data().toLongLong(), 101);
    QCOMPARE(proxy.index(2, TaskTreeModel::TidColumn, top).data().toLongLong(), 103);

    proxy.setStateShown(TaskState::Blocked, true);
    top = proxy.index(0, 0);
    QCOMPARE(proxy.rowCount(), 1); // the running process stays, as the parent of a match
    QCOMPARE(proxy.rowCount(top), 1);
    QCOMPARE(proxy.index(0, TaskTreeModel::NameColumn, top).data().toString(), u"consumer-1"_s);

    proxy.setStates({});
    proxy.setFilterText(u"consumer"_s);
    top = proxy.index(0, 0);
    QCOMPARE(proxy.rowCount(top), 2);
    proxy.setFilterText(u"nothing-like-this"_s);
    QCOMPARE(proxy.rowCount(), 0);
    proxy.setFilterText({});
    QCOMPARE(proxy.rowCount(proxy.index(0, 0)), 3);

    // Live updates go through the proxy too.
    model.update({processRow(100, 1, TaskState::Running), threadRow(100, 103, u"producer-1"_s, TaskState::Blocked)}, 1);
    model.update({processRow(100, 1, TaskState::Running), threadRow(100, 103, u"producer-1"_s, TaskState::Blocked)}, 9);
    QCOMPARE(proxy.rowCount(proxy.index(0, 0)), 1);
}

// A lab process's main thread is sampled before its lab thread's thread.start arrives: on the first ticks it is
// not yet known as the control thread (FrameRowBuilder). When it becomes known the row must leave the table, though
// nothing else about it changed (seen in pc-processes: one producer's control thread stayed in view).
void tst_TaskTreeModel::controlThreadHidesOnceKnown()
{
    TaskTreeModel model;
    TaskTreeProxy proxy;
    proxy.setTaskModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    TaskRow main = threadRow(100, 100, u"producer-1"_s);
    model.update({processRow(100, 1), main}, 0);
    QCOMPARE(proxy.rowCount(proxy.index(0, 0)), 1);
    main.labControl = true;
    model.update({processRow(100, 1), main, threadRow(100, 103, u"producer-1"_s)}, 0.1);
    const QModelIndex top = proxy.index(0, 0);
    QCOMPARE(proxy.rowCount(top), 1);
    QCOMPARE(proxy.index(0, TaskTreeModel::TidColumn, top).data().toLongLong(), 103);
    proxy.setOwnThreadsShown(true);
    QCOMPARE(proxy.rowCount(proxy.index(0, 0)), 2);
}

void tst_TaskTreeModel::countsByState()
{
    TaskTreeModel model;
    model.update({processRow(100, 1), threadRow(100, 101, u"a"_s, TaskState::Running),
                  threadRow(100, 102, u"b"_s, TaskState::Ready), processRow(200, 100, TaskState::Zombie)},
                 0);
    const auto counts = model.countsByState();
    QCOMPARE(counts.value(TaskState::Running), 1);
    QCOMPARE(counts.value(TaskState::Ready), 1);
    QCOMPARE(counts.value(TaskState::Zombie), 1);
    QCOMPARE(counts.value(TaskState::Blocked), 0); // the process row of 100 counts through its threads
}

QTEST_MAIN(tst_TaskTreeModel)
#include "tst_tasktreemodel.moc"
