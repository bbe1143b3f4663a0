// TaskSampler over a fake /proc tree in a QTemporaryDir: a task appears, changes state, becomes a zombie and
// disappears; blocked reasons from syscall and, where that is missing, wchan; descendants found through
// task/*/children; the letter rotation; counters going backwards. Files are rewritten in place (same inode) as
// the kernel's would change under a kept descriptor.
#include "probe/LinuxProcSource.h"
#include "probe/TaskSampler.h"
#include "probe/TaskStateName.h"

#include <QDir>
#include <QFile>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTranslator>
#include <QCoreApplication>

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {
// Far in the future: the first sighting of a task has no usable age, so its state comes from its letter.
constexpr quint64 FutureStartTicks = 900000000000ULL;
constexpr quint64 Seconds = 1000000000ULL;

class FakeProc
{
public:
    explicit FakeProc(const QString &root) : m_root(root)
    {
        write(u"stat"_s, "cpu  100 0 100 800 0 0 0 0 0 0\ncpu0 50 0 50 400 0 0 0 0 0 0\n"
                         "cpu1 50 0 50 400 0 0 0 0 0 0\nintr 0\n");
    }

    void write(const QString &relative, const QByteArray &contents)
    {
        const QString path = m_root + u'/' + relative;
        QDir().mkpath(QFileInfo(path).path());
        QFile file(path);
        // Truncate in place, never replace: a kept descriptor must see the new text.
        QVERIFY2(file.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(path));
        file.write(contents);
    }

    static QByteArray statLine(int pid, const QByteArray &comm, char letter, int ppid, int threads, int core)
    {
        QList<QByteArray> fields(40, "0");
        fields[1] = QByteArray::number(pid);
        fields[2] = '(' + comm + ')';
        fields[3] = QByteArray(1, letter);
        fields[4] = QByteArray::number(ppid);
        fields[5] = QByteArray::number(pid);
        fields[6] = QByteArray::number(pid);
        fields[8] = "-1";
        fields[18] = "20";
        fields[20] = QByteArray::number(threads);
        fields[22] = QByteArray::number(FutureStartTicks);
        fields[24] = "25";
        fields[25] = "18446744073709551615";
        fields[38] = "17";
        fields[39] = QByteArray::number(core);
        return fields.mid(1).join(' ') + '\n';
    }

    void setTask(int pid, int tid, const QByteArray &comm, char letter, int ppid, int threads, int core = 0)
    {
        const QByteArray line = statLine(tid, comm, letter, ppid, threads, core);
        write(u"%1/task/%2/stat"_s.arg(pid).arg(tid), line);
        if (pid == tid)
            write(u"%1/stat"_s.arg(pid), statLine(pid, comm, letter, ppid, threads, core));
    }
    void setSchedstat(int pid, int tid, quint64 cpu, quint64 wait, quint64 slices)
    {
        write(u"%1/task/%2/schedstat"_s.arg(pid).arg(tid),
              QByteArray::number(cpu) + ' ' + QByteArray::number(wait) + ' ' + QByteArray::number(slices) + '\n');
    }
    void addProcess(int pid, int ppid, const QByteArray &comm, char letter, int threads)
    {
        setTask(pid, pid, comm, letter, ppid, threads);
        setSchedstat(pid, pid, 1000, 0, 1);
        write(u"%1/cmdline"_s.arg(pid), comm + QByteArray("\0--flag\0", 8));
    }
    void remove(const QString &relative) { QDir(m_root + u'/' + relative).removeRecursively(); }
    QString root() const { return m_root; }

private:
    QString m_root;
};

const TaskSample *find(const SnapshotPtr &snapshot, int tid)
{
    for (const TaskSample &task : snapshot->tasks) {
        if (task.tid == tid)
            return &task;
    }
    return nullptr;
}

QString stateOf(const SnapshotPtr &snapshot, int tid)
{
    const TaskSample *task = find(snapshot, tid);
    return task ? TaskStateName::name(task->state) : u"absent"_s;
}
} // namespace

