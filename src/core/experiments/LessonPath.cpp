#include "LessonPath.h"

using namespace Qt::Literals::StringLiterals;

QList<LessonPath::Stage> LessonPath::stages()
{
    return {
        {tr("Processes and programs"),
         tr("A process is a running program with its own PID and parent; when the parent dies first, another "
            "process adopts its children."),
         {u"orphan"_s}},
        {tr("Concurrency on one core"),
         tr("More runnable threads than cores take turns: the ones waiting for a core are Ready, not Running."),
         {u"oversubscribe"_s}},
        {tr("Threads versus processes"),
         tr("Threads share their process's memory; processes each have their own, so a child's change stays in "
            "the child."),
         {u"isolation"_s}},
        {tr("The GIL"),
         tr("In CPython one lock lets one thread run Python code at a time: CPU-bound threads use one core, "
            "waiting for I/O does not hold it."),
         {u"cpu-vs-io"_s}},
        {tr("Pools"),
         tr("A pool hands tasks to a fixed set of worker processes; blocking apply runs them one by one, "
            "apply_async and map in parallel."),
         {u"pool"_s}},
        {tr("Queues and pipes"),
         tr("A bounded queue or a pipe between producers and consumers blocks the fast side when it is full or "
            "empty."),
         {u"pc-threads"_s, u"pc-processes"_s}},
        {tr("Locks and races"),
         tr("Unsynchronised read-modify-write loses updates; locks taken in a cycle wait for each other forever."),
         {u"race"_s, u"deadlock"_s}},
        {tr("Terminate: zombies and deadlocks"),
         tr("An ended child stays a zombie until its parent reaps it; killing a lock's holder or joining a child "
            "that waits on a full pipe leaves others waiting."),
         {u"zombie"_s, u"kill-holding-lock"_s, u"join-deadlock"_s}},
        {tr("Blocking versus polling"),
         tr("A consumer that blocks waits without using the CPU; one that polls burns a core asking \"anything "
            "yet?\"."),
         {u"polling"_s}},
    };
}

QStringList LessonPath::order()
{
    QStringList ids;
    for (const Stage &stage : stages())
        ids += stage.experiments;
    return ids;
}

int LessonPath::stageOf(const QString &experiment)
{
    const QList<Stage> all = stages();
    for (qsizetype i = 0; i < all.size(); ++i) {
        if (all.at(i).experiments.contains(experiment))
            return int(i + 1);
    }
    return 0;
}
