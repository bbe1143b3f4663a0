// Each experiment's check decides from recorded events alone. These synthetic sessions hold exactly the events a
// run would record, once with the phenomenon and once without.
#include "base/LabRole.h"
#include "experiments/ExperimentCatalogue.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

Q_DECLARE_METATYPE(QList<SessionEvent>)

namespace {
SessionEvent ev(double t, const QString &kind, const QJsonObject &fields)
{
    return SessionEvent{t, kind, fields};
}

QList<SessionEvent> started()
{
    return {ev(0, u"experiment.start"_s, {})};
}

// As LabController records it: the role, and the name it gave ("cpu-1"); the checks count by the role.
void threadStart(QList<SessionEvent> &events, qint64 pid, qint64 tid, const QString &role, const QString &name = {})
{
    events << ev(0.1, u"thread.start"_s,
                 {{u"pid"_s, pid}, {u"tid"_s, tid}, {u"role"_s, role}, {u"name"_s, name.isEmpty() ? role : name}});
}

// Samples every 0.5 s from 0.5 to 4.5 s with the given shares.
void samples(QList<SessionEvent> &events, qint64 pid, qint64 tid, double running, double ready, const QString &state)
{
    for (double t = 0.5; t < 4.6; t += 0.5) {
        events << ev(t, u"task.sample"_s,
                     {{u"pid"_s, pid}, {u"tid"_s, tid}, {u"state"_s, state}, {u"running"_s, running},
                      {u"ready"_s, ready}, {u"blocked"_s, 1 - running - ready}});
    }
}

// A run that started with these CPUs allowed (and a cgroup quota, -1 for none), and cpu.sample events every 0.5 s
// with each core `busy`; the first cpu.sample is the since-boot average and says 0.
QList<SessionEvent> startedOn(const QList<int> &cpus, double busy, double quota = -1)
{
    QJsonArray list;
    for (int cpu : cpus)
        list.append(cpu);
    QList<SessionEvent> events{
        ev(0, u"experiment.start"_s,
           {{u"allowance"_s, QJsonObject{{u"cpus"_s, list}, {u"quota"_s, quota > 0 ? QJsonValue(quota) : QJsonValue()}}}})};
    for (double t = 0.1; t < 4.6; t += 0.5) {
        QJsonArray cores;
        for (int cpu = 0; cpu < 2; ++cpu)
            cores.append(QJsonObject{{u"core"_s, cpu}, {u"busy"_s, t < 0.2 ? 0.0 : busy}});
        events << ev(t, u"cpu.sample"_s, {{u"cpus"_s, cores}});
    }
    return events;
}

void measure(QList<SessionEvent> &events, const QString &name, double value, const QJsonObject &extra = {})
{
    QJsonObject fields = extra;
    fields.insert(u"name"_s, name);
    fields.insert(u"value"_s, value);
    events << ev(4.9, u"measure"_s, fields);
}
} // namespace

class tst_ExperimentChecks : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void decides_data();
    void decides();
    void judgesTheLoad_data();
    void judgesTheLoad();
};