class tst_TaskSampler : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void lifeOfATask();
    void reasonFallsBackToWchan();
    void descendants();
    void watchAll();
    void rotationKeepsLettersYoung();
    void quietMachineProvesUnchangedLetters();
    void switchCountsFollowScheduling();
    void aThreadThatRanAndStoppedShowsWithinTwoTicks();
    void aThreadThatWakesEveryOtherTickIsNotReadAfterEachRun();
    void reasonOfABusyThreadIsReadAtMostSoOften();
    void reasonIsReadAgainWhenTheWaitMayHaveChanged();
    void reasonsFollowALanguageChange();
    void countersGoingBackwards();
    void endedPidIsNotWatchedAgain();
    void cpuLoad();
    void lowFileLimitStillWatchesEveryTask();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeProc> m_proc;
    // smoothing 0: shares are this interval's, so that a fake tree's tiny intervals give exact figures.
    std::unique_ptr<TaskSampler> makeSampler(int fullReadLimit = 1000, int relistEvery = 2, double maxAge = 1.0,
                                             double smoothing = 0);
};

void tst_TaskSampler::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_proc = std::make_unique<FakeProc>(m_dir->path());
}

std::unique_ptr<TaskSampler> tst_TaskSampler::makeSampler(int fullReadLimit, int relistEvery, double maxAge,
                                                          double smoothing)
{
    TaskSampler::Options options;
    options.smoothingS = smoothing;
    options.fullReadLimit = fullReadLimit;
    options.relistEveryTicks = relistEvery;
    options.rescanEveryTicks = relistEvery;
    options.letterMaxAgeS = maxAge;
    return std::make_unique<TaskSampler>(std::make_unique<LinuxProcSource>(m_proc->root()), options);
}

void tst_TaskSampler::lifeOfATask()
{
    FakeProc &proc = *m_proc;
    proc.addProcess(100, 1, "a ) (b", 'S', 2);
    proc.write(u"100/task/100/syscall"_s, "202 0x55 0x80 0x2 0x0 0x0 0x0 0x7ff 0x7f\n");
    proc.setTask(100, 101, "worker 1", 'R', 1, 2, 1);
    proc.setSchedstat(100, 101, 5 * Seconds, 0, 10);
    proc.write(u"100/task/101/syscall"_s, "running\n");
    auto sampler = makeSampler();
    sampler->setWatchedPids({100});

    SnapshotPtr s = sampler->sample();
    QCOMPARE(s->sequence, 1u);
    QCOMPARE(s->tasks.size(), 2);
    QCOMPARE(s->processes.size(), 1);
    QCOMPARE(s->processes[0].name, u"a ) (b"_s);
    QCOMPARE(s->processes[0].cmdline, (QStringList{u"a ) (b"_s, u"--flag"_s}));
    QCOMPARE(s->processes[0].threads, 2);
    const TaskSample *main = find(s, 100);
    QVERIFY(main);
    QCOMPARE(main->pid, 100);
    QCOMPARE(main->ppid, 1);
    QCOMPARE(main->name, u"a ) (b"_s);
    QCOMPARE(main->stat, 'S');
    QCOMPARE(TaskStateName::name(main->state), u"blocked"_s);
    QCOMPARE(main->reason, u"waiting on a lock or condition (futex)"_s);
    QCOMPARE(main->reasonSource, u"syscall"_s);
    QCOMPARE(find(s, 101)->name, u"worker 1"_s);
    QCOMPARE(find(s, 101)->core, 1);

    // A thread appears: never scheduled yet.
    proc.setTask(100, 102, "new\nline", 'R', 1, 3);
    proc.setSchedstat(100, 102, 0, 0, 0);
    proc.setTask(100, 100, "a ) (b", 'S', 1, 3);
    s = sampler->sample();
    QCOMPARE(s->tasks.size(), 3);
    QCOMPARE(stateOf(s, 102), u"new"_s);
    QCOMPARE(find(s, 102)->name, u"new\nline"_s);

    // States change. 101 runs flat out (ten seconds of CPU in a few ms: clamped to the whole interval), 102 is
    // runnable and has been given no core (no progress at all), 100 sleeps.
    proc.setSchedstat(100, 101, 15 * Seconds, 0, 20);
    proc.setSchedstat(100, 102, 0, 0, 1);
    s = sampler->sample();
    QCOMPARE(stateOf(s, 101), u"running"_s);
    QVERIFY(find(s, 101)->running > 0.99);
    QVERIFY(find(s, 101)->reason.isEmpty());
    QCOMPARE(stateOf(s, 100), u"blocked"_s);
    s = sampler->sample(); // 102: still R, and now no progress at all
    QCOMPARE(stateOf(s, 102), u"ready"_s);
    QVERIFY(find(s, 102)->ready > 0.99);

    // 101 is stopped by a signal.
    proc.setTask(100, 101, "worker 1", 'T', 1, 3);
    s = sampler->sample();
    QCOMPARE(stateOf(s, 101), u"stopped"_s);
    QCOMPARE(find(s, 101)->reason, u"stopped by a signal"_s);

    // The process exits: the other threads vanish at once, the main thread stays a zombie until reaped.
    proc.remove(u"100/task/101"_s);
    proc.remove(u"100/task/102"_s);
    proc.setTask(100, 100, "a ) (b", 'Z', 1, 1);
    s = sampler->sample();
    QCOMPARE(stateOf(s, 100), u"zombie"_s);
    QCOMPARE(stateOf(s, 101), u"terminated"_s);
    QCOMPARE(stateOf(s, 102), u"terminated"_s);
    QCOMPARE(s->processes[0].stat, 'Z');
    s = sampler->sample();
    QCOMPARE(s->tasks.size(), 1); // the ended threads were reported once, then forgotten

    // Reaped: the whole directory goes. A kept descriptor of a fake file cannot say ESRCH, so the sampler finds
    // out when it lists task/ again (every relistEveryTicks ticks at the latest).
    proc.remove(u"100"_s);
    bool terminated = false;
    for (int i = 0; i < 3 && !terminated; ++i) {
        s = sampler->sample();
        terminated = stateOf(s, 100) == u"terminated"_s;
    }
    QVERIFY(terminated);
    QCOMPARE(s->processes.size(), 1);
    QVERIFY(s->processes[0].gone);
    s = sampler->sample();
    QVERIFY(s->tasks.isEmpty());
    QVERIFY(s->processes.isEmpty());
    QCOMPARE(sampler->taskCount(), 0);
}

