#include "KillHoldingLockExperiment.h"

#include "ExperimentRun.h"
#include "RecordedRun.h"
#include "base/EventKind.h"
#include "base/LabRole.h"
#include "probe/LinuxProcSource.h"
#include "probe/ProcParser.h"

#include <QDeadlineTimer>

#include <csignal>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

QString KillHoldingLockExperiment::title() const
{
    return tr("Killed while holding a lock");
}

QString KillHoldingLockExperiment::summary() const
{
    return tr("Processes share one lock; one of them is killed while it holds it. The others block for ever — "
              "unless the lock is robust.");
}

QString KillHoldingLockExperiment::explanation() const
{
    return tr("Python's documentation warns that terminate() on a process that holds a lock (or is using a queue) "
              "can leave the others stuck: the lock is never released, because the only code that would release it "
              "died. Here several processes take turns on one lock in shared memory; ProcLab kills the one holding "
              "it. The others wait on the lock for ever: Blocked, with the owner's TID gone. ProcLab reports "
              "'lock owner dead'. With robust=true the lock is a robust mutex: the kernel notices the owner died and "
              "the next process to lock it is told so (EOWNERDEAD), repairs the shared data, marks the lock "
              "consistent, and everyone goes on.");
}

QString KillHoldingLockExperiment::python() const
{
    return u"import multiprocessing as mp, time\n\n"
           "def work(lock):\n"
           "    while True:\n"
           "        with lock:\n"
           "            time.sleep(0.1)   # killed here: the lock stays taken\n\n"
           "if __name__ == '__main__':\n"
           "    lock = mp.Lock()\n"
           "    ps = [mp.Process(target=work, args=(lock,)) for _ in range(3)]\n"
           "    for p in ps: p.start()\n"
           "    time.sleep(1)\n"
           "    ps[0].terminate()           # the others may block for ever\n"_s;
}

QList<ParameterSpec> KillHoldingLockExperiment::parameters() const
{
    return {
        ParameterSpec::integer(u"processes"_s, 3, 2, 16, tr("processes taking turns on the lock")),
        ParameterSpec::boolean(u"robust"_s, false, tr("make the lock robust (survives its owner's death)")),
        ParameterSpec::real(u"kill_after"_s, 1.0, 0.2, 30, tr("seconds before the lock's holder is killed")),
    };
}

int KillHoldingLockExperiment::steppingThreads(const ParameterValues &values) const
{
    return values.integer(u"processes"_s);
}

bool KillHoldingLockExperiment::start(ExperimentRun &run)
{
    const ParameterValues &v = run.values();
    TelemetryBlockSpec spec;
    spec.slotCount = v.integer(u"processes"_s) + 8;
    spec.lockNames = {u"L1"_s};
    spec.robustLocks = v.boolean(u"robust"_s);
    if (!run.createTelemetry(spec))
        return false;
    for (int i = 0; i < v.integer(u"processes"_s); ++i) {
        WorkerLaunch launch;
        launch.role = LabRole::Host;
        launch.name = u"locker-%1"_s.arg(i + 1);
        const auto pid = run.spawn(launch);
        if (!pid)
            return false;
        ThreadSpec thread;
        thread.role = LabRole::LockTaker;
        thread.locks = {0};
        thread.stepMs = 0;
        thread.holdMs = 100;
        thread.rounds = 0;
        thread.stepNumber = run.isStepping() ? i + 1 : 0;
        run.lab().addThread(*pid, thread);
    }
    run.after(v.real(u"kill_after"_s), [this] { m_armed = true; });
    return true;
}

void KillHoldingLockExperiment::tick(ExperimentRun &run, const Snapshot &)
{
    const TelemetrySnapshot &telemetry = run.lastTelemetry();
    if (m_killed && !m_baselineTaken && !telemetry.locks.isEmpty()) {
        // Counted from the first tick after the kill, when the victim is surely dead: the tick that chose it read
        // the lock's owner and its count a moment apart, and the owner's own acquisition may not have been in it.
        m_acquisitionsAtKill = telemetry.locks.first().acquisitions;
        m_baselineTaken = true;
    }
    if (m_baselineTaken)
        reportAfterKill(run, LiveFigures::Moment::Running);
    // Kill the holder only at a moment it is seen holding the lock: the lesson is the lock left taken.
    if (!m_armed || m_killed)
        return;
    if (telemetry.locks.isEmpty() || telemetry.locks.first().ownerPid == 0 || !run.telemetry())
        return;
    // The tick's snapshot is milliseconds old and a hold lasts 100 ms: the lock's owner word itself names the
    // holder. Even read just before a kill, the holder could release the lock in between (a run did: killed, and
    // the next locker got no EOWNERDEAD), so the holder is first stopped; the word is read again once it cannot
    // run, and only a holder that still holds the lock is killed. One that let go goes on.
    const LockSample seen = run.telemetry()->lock(0).sample();
    if (seen.ownerPid == 0 || !run.lab().sendSignal(seen.ownerPid, SIGSTOP))
        return;
    if (!waitUntilStopped(seen.ownerPid, seen.ownerTid)) {
        run.lab().sendSignal(seen.ownerPid, SIGCONT);
        return;
    }
    const LockSample now = run.telemetry()->lock(0).sample();
    if (now.ownerPid != seen.ownerPid) {
        run.lab().sendSignal(seen.ownerPid, SIGCONT);
        return;
    }
    m_victim = now.ownerPid;
    m_killed = run.lab().sendSignal(m_victim, SIGKILL);
    if (m_killed)
        run.measure(u"killed_holder"_s, m_victim,
                    {{u"acquisitions"_s, double(now.acquisitions)}, {u"owner_before_kill"_s, now.ownerPid}});
}

