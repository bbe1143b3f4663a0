#include "ZombieExperiment.h"

#include "ExperimentRun.h"
#include "RecordedRun.h"
#include "base/EventKind.h"
#include "base/LabRole.h"

#include <csignal>

using namespace Qt::Literals::StringLiterals;

QString ZombieExperiment::title() const
{
    return tr("Zombie: a child nobody waited for");
}

QString ZombieExperiment::summary() const
{
    return tr("A child is terminated and not reaped: it stays in state Z and keeps its PID until the parent waits.");
}

QString ZombieExperiment::explanation() const
{
    return tr("ProcLab starts child processes and, after a moment, terminates them with SIGTERM — what Python's "
              "Process.terminate() does. The children die at once, but the kernel keeps a small record of each "
              "(its PID and exit status) until the parent collects it with wait(). Until then the child is a "
              "zombie: state Z, no memory, no CPU, but its PID is still taken. Watch the rows turn Zombie and stay; "
              "press Reap (F7) and they disappear. A program that never joins its children leaks PIDs this way.");
}

QString ZombieExperiment::python() const
{
    return u"import multiprocessing as mp, time\n\n"
           "def work():\n"
           "    time.sleep(60)\n\n"
           "if __name__ == '__main__':\n"
           "    p = mp.Process(target=work)\n"
           "    p.start()\n"
           "    p.terminate()      # SIGTERM: the child dies ...\n"
           "    time.sleep(30)     # ... and is a zombie until\n"
           "    p.join()           # join() reaps it\n"_s;
}

QList<ParameterSpec> ZombieExperiment::parameters() const
{
    return {
        ParameterSpec::integer(u"children"_s, 2, 1, 32, tr("children to start and terminate")),
        ParameterSpec::real(u"terminate_after"_s, 1.0, 0.1, 30, tr("seconds before the children are terminated")),
        ParameterSpec::real(u"reap_after"_s, 0, 0, 600,
                            tr("seconds the zombies are kept before ProcLab reaps them (0: until you press Reap)")),
    };
}

double ZombieExperiment::settleSeconds(const ParameterValues &values) const
{
    return values.real(u"terminate_after"_s) + 1.5;
}

bool ZombieExperiment::start(ExperimentRun &run)
{
    const int children = run.values().integer(u"children"_s);
    for (int i = 0; i < children; ++i) {
        WorkerLaunch launch;
        launch.role = LabRole::Sleeper;
        launch.name = u"child-%1"_s.arg(i + 1);
        launch.keepZombie = true;
        // Python's terminate() kills by SIGTERM: the child must die by the signal, not catch it and exit 0.
        launch.arguments << u"--term-kills"_s;
        const auto pid = run.spawn(launch);
        if (!pid)
            return false;
        m_children << *pid;
    }
    run.after(run.values().real(u"terminate_after"_s), [this, &run] {
        for (pid_t pid : std::as_const(m_children))
            run.lab().sendSignal(pid, SIGTERM);
        const double reapAfter = run.values().real(u"reap_after"_s);
        if (reapAfter > 0) {
            run.after(reapAfter, [this, &run] {
                for (pid_t pid : std::as_const(m_children))
                    run.lab().reap(pid);
            });
        }
    });
    return true;
}

QStringList ZombieExperiment::liveFigures() const
{
    return {u"zombies_held"_s};
}

void ZombieExperiment::observe(ExperimentRun &, const SessionEvent &event)
{
    if (event.kind == EventKind::ProcessExit && m_children.contains(pid_t(event.fields.value(u"pid"_s).toInteger())))
        m_exits.insert(pid_t(event.fields.value(u"pid"_s).toInteger()), event.fields);
}

void ZombieExperiment::tick(ExperimentRun &run, const Snapshot &)
{
    // The children that have ended and are not reaped: their PIDs are still taken, and how each died.
    QJsonArray held;
    for (const LabProcessInfo &process : run.lab().processes()) {
        if (process.state != LabProcessInfo::State::Zombie || !m_children.contains(process.pid))
            continue;
        QJsonObject zombie = m_exits.value(process.pid);
        zombie.insert(u"pid"_s, process.pid);
        held.append(zombie);
    }
    run.report(u"zombies_held"_s, double(held.size()), LiveFigures::Moment::Running, {{u"zombies"_s, held}});
}

PhenomenonVerdict ZombieExperiment::check(const QList<SessionEvent> &events, const ParameterValues &) const
{
    const RecordedRun run(events);
    // A zombie counts when the kernel showed it as Z and it stayed so for at least half a second: the lesson is
    // that it lingers, not that it passes through Z on its way out.
    QSet<qint64> lingering;
    QHash<qint64, double> firstZ;
    for (const SessionEvent &event : events) {
        const bool zombieSample = (event.kind == EventKind::TaskSample && event.fields.value(u"state"_s) == u"zombie"_s)
            || (event.kind == EventKind::TaskState && event.fields.value(u"to"_s) == u"zombie"_s);
        if (!zombieSample)
            continue;
        const qint64 pid = event.fields.value(u"pid"_s).toInteger();
        if (!firstZ.contains(pid))
            firstZ.insert(pid, event.t);
        else if (event.t - firstZ.value(pid) >= 0.5)
            lingering.insert(pid);
    }
    QSet<qint64> announced;
    for (const SessionEvent &event : run.ofKind(EventKind::ProcessZombie))
        announced.insert(event.fields.value(u"pid"_s).toInteger());
    // terminate() kills by SIGTERM: a child that caught it and exited with a code is not the lesson's zombie.
    QSet<qint64> terminated;
    for (const SessionEvent &event : run.ofKind(EventKind::ProcessExit)) {
        if (event.fields.value(u"signal"_s).toInt() == SIGTERM)
            terminated.insert(event.fields.value(u"pid"_s).toInteger());
    }
    const int zombies = int((lingering & announced & terminated).size());
    PhenomenonVerdict verdict;
    verdict.observed = zombies > 0;
    verdict.figures = {{u"zombies"_s, zombies}, {u"announced"_s, int(announced.size())},
                       {u"killed_by_sigterm"_s, int(terminated.size())}};
    verdict.detail = verdict.observed
        ? tr("%n child(ren) killed by SIGTERM stayed in state Z, PID still taken, until reaped.", nullptr, zombies)
        : tr("No child killed by SIGTERM was seen lingering in state Z (%1 killed by SIGTERM, %2 announced as "
             "zombies).")
              .arg(terminated.size()).arg(announced.size());
    return verdict;
}

Prediction ZombieExperiment::prediction() const
{
    return {tr("A child is killed and its parent does not wait() for it. What is left of it?"),
            {tr("Nothing: it is gone at once"), tr("A zombie (state Z) that keeps its PID until reaped")}};
}

int ZombieExperiment::provedChoice(const QJsonObject &figures, const ParameterValues &) const
{
    return figures.value(u"zombies"_s).toInt() > 0 ? 1 : 0;
}