void tst_TaskSampler::reasonFallsBackToWchan()
{
    // No syscall file (on a real system: not allowed to read it) → wchan, and the sample says so.
    m_proc->addProcess(300, 1, "reader", 'S', 1);
    m_proc->write(u"300/task/300/wchan"_s, "anon_pipe_read");
    auto sampler = makeSampler();
    sampler->setWatchedPids({300});
    SnapshotPtr s = sampler->sample();
    QCOMPARE(find(s, 300)->reason, u"reading a pipe"_s);
    QCOMPARE(find(s, 300)->reasonSource, u"wchan"_s);
    // Blocked outside a system call: syscall says -1, wchan explains.
    m_proc->write(u"300/task/300/syscall"_s, "-1 0x7ffd 0x55d2\n");
    m_proc->write(u"300/task/300/wchan"_s, "folio_wait_bit_common");
    auto second = makeSampler();
    second->setWatchedPids({300});
    s = second->sample();
    QCOMPARE(find(s, 300)->reason, u"waiting for the disk"_s);
    QCOMPARE(find(s, 300)->reasonSource, u"wchan"_s);
}

void tst_TaskSampler::descendants()
{
    m_proc->addProcess(200, 1, "supervisor", 'S', 2);
    m_proc->setTask(200, 210, "sampler", 'S', 1, 2);
    m_proc->setSchedstat(200, 210, 1, 0, 1);
    m_proc->write(u"200/task/210/children"_s, "201 ");
    m_proc->addProcess(201, 200, "lab parent", 'S', 1);
    m_proc->write(u"201/task/201/children"_s, "202");
    m_proc->addProcess(202, 201, "lab child", 'S', 1);
    m_proc->addProcess(999, 1, "stranger", 'S', 1);
    auto sampler = makeSampler();
    sampler->setDescendantRoots({200});
    SnapshotPtr s = sampler->sample();
    QList<int> pids;
    for (const ProcessSample &p : s->processes)
        pids << p.pid;
    QCOMPARE(pids, (QList<int>{201, 202}));

    // A new grandchild shows up after a rescan request.
    m_proc->write(u"202/task/202/children"_s, "203");
    m_proc->addProcess(203, 202, "grandchild", 'R', 1);
    sampler->requestRescan();
    s = sampler->sample();
    QCOMPARE(s->processes.size(), 3);
    QCOMPARE(s->processes.last().pid, 203);
    QCOMPARE(s->processes.last().ppid, 202);
}

void tst_TaskSampler::watchAll()
{
    m_proc->addProcess(1, 0, "init", 'S', 1);
    m_proc->addProcess(7, 1, "seven", 'S', 1);
    auto sampler = makeSampler();
    sampler->setWatchAll(true);
    SnapshotPtr s = sampler->sample();
    QCOMPARE(s->processes.size(), 2);
    QCOMPARE(s->tasks.size(), 2);
}