bool KillHoldingLockExperiment::waitUntilStopped(pid_t pid, pid_t tid)
{
    // SIGSTOP takes effect in each thread when the kernel next schedules it: normally within a millisecond. The
    // holding thread's own state tells (the main thread may stop first). A lab process is the supervisor's own
    // child, so its PID is not recycled before it is reaped.
    const LinuxProcSource proc;
    const QDeadlineTimer deadline(100);
    do {
        QByteArray text;
        if (proc.readOnce(int(pid), int(tid), ProcSource::File::Stat, &text) != ProcSource::Result::Ok)
            return false;
        const std::optional<TaskStat> stat = ProcParser::parseStat(text);
        if (!stat)
            return false;
        if (stat->state == 'T')
            return true;
        ::usleep(500);
    } while (!deadline.hasExpired());
    return false;
}

QStringList KillHoldingLockExperiment::liveFigures() const
{
    return {u"killed_holder"_s, u"waiters_of_dead_owner"_s, u"acquisitions_after_kill"_s, u"owner_deaths"_s};
}

void KillHoldingLockExperiment::finish(ExperimentRun &run)
{
    reportAfterKill(run, LiveFigures::Moment::Settled);
}

void KillHoldingLockExperiment::reportAfterKill(ExperimentRun &run, LiveFigures::Moment moment) const
{
    const TelemetrySnapshot &telemetry = run.lastTelemetry();
    if (telemetry.locks.isEmpty())
        return;
    const LockSample &lock = telemetry.locks.first();
    if (m_killed)
        run.report(u"waiters_of_dead_owner"_s, lock.waiterCount, moment,
                   {{u"dead_owner"_s, m_victim}, {u"lock"_s, lock.name}});
    run.report(u"acquisitions_after_kill"_s, m_baselineTaken ? double(lock.acquisitions - m_acquisitionsAtKill) : -1,
               moment);
    run.report(u"owner_deaths"_s, double(lock.ownerDeaths), moment);
}

PhenomenonVerdict KillHoldingLockExperiment::check(const QList<SessionEvent> &events,
                                                  const ParameterValues &values) const
{
    const RecordedRun run(events);
    const QJsonObject kill = run.measureEvent(u"killed_holder"_s);
    // Killed while holding: the owner word read just before the kill named the victim.
    const bool killed = !kill.isEmpty() && kill.value(u"owner_before_kill"_s).toInteger() == kill.value(u"value"_s).toInteger()
        && kill.value(u"value"_s).toInteger() > 0;
    const double after = run.measure(u"acquisitions_after_kill"_s, -1);
    const double deaths = run.measure(u"owner_deaths"_s, 0);
    const bool reported = run.has(EventKind::LockOwnerDead);
    PhenomenonVerdict verdict;
    verdict.figures = {{u"killed"_s, killed}, {u"acquisitions_after_kill"_s, after}, {u"owner_deaths"_s, deaths},
                       {u"owner_dead_reported"_s, reported}};
    if (!killed) {
        verdict.detail = kill.isEmpty() ? tr("The lock's holder was never caught holding it, so nobody was killed.")
                                        : tr("The process killed was not the one the lock's owner word named just "
                                             "before the kill.");
        return verdict;
    }
    if (values.boolean(u"robust"_s)) {
        verdict.observed = deaths >= 1 && after > 0;
        verdict.detail = verdict.observed
            ? tr("The holder was killed; the next locker got EOWNERDEAD, repaired the lock, and the others went on "
                 "(%1 more acquisitions).")
                  .arg(after)
            : tr("The holder was killed but the others did not recover the robust lock.");
    } else {
        // -1: no baseline was taken after the kill, so nothing was counted: that proves nothing.
        verdict.observed = after == 0 && reported;
        verdict.detail = verdict.observed
            ? tr("The holder was killed holding the lock: nobody took it again, the others wait for ever (owner "
                 "dead reported).")
            : tr("Expected the others to stay blocked and the dead owner to be reported; saw %1 acquisitions after "
                 "the kill.")
                  .arg(after);
    }
    return verdict;
}

Prediction KillHoldingLockExperiment::prediction() const
{
    return {tr("A process is killed while it holds a lock the others want. What do the others do?"),
            {tr("They take the lock as if nothing happened"), tr("They wait for it forever"), tr("They are told its owner died, repair it and go on")}};
}

int KillHoldingLockExperiment::provedChoice(const QJsonObject &figures, const ParameterValues &) const
{
    if (!figures.value(u"killed"_s).toBool())
        return -1;
    if (figures.value(u"owner_dead_reported"_s).toBool())
        return 2;
    return figures.value(u"acquisitions_after_kill"_s).toDouble() > 0 ? 0 : 1;
}
