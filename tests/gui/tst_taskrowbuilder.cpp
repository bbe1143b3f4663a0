#include "TaskRowBuilder.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_TaskRowBuilder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void processesAndThreads();
    void zombieAndSupervisor();
};

static TaskSample task(int pid, int tid, TaskState state, double running, const QString &name)
{
    TaskSample t;
    t.pid = pid;
    t.tid = tid;
    t.ppid = 1;
    t.name = name;
    t.state = state;
    t.running = running;
    t.blocked = 1 - running;
    t.cpuPercent = running * 100;
    t.core = tid % 2;
    return t;
}

void tst_TaskRowBuilder::processesAndThreads()
{
    Snapshot snapshot;
    ProcessSample process;
    process.pid = 500;
    process.ppid = 1;
    process.name = u"proclab-worker"_s;
    process.stat = 'S';
    snapshot.processes << process;
    snapshot.tasks << task(500, 500, TaskState::Blocked, 0, u"proclab-worker"_s)
                   << task(500, 501, TaskState::Running, 0.8, u"producer-1"_s)
                   << task(500, 502, TaskState::Terminated, 0, u"consumer-1"_s);
    TelemetrySnapshot telemetry;
    ThreadTelemetrySample slot;
    slot.pid = 500;
    slot.tid = 501;
    slot.role = u"producer-1"_s;
    slot.itemsDone = 42;
    telemetry.threads << slot;
    LabProcessInfo info;
    info.pid = 500;
    info.role = u"host"_s;
    info.name = u"queue-host"_s;
    info.threads << LabThreadInfo{501, u"producer"_s, u"producer-1"_s};

    const QList<TaskRow> rows = TaskRowBuilder::build(snapshot, telemetry, {info}, 1);
    QCOMPARE(rows.size(), 3); // the terminated thread is left to the model
    QCOMPARE(rows.at(0).tid, 0);
    QCOMPARE(rows.at(0).role, u"host"_s);
    QCOMPARE(rows.at(0).name, u"queue-host"_s);       // the lab's name for it,
    QCOMPARE(rows.at(0).command, u"proclab-worker"_s); // the kernel's in the tool tip
    QCOMPARE(rows.at(0).state, LabTaskState::Running); // a thread of it runs
    QCOMPARE(rows.at(0).itemsDone, 42);
    QCOMPARE(rows.at(0).cpuPercent, 80.0);
    QCOMPARE(rows.at(2).tid, 501);
    QCOMPARE(rows.at(2).role, u"producer"_s);
    QCOMPARE(rows.at(2).itemsDone, 42);
    QCOMPARE(rows.at(1).itemsDone, -1);
}

void tst_TaskRowBuilder::zombieAndSupervisor()
{
    Snapshot snapshot;
    ProcessSample self;
    self.pid = 10;
    ProcessSample zombie;
    zombie.pid = 11;
    zombie.ppid = 10;
    zombie.stat = 'Z';
    ProcessSample gone;
    gone.pid = 12;
    gone.gone = true;
    snapshot.processes << self << zombie << gone;
    snapshot.tasks << task(10, 10, TaskState::Running, 1, u"proclab"_s) << task(11, 11, TaskState::Zombie, 0, u"w"_s);
    const QList<TaskRow> rows = TaskRowBuilder::build(snapshot, {}, {}, 10);
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0).pid, 11);
    QCOMPARE(rows.at(0).state, LabTaskState::Zombie);
    QCOMPARE(rows.at(1).state, LabTaskState::Zombie);
}

QTEST_APPLESS_MAIN(tst_TaskRowBuilder)
#include "tst_taskrowbuilder.moc"