void tst_TaskSampler::lowFileLimitStillWatchesEveryTask()
{
    // A low hard RLIMIT_NOFILE (ulimit -n) that ProcLab cannot raise, and more threads than descriptors: the
    // sampler keeps what its budget allows and reads the rest per read — every task is watched — and counts the
    // tasks it could not read at all when not one descriptor is left.
    const int threads = 150; // two files each: 300 descriptors if all were kept
    m_proc->addProcess(500, 1, "many", 'S', threads);
    for (int tid = 501; tid < 500 + threads; ++tid) {
        m_proc->setTask(500, tid, "worker", 'S', 1, threads);
        m_proc->setSchedstat(500, tid, 1000, 0, 1);
    }
    // The sampler raises the soft limit to the hard one when it is made (once per process): lower it after.
    auto sampler = makeSampler();
    sampler->setWatchedPids({500});
    rlimit saved{};
    QCOMPARE(::getrlimit(RLIMIT_NOFILE, &saved), 0);
    const rlim_t open = rlim_t(QDir(u"/proc/self/fd"_s).entryList(QDir::Files | QDir::System).size());
    rlimit low = saved;
    low.rlim_cur = open + 120; // a budget of about 60 kept descriptors, and room for the per-read opens
    QCOMPARE(::setrlimit(RLIMIT_NOFILE, &low), 0);
    const auto restore = qScopeGuard([&saved] { ::setrlimit(RLIMIT_NOFILE, &saved); });

    sampler->sample();
    m_proc->setSchedstat(500, 600, 5000000, 0, 9); // one of the threads beyond the budget runs
    const SnapshotPtr s = sampler->sample();
    QCOMPARE(s->tasks.size(), threads);
    QCOMPARE(s->unwatchedTasks, 0);
    QVERIFY2(s->keptFiles <= int(low.rlim_cur) - 64, qPrintable(QString::number(s->keptFiles)));
    QVERIFY(s->keptFiles > 0);
    QVERIFY2(find(s, 600) && find(s, 600)->running > 0, "a per-read task's progress is seen");

    // Not one descriptor left: the per-read tasks are counted as not read, and none is dropped.
    std::vector<int> hog;
    for (int fd; (fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC)) >= 0;)
        hog.push_back(fd);
    const SnapshotPtr starved = sampler->sample();
    const int hogged = int(hog.size());
    for (const int fd : hog)
        ::close(fd);
    QVERIFY2(starved->unwatchedTasks > 0, qPrintable(u"kept %1, hogged %2"_s.arg(starved->keptFiles).arg(hogged)));
    QVERIFY(starved->unwatchedTasks <= threads);
    QCOMPARE(starved->tasks.size(), threads);
    QCOMPARE(sampler->sample()->unwatchedTasks, 0);
}

void tst_TaskSampler::rotationKeepsLettersYoung()
{
    // Many tasks → no full reads: a thread that makes no progress has its stat re-read in rotation, so a letter
    // changed behind the sampler's back shows within letterMaxAgeS.
    m_proc->addProcess(400, 1, "many", 'S', 2);
    m_proc->setTask(400, 401, "idle", 'S', 1, 2);
    m_proc->setSchedstat(400, 401, 1, 0, 1);
    const double maxAge = 0.3;
    auto sampler = makeSampler(0, 1000, maxAge);
    sampler->setWatchedPids({400});
    SnapshotPtr s = sampler->sample();
    QCOMPARE(stateOf(s, 401), u"blocked"_s);
    m_proc->setTask(400, 401, "idle", 'T', 1, 2);
    QElapsedTimer clock;
    clock.start();
    QTRY_VERIFY_WITH_TIMEOUT((s = sampler->sample(), stateOf(s, 401) == u"stopped"_s), 3000);
    QVERIFY2(clock.elapsed() < 1000 * maxAge + 200, qPrintable(QString::number(clock.elapsed())));
    for (int i = 0; i < 5; ++i) {
        s = sampler->sample();
        QVERIFY(find(s, 401)->letterAgeS <= maxAge + 0.1);
        QTest::qWait(50);
    }
}