void tst_ExperimentChecks::decides_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QStringList>("settings");
    QTest::addColumn<QList<SessionEvent>>("events");
    QTest::addColumn<bool>("observed");

    {
        QList<SessionEvent> e = started();
        e << ev(1.0, u"process.spawn"_s, {{u"pid"_s, 50}, {u"role"_s, u"sleeper"_s}});
        QList<SessionEvent> caught = e;
        e << ev(1.1, u"process.exit"_s, {{u"pid"_s, 50}, {u"signal"_s, 15}, {u"signal_name"_s, u"SIGTERM"_s}});
        caught << ev(1.1, u"process.exit"_s, {{u"pid"_s, 50}, {u"code"_s, 0}});
        for (QList<SessionEvent> *events : {&e, &caught}) {
            *events << ev(1.1, u"process.zombie"_s, {{u"pid"_s, 50}, {u"ppid"_s, 1}});
            for (double t = 1.2; t < 3; t += 0.5)
                *events << ev(t, u"task.sample"_s, {{u"pid"_s, 50}, {u"tid"_s, 50}, {u"state"_s, u"zombie"_s}});
        }
        QTest::newRow("zombie lingers") << u"zombie"_s << QStringList{} << e << true;
        // terminate() kills by the signal: a child that caught SIGTERM and exited 0 is not what Python shows.
        QTest::newRow("zombie exited 0 after SIGTERM") << u"zombie"_s << QStringList{} << caught << false;
        QList<SessionEvent> passing = started();
        passing << ev(1.1, u"process.zombie"_s, {{u"pid"_s, 50}, {u"ppid"_s, 1}});
        passing << ev(1.2, u"task.sample"_s, {{u"pid"_s, 50}, {u"tid"_s, 50}, {u"state"_s, u"zombie"_s}});
        QTest::newRow("zombie only passing") << u"zombie"_s << QStringList{} << passing << false;
    }
    {
        QList<SessionEvent> e = started();
        e << ev(0.1, u"process.spawn"_s, {{u"pid"_s, 60}, {u"role"_s, u"host"_s}});
        e << ev(1.0, u"signal.sent"_s, {{u"pid"_s, 60}, {u"signal"_s, 9}, {u"signal_name"_s, u"SIGKILL"_s}});
        QList<SessionEvent> one = e;
        e << ev(1.2, u"process.reparent"_s, {{u"pid"_s, 61}, {u"from"_s, 60}, {u"to"_s, 10}});
        one << e.last();
        e << ev(1.2, u"process.reparent"_s, {{u"pid"_s, 62}, {u"from"_s, 60}, {u"to"_s, 10}});
        QList<SessionEvent> late = one;
        measure(late, u"stopping"_s, 3.0);
        late << ev(3.1, u"process.reparent"_s, {{u"pid"_s, 62}, {u"from"_s, 60}, {u"to"_s, 10}});
        QTest::newRow("orphan adopted") << u"orphan"_s << QStringList{} << e << true;
        QTest::newRow("orphan: 1 of 2 adopted") << u"orphan"_s << QStringList{} << one << false;
        QTest::newRow("orphan: 2nd adopted in the teardown") << u"orphan"_s << QStringList{} << late << false;
        QTest::newRow("orphan not adopted") << u"orphan"_s << QStringList{} << started() << false;
    }
    {
        QList<SessionEvent> lost = started();
        measure(lost, u"increments_done"_s, 4000000);
        measure(lost, u"counter"_s, 2500000);
        measure(lost, u"lost_updates"_s, 1500000);
        QTest::newRow("race unlocked loses") << u"race"_s << QStringList{} << lost << true;
        QTest::newRow("race locked must not lose") << u"race"_s << QStringList{u"locked=true"_s} << lost << false;
        QList<SessionEvent> exact = started();
        measure(exact, u"increments_done"_s, 4000000);
        measure(exact, u"counter"_s, 4000000);
        measure(exact, u"lost_updates"_s, 0);
        QTest::newRow("race locked exact") << u"race"_s << QStringList{u"locked=true"_s} << exact << true;
        QTest::newRow("race unlocked exact") << u"race"_s << QStringList{} << exact << false;
    }
    {
        QList<SessionEvent> cycle = started();
        QJsonArray members;
        members << QJsonObject{{u"tid"_s, 1}} << QJsonObject{{u"tid"_s, 2}} << QJsonObject{{u"tid"_s, 3}};
        cycle << ev(1.0, u"deadlock.detected"_s, {{u"cycle"_s, members}});
        QTest::newRow("deadlock ring of 3") << u"deadlock"_s << QStringList{u"threads=3"_s} << cycle << true;
        QTest::newRow("deadlock wrong size") << u"deadlock"_s << QStringList{u"threads=2"_s} << cycle << false;
        QList<SessionEvent> progress = started();
        measure(progress, u"lock_acquisitions"_s, 80);
        QTest::newRow("ordered, no deadlock") << u"deadlock"_s << QStringList{u"ordered=true"_s} << progress << true;
        QTest::newRow("ordered but cycle") << u"deadlock"_s << QStringList{u"ordered=true"_s, u"threads=3"_s}
                                           << cycle << false;
    }
    {
        QList<SessionEvent> busy = started();
        measure(busy, u"workers"_s, 4, {{u"cores"_s, 2}});
        for (int i = 0; i < 4; ++i) {
            threadStart(busy, 70 + i, 70 + i, LabRole::Cpu, u"cpu-%1"_s.arg(i + 1));
            samples(busy, 70 + i, 70 + i, 0.5, 0.5, u"ready"_s);
        }
        QTest::newRow("oversubscribed") << u"oversubscribe"_s << QStringList{} << busy << true;
        QList<SessionEvent> free = started();
        measure(free, u"workers"_s, 4, {{u"cores"_s, 2}});
        for (int i = 0; i < 4; ++i) {
            threadStart(free, 70 + i, 70 + i, LabRole::Cpu, u"cpu-%1"_s.arg(i + 1));
            samples(free, 70 + i, 70 + i, 0.9, 0.05, u"running"_s);
        }
        QTest::newRow("not oversubscribed") << u"oversubscribe"_s << QStringList{} << free << false;
    }
    {
        QList<SessionEvent> e = started();
        threadStart(e, 80, 81, LabRole::Consumer, u"consumer-1"_s);
        threadStart(e, 80, 82, LabRole::Poller, u"poller-1"_s);
        samples(e, 80, 81, 0.01, 0, u"blocked"_s);
        samples(e, 80, 82, 0.9, 0.05, u"running"_s);
        QList<SessionEvent> starved = e;
        measure(starved, u"items_blocking"_s, 0);
        measure(starved, u"items_polling"_s, 0);
        measure(e, u"items_blocking"_s, 8);
        measure(e, u"items_polling"_s, 9);
        QTest::newRow("polling burns") << u"polling"_s << QStringList{} << e << true;
        QTest::newRow("polling: no item went through") << u"polling"_s << QStringList{} << starved << false;
        QList<SessionEvent> lazy = started();
        threadStart(lazy, 80, 81, LabRole::Consumer, u"consumer-1"_s);
        threadStart(lazy, 80, 82, LabRole::Poller, u"poller-1"_s);
        samples(lazy, 80, 81, 0.01, 0, u"blocked"_s);
        samples(lazy, 80, 82, 0.1, 0.0, u"blocked"_s);
        QTest::newRow("poller idle") << u"polling"_s << QStringList{} << lazy << false;
    }
    {
        QList<SessionEvent> full = started();
        full << ev(2, u"queue.sample"_s, {{u"depth"_s, 8}, {u"capacity"_s, 8}, {u"gets"_s, 40},
                                          {u"blocked_putters"_s, 2}, {u"blocked_getters"_s, 0}});
        QTest::newRow("producers block on full") << u"pc-threads"_s << QStringList{} << full << true;
        QTest::newRow("consumers faster, none blocked")
            << u"pc-threads"_s << QStringList{u"produce_ms=200"_s, u"consume_ms=10"_s} << full << false;
        QList<SessionEvent> empty = started();
        empty << ev(2, u"queue.sample"_s, {{u"depth"_s, 0}, {u"capacity"_s, 8}, {u"gets"_s, 20},
                                           {u"blocked_putters"_s, 0}, {u"blocked_getters"_s, 2}});
        QTest::newRow("consumers block on empty")
            << u"pc-processes"_s << QStringList{u"produce_ms=200"_s, u"consume_ms=10"_s} << empty << true;
        // Only at start-up, waiting for the very first item: met by construction, not the lesson.
        QList<SessionEvent> startup = started();
        startup << ev(0.3, u"queue.sample"_s, {{u"depth"_s, 0}, {u"capacity"_s, 8}, {u"gets"_s, 0},
                                               {u"blocked_putters"_s, 0}, {u"blocked_getters"_s, 2}});
        startup << ev(2, u"queue.sample"_s, {{u"depth"_s, 3}, {u"capacity"_s, 8}, {u"gets"_s, 20},
                                             {u"blocked_putters"_s, 0}, {u"blocked_getters"_s, 0}});
        QTest::newRow("consumers blocked only at start-up")
            << u"pc-threads"_s << QStringList{u"produce_ms=100"_s, u"consume_ms=10"_s} << startup << false;
    }
    {
        QList<SessionEvent> e = started();
        measure(e, u"setup"_s, 4, {{u"cores"_s, 2}});
        measure(e, u"makespan_apply"_s, 0.95);
        measure(e, u"makespan_apply_async"_s, 0.5);
        measure(e, u"makespan_map"_s, 0.52);
        QTest::newRow("pool all modes") << u"pool"_s << QStringList{} << e << true;
        QList<SessionEvent> flat = started();
        measure(flat, u"setup"_s, 4, {{u"cores"_s, 2}});
        measure(flat, u"makespan_apply"_s, 0.95);
        measure(flat, u"makespan_apply_async"_s, 0.93);
        measure(flat, u"makespan_map"_s, 0.94);
        QTest::newRow("pool async not parallel") << u"pool"_s << QStringList{} << flat << false;
    }
    {
        QList<SessionEvent> kept = started();
        measure(kept, u"parent_value"_s, 100, {{u"children_saw"_s, QJsonArray{1, 2, 3}}});
        QTest::newRow("isolation processes") << u"isolation"_s << QStringList{} << kept << true;
        QTest::newRow("isolation threads unchanged")
            << u"isolation"_s << QStringList{u"using=threads"_s} << kept << false;
        QList<SessionEvent> shared = started();
        measure(shared, u"parent_value"_s, 3, {{u"children_saw"_s, QJsonArray{1, 2, 3}}});
        QTest::newRow("isolation threads") << u"isolation"_s << QStringList{u"using=threads"_s} << shared << true;
    }
    {
        QList<SessionEvent> stuck = started();
        measure(stuck, u"killed_holder"_s, 90, {{u"owner_before_kill"_s, 90}});
        stuck << ev(1.5, u"lock.owner_dead"_s, {{u"lock"_s, u"L1"_s}});
        QList<SessionEvent> noBaseline = stuck;
        measure(noBaseline, u"acquisitions_after_kill"_s, -1);
        measure(stuck, u"acquisitions_after_kill"_s, 0);
        measure(stuck, u"owner_deaths"_s, 0);
        QTest::newRow("holder killed, others stuck") << u"kill-holding-lock"_s << QStringList{} << stuck << true;
        QTest::newRow("holder killed, no baseline") << u"kill-holding-lock"_s << QStringList{} << noBaseline << false;
        QList<SessionEvent> wrongVictim = started();
        measure(wrongVictim, u"killed_holder"_s, 90, {{u"owner_before_kill"_s, 91}});
        wrongVictim << ev(1.5, u"lock.owner_dead"_s, {{u"lock"_s, u"L1"_s}});
        measure(wrongVictim, u"acquisitions_after_kill"_s, 0);
        QTest::newRow("killed a process the owner word did not name")
            << u"kill-holding-lock"_s << QStringList{} << wrongVictim << false;
        QTest::newRow("robust but stuck") << u"kill-holding-lock"_s << QStringList{u"robust=true"_s} << stuck
                                          << false;
        QList<SessionEvent> recovered = started();
        measure(recovered, u"killed_holder"_s, 90, {{u"owner_before_kill"_s, 90}});
        measure(recovered, u"acquisitions_after_kill"_s, 25);
        measure(recovered, u"owner_deaths"_s, 1);
        QTest::newRow("robust recovers") << u"kill-holding-lock"_s << QStringList{u"robust=true"_s} << recovered
                                         << true;
    }
    {
        QList<SessionEvent> gil = started();
        measure(gil, u"setup"_s, 2, {{u"cores"_s, 2}});
        threadStart(gil, 90, 91, LabRole::Cpu, u"cpu-1"_s);
        threadStart(gil, 90, 92, LabRole::Cpu, u"cpu-2"_s);
        samples(gil, 90, 91, 0.5, 0.02, u"running"_s);
        samples(gil, 90, 92, 0.48, 0.02, u"blocked"_s);
        QTest::newRow("GIL: one core") << u"cpu-vs-io"_s << QStringList{} << gil << true;
        QTest::newRow("no GIL but one core") << u"cpu-vs-io"_s << QStringList{u"gil=false"_s} << gil << false;
        // work=io with a GIL: blocked nearly all the time, and every item took the GIL.
        QList<SessionEvent> io = started();
        measure(io, u"setup"_s, 2, {{u"cores"_s, 2}});
        threadStart(io, 90, 91, LabRole::Io, u"io-1"_s);
        threadStart(io, 90, 92, LabRole::Io, u"io-2"_s);
        samples(io, 90, 91, 0.01, 0, u"blocked"_s);
        samples(io, 90, 92, 0.01, 0, u"blocked"_s);
        QList<SessionEvent> ioNoGil = io;
        measure(io, u"items_done"_s, 80);
        measure(io, u"gil_acquisitions"_s, 80);
        measure(ioNoGil, u"items_done"_s, 80);
        measure(ioNoGil, u"gil_acquisitions"_s, 0);
        QTest::newRow("io with GIL taken per item") << u"cpu-vs-io"_s << QStringList{u"work=io"_s} << io << true;
        QTest::newRow("io with GIL never taken") << u"cpu-vs-io"_s << QStringList{u"work=io"_s} << ioNoGil << false;
    }
    {
        // lang=python: the same one core, and the real GIL's summary must show it busy and taken in turns.
        QList<SessionEvent> python = started();
        measure(python, u"setup"_s, 2, {{u"cores"_s, 2}, {u"lang"_s, u"python"_s}});
        threadStart(python, 90, 91, LabRole::Cpu);
        threadStart(python, 90, 92, LabRole::Cpu);
        samples(python, 90, 91, 0.5, 0.02, u"running"_s);
        samples(python, 90, 92, 0.48, 0.02, u"blocked"_s);
        const auto summary = [](double first, double second) {
            return ev(4.9, u"python.gil"_s,
                      {{u"pid"_s, 90}, {u"reads"_s, 900}, {u"held"_s, first + second}, {u"handovers"_s, 700},
                       {u"threads"_s, QJsonArray{QJsonObject{{u"tid"_s, 91}, {u"gil"_s, first}},
                                                 QJsonObject{{u"tid"_s, 92}, {u"gil"_s, second}}}}});
        };
        const QStringList lang{u"lang=python"_s};
        QTest::newRow("python: one GIL in turns") << u"cpu-vs-io"_s << lang << (python + QList{summary(0.5, 0.49)}) << true;
        QTest::newRow("python: one thread kept it") << u"cpu-vs-io"_s << lang << (python + QList{summary(0.99, 0.0)}) << false;
        QTest::newRow("python: GIL not read") << u"cpu-vs-io"_s << lang << python << false;
        QTest::newRow("python: GIL mostly free") << u"cpu-vs-io"_s << lang << (python + QList{summary(0.2, 0.2)}) << false;
    }
    {
        QList<SessionEvent> e = started();
        QJsonArray members;
        members << QJsonObject{{u"tid"_s, 1}, {u"waits_for"_s, u"child 2"_s}, {u"wait"_s, u"child"_s}, {u"object"_s, u"2"_s}}
                << QJsonObject{{u"tid"_s, 2}, {u"waits_for"_s, u"pipe P1 (full)"_s}, {u"wait"_s, u"pipe_write"_s},
                               {u"object"_s, u"P1"_s}};
        e << ev(1.0, u"deadlock.detected"_s, {{u"cycle"_s, members}});
        QTest::newRow("join deadlock") << u"join-deadlock"_s << QStringList{} << e << true;
        QTest::newRow("join drained but cycle") << u"join-deadlock"_s << QStringList{u"drain_first=true"_s} << e
                                                << false;
        // drain_first: the host's exit at the teardown is always there; only the child's own exit, joined before
        // the stop, counts.
        QList<SessionEvent> teardown = started();
        teardown << ev(3.0, u"process.exit"_s, {{u"pid"_s, 40}, {u"code"_s, 0}});
        QList<SessionEvent> joined = teardown;
        measure(joined, u"child_joined"_s, 1);
        QList<SessionEvent> killed = teardown;
        measure(killed, u"child_joined"_s, 2);
        QTest::newRow("drained, child joined") << u"join-deadlock"_s << QStringList{u"drain_first=true"_s} << joined
                                               << true;
        QTest::newRow("drained, only the host exited") << u"join-deadlock"_s << QStringList{u"drain_first=true"_s}
                                                       << teardown << false;
        QTest::newRow("drained, child killed") << u"join-deadlock"_s << QStringList{u"drain_first=true"_s} << killed
                                               << false;
    }
}