void tst_TaskSampler::quietMachineProvesUnchangedLetters()
{
    // procs_running 1 (the sampler alone): a thread that was not scheduled since its letter was read cannot have
    // changed it, so the rotation's re-read is skipped and the letter's age restarts. The fake tree changes a
    // letter behind the sampler's back, which the kernel cannot do; that shows whether stat was read.
    const QByteArray cpus = "cpu  100 0 100 800 0 0 0 0 0 0\ncpu0 50 0 50 400 0 0 0 0 0 0\n"
                            "cpu1 50 0 50 400 0 0 0 0 0 0\nintr 0\n";
    m_proc->write(u"stat"_s, cpus + "procs_running 1\nprocs_blocked 0\n");
    m_proc->addProcess(600, 1, "quiet", 'S', 3);
    m_proc->setTask(600, 601, "sleeper", 'S', 1, 3);
    m_proc->setSchedstat(600, 601, 1, 0, 1);
    m_proc->setTask(600, 602, "starved", 'R', 1, 3);
    m_proc->setSchedstat(600, 602, 1, 0, 1);
    const double maxAge = 0.2;
    auto sampler = makeSampler(0, 1000, maxAge);
    sampler->setWatchedPids({600});
    SnapshotPtr s = sampler->sample();
    s = sampler->sample();
    QCOMPARE(stateOf(s, 601), u"blocked"_s);
    QCOMPARE(stateOf(s, 602), u"ready"_s);
    m_proc->setTask(600, 601, "sleeper", 'T', 1, 3);
    // A letter R is never taken as proved: the thread is runnable, so it must be looked at.
    m_proc->setTask(600, 602, "starved", 'S', 1, 3);
    QElapsedTimer clock;
    clock.start();
    bool starvedSeenAgain = false;
    while (clock.elapsed() < 3 * 1000 * maxAge) {
        s = sampler->sample();
        QCOMPARE(stateOf(s, 601), u"blocked"_s);
        QVERIFY2(find(s, 601)->letterAgeS <= maxAge + 0.1, qPrintable(QString::number(find(s, 601)->letterAgeS)));
        starvedSeenAgain = starvedSeenAgain || stateOf(s, 602) == u"blocked"_s;
        QTest::qWait(20);
    }
    QVERIFY(starvedSeenAgain);
    // Something else is runnable: rotation reads again, and the (fake) change shows within the maximum age.
    m_proc->write(u"stat"_s, cpus + "procs_running 3\nprocs_blocked 0\n");
    clock.restart();
    QTRY_VERIFY_WITH_TIMEOUT((s = sampler->sample(), stateOf(s, 601) == u"stopped"_s), 3000);
    QVERIFY2(clock.elapsed() < 1000 * maxAge + 200, qPrintable(QString::number(clock.elapsed())));
}

void tst_TaskSampler::switchCountsFollowScheduling()
{
    // status (context switches) is re-read only for a thread that was scheduled since it was last read.
    m_proc->addProcess(700, 1, "switches", 'S', 2);
    m_proc->setTask(700, 701, "worker", 'S', 1, 2);
    m_proc->setSchedstat(700, 701, 1000, 0, 5);
    const auto setSwitches = [this](int voluntary) {
        m_proc->write(u"700/task/701/status"_s,
                      "Name:\tworker\nPid:\t701\nvoluntary_ctxt_switches:\t" + QByteArray::number(voluntary)
                          + "\nnonvoluntary_ctxt_switches:\t1\n");
    };
    setSwitches(5);
    auto sampler = makeSampler();
    sampler->setWatchedPids({700});
    SnapshotPtr s = sampler->sample();
    QCOMPARE(find(s, 701)->voluntarySwitches, 5u);
    setSwitches(9); // not scheduled meanwhile: not read
    s = sampler->sample();
    QCOMPARE(find(s, 701)->voluntarySwitches, 5u);
    m_proc->setSchedstat(700, 701, 2000, 0, 6);
    s = sampler->sample();
    QCOMPARE(find(s, 701)->voluntarySwitches, 9u);
    setSwitches(10); // ran on within its slice: the CPU time alone moved
    m_proc->setSchedstat(700, 701, 3000, 0, 6);
    s = sampler->sample();
    QCOMPARE(find(s, 701)->voluntarySwitches, 10u);
}

void tst_TaskSampler::aThreadThatRanAndStoppedShowsWithinTwoTicks()
{
    // Many tasks (no full reads), a long letter age: only the read after a run can show these changes. A thread
    // that ran and then stopped (T), and one that ran and now waits for a core (R, its wait not credited yet),
    // show so at the second tick without progress at the latest; one whose stale letter is R, or whose process
    // is stopping, at the first. The fake tree changes the letters as the kernel would, at the end of the run.
    m_proc->addProcess(900, 1, "many", 'S', 4);
    m_proc->setTask(900, 901, "stops", 'S', 1, 4);
    m_proc->setTask(900, 902, "starves", 'S', 1, 4);
    m_proc->setTask(900, 903, "was running", 'R', 1, 4);
    for (int tid = 901; tid <= 903; ++tid)
        m_proc->setSchedstat(900, tid, 1000, 0, 1);
    auto sampler = makeSampler(0, 1000, 60.0);
    sampler->setWatchedPids({900});
    SnapshotPtr s = sampler->sample();
    s = sampler->sample();
    QCOMPARE(stateOf(s, 901), u"blocked"_s);
    QCOMPARE(stateOf(s, 903), u"ready"_s); // R and no progress: starved
    for (int tid = 901; tid <= 903; ++tid)
        m_proc->setSchedstat(900, tid, 2000, 10, 2); // each runs a little
    s = sampler->sample();
    m_proc->setTask(900, 901, "stops", 'T', 1, 4);
    m_proc->setTask(900, 902, "starves", 'R', 1, 4);
    m_proc->setTask(900, 903, "was running", 'S', 1, 4);
    s = sampler->sample(); // first tick without progress
    QCOMPARE(stateOf(s, 903), u"blocked"_s); // its stale R would have said Ready: read at once
    QCOMPARE(find(s, 903)->stat, 'S');
    s = sampler->sample(); // second
    QCOMPARE(stateOf(s, 901), u"stopped"_s);
    QCOMPARE(stateOf(s, 902), u"ready"_s);
    QCOMPARE(sampler->statReads(TaskReadPolicy::Why::AfterRun), 3);

    // A group stop: the main thread's letter is T, so every thread that ran is read at its first quiet tick.
    m_proc->setSchedstat(900, 903, 3000, 20, 3);
    m_proc->setSchedstat(900, 900, 2000, 0, 2);
    s = sampler->sample();
    QCOMPARE(stateOf(s, 903), u"blocked"_s);
    m_proc->setTask(900, 900, "many", 'T', 1, 4);
    m_proc->setTask(900, 903, "was running", 'T', 1, 4);
    s = sampler->sample();
    QCOMPARE(stateOf(s, 900), u"stopped"_s);
    QCOMPARE(stateOf(s, 903), u"stopped"_s);
}

void tst_TaskSampler::aThreadThatWakesEveryOtherTickIsNotReadAfterEachRun()
{
    // The waking benchmark's thread: it runs at every other tick and sleeps between. Its letter is not read after
    // each run (the fake tree's letter changes behind the sampler's back, which shows whether stat was read), but
    // it ages and is read in rotation before it passes letterMaxAgeS.
    m_proc->addProcess(910, 1, "waking", 'S', 2);
    m_proc->setTask(910, 911, "timer", 'S', 1, 2);
    m_proc->setSchedstat(910, 911, 1000, 0, 1);
    const double maxAge = 0.5;
    auto sampler = makeSampler(0, 1000, maxAge);
    sampler->setWatchedPids({910});
    SnapshotPtr s = sampler->sample();
    s = sampler->sample();
    m_proc->setTask(910, 911, "timer", 'D', 1, 2); // seen only when stat is read
    quint64 cpu = 1000;
    bool readBeforeMaxAge = false;
    QElapsedTimer clock;
    clock.start();
    for (int tick = 0; clock.elapsed() < 3 * 1000 * maxAge; ++tick) {
        if (tick % 2 == 0) {
            cpu += 1000;
            m_proc->setSchedstat(910, 911, cpu, 0, cpu / 1000);
        }
        s = sampler->sample();
        const TaskSample *task = find(s, 911);
        QVERIFY(task);
        QCOMPARE(stateOf(s, 911), u"blocked"_s);
        QVERIFY2(task->letterAgeS <= maxAge + 0.1, qPrintable(QString::number(task->letterAgeS)));
        if (task->stat == 'D') {
            readBeforeMaxAge = true;
            break;
        }
        QTest::qWait(20);
    }
    QVERIFY(readBeforeMaxAge);
    QCOMPARE(sampler->statReads(TaskReadPolicy::Why::AfterRun), 0);
    QVERIFY(sampler->statReads(TaskReadPolicy::Why::Rotation) >= 1);
}