void tst_ExperimentChecks::decides()
{
    QFETCH(QString, id);
    QFETCH(QStringList, settings);
    QFETCH(QList<SessionEvent>, events);
    QFETCH(bool, observed);
    const auto experiment = ExperimentCatalogue::create(id);
    QVERIFY(experiment);
    ParameterValues values = experiment->defaults();
    for (const QString &setting : settings) {
        QString error;
        QVERIFY2(values.assign(setting, &error), qPrintable(error));
    }
    const PhenomenonVerdict verdict = experiment->check(events, values);
    QVERIFY2(verdict.observed == observed, qPrintable(verdict.detail));
    QVERIFY(!verdict.detail.isEmpty());
}

void tst_ExperimentChecks::judgesTheLoad_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QStringList>("settings");
    QTest::addColumn<QList<SessionEvent>>("events");
    QTest::addColumn<QString>("verdict");
    QTest::addColumn<QString>("note");

    // Two CPU-bound threads without a GIL that together used only 0.9 of a core.
    const auto cpuThreads = [](QList<SessionEvent> e, double each, double cores = 2) {
        measure(e, u"setup"_s, 2, {{u"cores"_s, cores}});
        threadStart(e, 90, 91, LabRole::Cpu, u"cpu-1"_s);
        threadStart(e, 90, 92, LabRole::Cpu, u"cpu-2"_s);
        samples(e, 90, 91, each, 0.5, u"ready"_s);
        samples(e, 90, 92, each, 0.5, u"ready"_s);
        return e;
    };
    // 0.95 busy on each core: 1.9 − the lab's 0.9 = 1.0 core used by others.
    QTest::newRow("no GIL, slow, others took a core")
        << u"cpu-vs-io"_s << QStringList{u"gil=false"_s} << cpuThreads(startedOn({0, 1}, 0.95), 0.45)
        << u"inconclusive"_s << u"other programs used 1.0 of 2 cores; this lesson needs 2 free cores"_s;
    QTest::newRow("no GIL, slow, quiet machine")
        << u"cpu-vs-io"_s << QStringList{u"gil=false"_s} << cpuThreads(startedOn({0, 1}, 0.5), 0.45)
        << u"not_observed"_s << QString();
    QTest::newRow("no GIL, fast, under load")
        << u"cpu-vs-io"_s << QStringList{u"gil=false"_s} << cpuThreads(startedOn({0, 1}, 1.0), 0.9)
        << u"observed"_s << QString();
    // On one allowed core the GIL's cap is met by the lack of cores: nothing shown.
    QTest::newRow("GIL on one core") << u"cpu-vs-io"_s << QStringList{} << cpuThreads(startedOn({0}, 0.5), 0.25, 1)
                                     << u"inconclusive"_s << u"ProcLab may use 1 core(s) here; this lesson needs 2 free cores"_s;
    QTest::newRow("GIL under a one-core quota")
        << u"cpu-vs-io"_s << QStringList{} << cpuThreads(startedOn({0, 1}, 0.3, 1.0), 0.25) << u"inconclusive"_s
        << u"ProcLab may use 1 core(s) here; this lesson needs 2 free cores"_s;
    // The GIL's upper bound is one load cannot break: above it is a failure, however busy the machine.
    QTest::newRow("GIL broken under load")
        << u"cpu-vs-io"_s << QStringList{} << cpuThreads(startedOn({0, 1}, 1.0), 0.7) << u"not_observed"_s
        << QString();
    {
        QList<SessionEvent> pool = startedOn({0}, 0.6);
        measure(pool, u"setup"_s, 4, {{u"cores"_s, 1}});
        measure(pool, u"makespan_apply"_s, 0.95);
        measure(pool, u"makespan_apply_async"_s, 0.93);
        measure(pool, u"makespan_map"_s, 0.94);
        QTest::newRow("pool on one core") << u"pool"_s << QStringList{} << pool << u"inconclusive"_s
                                          << u"ProcLab may use 1 core(s) here; this lesson needs 2 free cores"_s;
        // apply faster than one task at a time: load cannot do that.
        QList<SessionEvent> quick = startedOn({0, 1}, 1.0);
        measure(quick, u"setup"_s, 4, {{u"cores"_s, 2}});
        measure(quick, u"makespan_apply"_s, 0.4);
        measure(quick, u"makespan_apply_async"_s, 0.93);
        measure(quick, u"makespan_map"_s, 0.94);
        QTest::newRow("pool apply too fast under load") << u"pool"_s << QStringList{} << quick << u"not_observed"_s
                                                        << QString();
        // Nothing finished within the run on a loaded machine: too slow is what load does.
        QList<SessionEvent> unfinished = startedOn({0, 1}, 1.0);
        measure(unfinished, u"setup"_s, 4, {{u"cores"_s, 2}});
        QTest::newRow("pool unfinished under load") << u"pool"_s << QStringList{} << unfinished << u"inconclusive"_s
                                                    << u"other programs used 2.0 of 2 cores; this lesson needs 2 free cores"_s;
    }
    {
        // The blocking consumer running half the time is wrong whatever the load.
        QList<SessionEvent> e = startedOn({0, 1}, 1.0);
        threadStart(e, 80, 81, LabRole::Consumer, u"consumer-1"_s);
        threadStart(e, 80, 82, LabRole::Poller, u"poller-1"_s);
        samples(e, 80, 81, 0.5, 0, u"running"_s);
        samples(e, 80, 82, 0.2, 0.7, u"ready"_s);
        QTest::newRow("polling: blocking consumer busy") << u"polling"_s << QStringList{} << e << u"not_observed"_s
                                                         << QString();
    }
    {
        // Too little Ready time with more workers than cores: load would only add to it.
        QList<SessionEvent> e = startedOn({0, 1}, 1.0);
        measure(e, u"workers"_s, 4, {{u"cores"_s, 2}});
        for (int i = 0; i < 4; ++i) {
            threadStart(e, 70 + i, 70 + i, LabRole::Cpu, u"cpu-%1"_s.arg(i + 1));
            samples(e, 70 + i, 70 + i, 0.3, 0.1, u"running"_s);
        }
        QTest::newRow("oversubscribe under load, little Ready") << u"oversubscribe"_s << QStringList{} << e
                                                                << u"not_observed"_s << QString();
    }
}

void tst_ExperimentChecks::judgesTheLoad()
{
    QFETCH(QString, id);
    QFETCH(QStringList, settings);
    QFETCH(QList<SessionEvent>, events);
    QFETCH(QString, verdict);
    QFETCH(QString, note);
    const auto experiment = ExperimentCatalogue::create(id);
    QVERIFY(experiment);
    ParameterValues values = experiment->defaults();
    for (const QString &setting : settings) {
        QString error;
        QVERIFY2(values.assign(setting, &error), qPrintable(error));
    }
    const PhenomenonVerdict v = experiment->verdict(events, values);
    QVERIFY2(v.verdictName() == verdict, qPrintable(v.verdictName() + u": "_s + v.detail + u" "_s + v.loadNote));
    QCOMPARE(v.loadNote, note);
    QCOMPARE(v.observed, verdict == u"observed"_s);
    QVERIFY(v.figures.contains(u"headroom"_s));
}

QTEST_APPLESS_MAIN(tst_ExperimentChecks)
#include "tst_experimentchecks.moc"