void tst_TaskSampler::reasonOfABusyThreadIsReadAtMostSoOften()
{
    // A thread that runs a little and blocks again at every tick: its reason is re-read at most every reasonMaxAgeS.
    m_proc->addProcess(800, 1, "busy", 'S', 1);
    m_proc->write(u"800/task/800/syscall"_s, "202 0x55 0x80 0x2 0x0 0x0 0x0 0x7ff 0x7f\n");
    auto sampler = makeSampler();
    TaskSampler::Options options = sampler->options();
    options.reasonMaxAgeS = 0.3;
    sampler->setOptions(options);
    sampler->setWatchedPids({800});
    quint64 cpu = 1000;
    const auto tick = [&] {
        cpu += 10; // ran for 10 ns: blocked nearly all of the interval
        m_proc->setSchedstat(800, 800, cpu, 0, cpu);
        return sampler->sample();
    };
    SnapshotPtr s = tick();
    s = tick();
    QCOMPARE(find(s, 800)->reason, u"waiting on a lock or condition (futex)"_s);
    m_proc->write(u"800/task/800/syscall"_s, "61 0xffffffff 0x7ffd 0x0 0x0 0x0 0x0 0x7ffd 0x7f\n");
    s = tick();
    QCOMPARE(TaskStateName::name(find(s, 800)->state), u"blocked"_s);
    QCOMPARE(find(s, 800)->reason, u"waiting on a lock or condition (futex)"_s); // read less than 0.3 s ago
    QElapsedTimer clock;
    clock.start();
    QTRY_VERIFY_WITH_TIMEOUT((s = tick(), find(s, 800)->reason == u"waiting for a child"_s), 3000);
    QVERIFY2(clock.elapsed() >= 150 && clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
}

namespace {
// A translation without a .qm file: the words the sampler uses, in German.
class GermanReasons : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *source, const char *, int) const override
    {
        if (qstrcmp(context, "BlockedReason") != 0)
            return {};
        if (qstrcmp(source, "reading a pipe") == 0)
            return QStringLiteral("liest eine Pipe");
        if (qstrcmp(source, "sleeping") == 0)
            return QStringLiteral("schläft");
        return {};
    }
};
} // namespace

// A task blocked all along keeps its reason, never read again; after the user switches language the reason is
// worded again in the new one (one cell stayed Chinese after a switch to English).
void tst_TaskSampler::reasonsFollowALanguageChange()
{
    m_proc->addProcess(320, 1, "reader", 'S', 1);
    m_proc->write(u"320/task/320/wchan"_s, "anon_pipe_read");
    auto sampler = makeSampler();
    TaskSampler::Options options = sampler->options();
    options.reasonMaxAgeS = 60;
    sampler->setOptions(options);
    sampler->setWatchedPids({320});
    SnapshotPtr s = sampler->sample();
    s = sampler->sample();
    QCOMPARE(find(s, 320)->reason, u"reading a pipe"_s);
    GermanReasons german;
    QCoreApplication::installTranslator(&german);
    const auto removeIt = qScopeGuard([&] { QCoreApplication::removeTranslator(&german); });
    s = sampler->sample();
    QCOMPARE(find(s, 320)->reason, u"liest eine Pipe"_s);
    QCoreApplication::removeTranslator(&german);
    s = sampler->sample();
    QCOMPARE(find(s, 320)->reason, u"reading a pipe"_s);
}

void tst_TaskSampler::reasonIsReadAgainWhenTheWaitMayHaveChanged()
{
    // An exec'd program waits for the disk (D) while it is loaded, then sleeps (S), running a little in between:
    // the new letter is a new wait, read at once even though the last reason is younger than reasonMaxAgeS.
    m_proc->addProcess(810, 1, "sleep", 'D', 1);
    m_proc->write(u"810/task/810/syscall"_s, "-1 0x7ffd 0x7f\n"); // in the kernel, not in a system call
    auto sampler = makeSampler();
    TaskSampler::Options options = sampler->options();
    options.reasonMaxAgeS = 60;
    sampler->setOptions(options);
    sampler->setWatchedPids({810});
    quint64 cpu = 1000;
    const auto tick = [&] {
        cpu += 10;
        m_proc->setSchedstat(810, 810, cpu, 0, cpu);
        return sampler->sample();
    };
    SnapshotPtr s = tick();
    s = tick();
    const QString diskWait = find(s, 810)->reason;
    QVERIFY(!diskWait.isEmpty());
    m_proc->setTask(810, 810, "sleep", 'S', 1, 1);
    m_proc->write(u"810/task/810/syscall"_s, "230 0x0 0x0 0x7ffd 0x0 0x0 0x0 0x7ffd 0x7f\n");
    s = tick();
    QCOMPARE(find(s, 810)->stat, 'S');
    QCOMPARE(find(s, 810)->reason, u"sleeping"_s);
    QVERIFY(diskWait != u"sleeping"_s);

    // It runs, then blocks again caught between two system calls: nothing speaks, so the letter's guess stands,
    // and it is read again at the next tick although neither the state nor the letter changed.
    cpu += 10 * Seconds;
    m_proc->setTask(810, 810, "sleep", 'R', 1, 1);
    s = tick();
    QCOMPARE(TaskStateName::name(find(s, 810)->state), u"running"_s);
    m_proc->setTask(810, 810, "sleep", 'S', 1, 1);
    m_proc->write(u"810/task/810/syscall"_s, "running\n");
    s = tick();
    QCOMPARE(TaskStateName::name(find(s, 810)->state), u"blocked"_s);
    QCOMPARE(find(s, 810)->reasonSource, QString());
    m_proc->write(u"810/task/810/syscall"_s, "61 0xffffffff 0x7ffd 0x0 0x0 0x0 0x0 0x7ffd 0x7f\n");
    s = tick();
    QCOMPARE(find(s, 810)->reason, u"waiting for a child"_s);
}

void tst_TaskSampler::countersGoingBackwards()
{
    m_proc->addProcess(500, 1, "odd", 'R', 1);
    m_proc->setSchedstat(500, 500, 10 * Seconds, 0, 10);
    auto sampler = makeSampler();
    sampler->setWatchedPids({500});
    sampler->sample();
    m_proc->setSchedstat(500, 500, 20 * Seconds, 0, 20);
    SnapshotPtr s = sampler->sample();
    const double before = find(s, 500)->running;
    QVERIFY(before > 0.5);
    m_proc->setSchedstat(500, 500, 1 * Seconds, 0, 21);
    s = sampler->sample();
    const TaskSample *task = find(s, 500);
    QVERIFY(!task->sharesKnown);
    QCOMPARE(task->running, before); // the previous shares are kept, never negative ones
    QCOMPARE(TaskStateName::name(task->state), u"running"_s); // from the letter
    // And from the new, lower baseline it goes on normally.
    m_proc->setSchedstat(500, 500, 11 * Seconds, 0, 30);
    s = sampler->sample();
    QVERIFY(find(s, 500)->sharesKnown);
    QVERIFY(find(s, 500)->running > 0.5);
}

void tst_TaskSampler::endedPidIsNotWatchedAgain()
{
    m_proc->addProcess(600, 1, "short", 'S', 1);
    auto sampler = makeSampler(1000, 1);
    sampler->setWatchedPids({600});
    QCOMPARE(sampler->sample()->tasks.size(), 1);
    m_proc->remove(u"600"_s);
    QCOMPARE(stateOf(sampler->sample(), 600), u"terminated"_s);
    // The PID is recycled by an unrelated process: not picked up again…
    m_proc->addProcess(600, 1, "recycled", 'S', 1);
    QVERIFY(sampler->sample()->tasks.isEmpty());
    // …until the caller asks for that PID anew.
    sampler->setWatchedPids({});
    sampler->sample();
    sampler->setWatchedPids({600});
    QCOMPARE(sampler->sample()->tasks.value(0).name, u"recycled"_s);
}

void tst_TaskSampler::cpuLoad()
{
    auto sampler = makeSampler();
    SnapshotPtr s = sampler->sample();
    QCOMPARE(s->cpus.size(), 2);
    QCOMPARE(s->total.busy, 0.2); // since boot: 200 of 1000 ticks
    m_proc->write(u"stat"_s, "cpu  200 0 100 900 0 0 0 0 0 0\ncpu0 150 0 50 400 0 0 0 0 0 0\n"
                             "cpu1 50 0 50 500 0 0 0 0 0 0\nintr 0\n");
    s = sampler->sample();
    QVERIFY(s->cpus[0].busy > 0.2); // core 0 was fully busy: the smoothed share rises
    QVERIFY(s->cpus[1].busy < 0.2); // core 1 idle: it falls
    QVERIFY(s->intervalS > 0);
}

QTEST_GUILESS_MAIN(tst_TaskSampler)
#include "tst_tasksampler.moc"
