// LabController with real proclab-worker processes: spawning, kept zombies, orphans, caps, signals after reaping,
// foreign adoptees, stopping, and 100 spawn/kill cycles that leave nothing behind. (What the worker's threads do
// is tested in tst_workerprocess.cpp.)
#include "control/ChildScanner.h"
#include "control/LabController.h"
#include "control/SupervisorSetup.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <csignal>
#include <sys/resource.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {
ThreadSpec threadOf(const QString &role)
{
    ThreadSpec thread;
    thread.role = role;
    return thread;
}
} // namespace

class tst_LabController : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void spawnsIntoOneGroupWithNamedThreads();
    void keptZombieIsReapedOnlyOnRequest();
    void orphanIsReparentedToSupervisor_data();
    void orphanIsReparentedToSupervisor();
    void signalAfterReapReachesNobody();
    void capsGiveClearErrors();
    void forkBurstKeepsTheProcessCap();
    void detachedHelperIsReapedNeverSignalled();
    void stopAllEndsStoppedAndZombieProcesses();
    void spawnKillCyclesLeakNothing();

private:
    QList<SessionEvent> eventsOf(const QString &kind) const;
    bool hasEvent(const QString &kind, const QString &key, qint64 value) const;
    static int fdCount();
    static qint64 rssKb();
    static QStringList shmEntries();

    std::unique_ptr<LabController> m_controller;
    QList<SessionEvent> m_events;
};

void tst_LabController::initTestCase()
{
    qputenv("PROCLAB_WORKER", PROCLAB_BIN_DIR "/proclab-worker");
    QVERIFY(QFile::exists(QStringLiteral(PROCLAB_BIN_DIR "/proclab-worker")));
    // A soft limit below the hard one, as on a desktop (1024 / 524288), so that raising it in the supervisor
    // and giving the children the original back can both be seen.
    rlimit limit{};
    QCOMPARE(::getrlimit(RLIMIT_NOFILE, &limit), 0);
    if (limit.rlim_max > 1024) {
        limit.rlim_cur = 1024;
        QCOMPARE(::setrlimit(RLIMIT_NOFILE, &limit), 0);
    }
    SupervisorSetup::prepare();
    QCOMPARE(SupervisorSetup::originalFileLimit(), qMin(rlim_t(1024), limit.rlim_max));
}

void tst_LabController::init()
{
    m_events.clear();
    m_controller = std::make_unique<LabController>();
    connect(m_controller.get(), &LabController::event, this, [this](const SessionEvent &e) { m_events.append(e); });
}

void tst_LabController::cleanup()
{
    m_controller->stopAllAndWait();
    QCOMPARE(m_controller->processCount(), 0);
    m_controller.reset();
    // Nothing left: no child of this process at all, running or zombie (QProcess children are waited for in
    // the tests that start them).
    QTRY_VERIFY_WITH_TIMEOUT(ChildScanner::children().isEmpty(), 3000);
}

QList<SessionEvent> tst_LabController::eventsOf(const QString &kind) const
{
    QList<SessionEvent> found;
    for (const SessionEvent &e : m_events) {
        if (e.kind == kind)
            found.append(e);
    }
    return found;
}

bool tst_LabController::hasEvent(const QString &kind, const QString &key, qint64 value) const
{
    for (const SessionEvent &e : m_events) {
        if (e.kind == kind && e.fields.value(key).toInteger() == value)
            return true;
    }
    return false;
}

int tst_LabController::fdCount()
{
    return int(QDir(u"/proc/self/fd"_s).entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot).size());
}

qint64 tst_LabController::rssKb()
{
    QFile statm(u"/proc/self/statm"_s);
    if (!statm.open(QIODevice::ReadOnly))
        return -1;
    return statm.readAll().split(' ').value(1).toLongLong() * (::sysconf(_SC_PAGESIZE) / 1024);
}

QStringList tst_LabController::shmEntries()
{
    return QDir(u"/dev/shm"_s).entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot);
}

void tst_LabController::spawnsIntoOneGroupWithNamedThreads()
{
    const std::optional<pid_t> first = m_controller->spawnWorker(WorkerLaunch());
    const std::optional<pid_t> second = m_controller->spawnWorker(WorkerLaunch());
    QVERIFY(first && second);
    QCOMPARE(ChildScanner::readStat(*first)->processGroup, *first);
    QCOMPARE(ChildScanner::readStat(*second)->processGroup, *first);
    QVERIFY(hasEvent(u"process.spawn"_s, u"pid"_s, *first));

    for (const QString &role : {u"sleeper"_s, u"cpu"_s, u"io"_s})
        QVERIFY(m_controller->addThread(*first, threadOf(role)));
    QTRY_COMPARE(eventsOf(u"thread.start"_s).size(), 3);
    QCOMPARE(m_controller->threadCount(), 3);
    for (const SessionEvent &e : eventsOf(u"thread.start"_s)) {
        QFile comm(u"/proc/%1/task/%2/comm"_s.arg(*first).arg(e.fields.value(u"tid"_s).toInt()));
        QVERIFY(comm.open(QIODevice::ReadOnly));
        QCOMPARE(comm.readAll().trimmed(), (e.fields.value(u"role"_s).toString() + u"-1"_s).toLatin1());
    }
    // The supervisor raised its own RLIMIT_NOFILE; children get the original soft limit back.
    QFile limits(u"/proc/%1/limits"_s.arg(*first));
    QVERIFY(limits.open(QIODevice::ReadOnly));
    QByteArray openFiles;
    for (const QByteArray &line : limits.readAll().split('\n')) {
        if (line.startsWith("Max open files"))
            openFiles = line.simplified();
    }
    QCOMPARE(openFiles.split(' ').value(3), QByteArray::number(qulonglong(SupervisorSetup::originalFileLimit())));
    rlimit own{};
    QCOMPARE(::getrlimit(RLIMIT_NOFILE, &own), 0);
    QCOMPARE(own.rlim_cur, own.rlim_max);
    QFile mainComm(u"/proc/%1/comm"_s.arg(*first));
    QVERIFY(mainComm.open(QIODevice::ReadOnly));
    QCOMPARE(mainComm.readAll().trimmed(), QByteArray("proclab-worker"));

    const pid_t tid = pid_t(eventsOf(u"thread.start"_s).first().fields.value(u"tid"_s).toInt());
    QVERIFY(m_controller->stopThread(*first, tid));
    QTRY_VERIFY(hasEvent(u"thread.exit"_s, u"tid"_s, tid));
    QVERIFY(!QFile::exists(u"/proc/%1/task/%2"_s.arg(*first).arg(tid)));

    // SIGTERM: threads asked to finish, exit status 0.
    QVERIFY(m_controller->sendSignal(*second, SIGTERM));
    QTRY_VERIFY(hasEvent(u"process.reap"_s, u"pid"_s, *second));
    for (const SessionEvent &e : eventsOf(u"process.exit"_s)) {
        if (e.fields.value(u"pid"_s).toInt() == *second)
            QCOMPARE(e.fields.value(u"code"_s).toInt(), 0);
    }
}

void tst_LabController::keptZombieIsReapedOnlyOnRequest()
{
    WorkerLaunch launch;
    launch.keepZombie = true;
    const std::optional<pid_t> pid = m_controller->spawnWorker(launch);
    QVERIFY(pid);
    // A QProcess beside it: its exit status must stay its own (we reap nothing that is not ours).
    QProcess beside;
    beside.start(u"/bin/sh"_s, {u"-c"_s, u"sleep 0.3; exit 7"_s});
    QVERIFY(beside.waitForStarted());

    QVERIFY(m_controller->sendSignal(*pid, SIGKILL));
    QTRY_VERIFY_WITH_TIMEOUT(hasEvent(u"process.zombie"_s, u"pid"_s, *pid), 1000);
    // One sampling tick (100 ms at the default 10 Hz) is enough to see it as Z.
    QTRY_COMPARE_WITH_TIMEOUT(ChildScanner::readStat(*pid).value_or(ChildStat()).state, 'Z', 100);
    QCOMPARE(m_controller->process(*pid)->state, LabProcessInfo::State::Zombie);
    QVERIFY(hasEvent(u"process.exit"_s, u"pid"_s, *pid));
    QVERIFY(!hasEvent(u"process.reap"_s, u"pid"_s, *pid));
    QTest::qWait(300); // several orphan scans and event loop turns: still a zombie
    QCOMPARE(ChildScanner::readStat(*pid).value_or(ChildStat()).state, 'Z');

    // (It may have finished during the waits above, in which case waitForFinished() would return false.)
    QVERIFY(beside.state() == QProcess::NotRunning || beside.waitForFinished(5000));
    QCOMPARE(beside.exitStatus(), QProcess::NormalExit);
    QCOMPARE(beside.exitCode(), 7);

    QVERIFY(m_controller->reap(*pid));
    QVERIFY(hasEvent(u"process.reap"_s, u"pid"_s, *pid));
    QVERIFY(!ChildScanner::readStat(*pid));
    QVERIFY(!m_controller->reap(*pid));
}

void tst_LabController::orphanIsReparentedToSupervisor_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("plain forked child") << u"sleeper"_s;
    QTest::newRow("worker child") << u"worker"_s;
}

void tst_LabController::orphanIsReparentedToSupervisor()
{
    QFETCH(QString, kind);
    const std::optional<pid_t> parent = m_controller->spawnWorker(WorkerLaunch());
    QVERIFY(parent);
    QVERIFY(m_controller->forkChild(*parent, kind));
    QTRY_COMPARE(eventsOf(u"process.spawn"_s).size(), 2);
    const SessionEvent spawn = eventsOf(u"process.spawn"_s).last();
    const pid_t child = pid_t(spawn.fields.value(u"pid"_s).toInt());
    QCOMPARE(spawn.fields.value(u"ppid"_s).toInt(), *parent);
    QCOMPARE(ChildScanner::readStat(child)->parent, *parent);

    QVERIFY(m_controller->sendSignal(*parent, SIGKILL));
    QTRY_VERIFY_WITH_TIMEOUT(hasEvent(u"process.reparent"_s, u"pid"_s, child), 2000);
    const SessionEvent reparent = eventsOf(u"process.reparent"_s).first();
    QCOMPARE(reparent.fields.value(u"from"_s).toInt(), *parent);
    QCOMPARE(reparent.fields.value(u"to"_s).toInt(), ::getpid());
    // It survived its parent's death signal (SIGRTMIN, caught: the supervisor is still there).
    QTest::qWait(200);
    const std::optional<ChildStat> stat = ChildScanner::readStat(child);
    QVERIFY(stat);
    QVERIFY(stat->state != 'Z');
    QCOMPARE(stat->parent, ::getpid());
    QCOMPARE(m_controller->process(child)->parent, ::getpid());
    QVERIFY(m_controller->process(child)->adopted);
    // Now ours: signalled and reaped like any lab process.
    QVERIFY(m_controller->sendSignal(child, SIGTERM));
    QTRY_VERIFY(hasEvent(u"process.reap"_s, u"pid"_s, child));
}

void tst_LabController::signalAfterReapReachesNobody()
{
    const std::optional<pid_t> pid = m_controller->spawnWorker(WorkerLaunch());
    QVERIFY(pid);
    QVERIFY(m_controller->sendSignal(*pid, SIGKILL));
    QTRY_VERIFY(hasEvent(u"process.reap"_s, u"pid"_s, *pid));
    const qsizetype sent = eventsOf(u"signal.sent"_s).size();
    QVERIFY(!m_controller->sendSignal(*pid, SIGTERM));
    QCOMPARE(eventsOf(u"signal.sent"_s).size(), sent);
    QCOMPARE(eventsOf(u"error"_s).last().fields.value(u"errno_name"_s).toString(), u"ESRCH"_s);
    // Signals that are not in the lab's list are refused for live processes too.
    const std::optional<pid_t> live = m_controller->spawnWorker(WorkerLaunch());
    QVERIFY(live);
    QVERIFY(!m_controller->sendSignal(*live, SIGUSR1));
}

void tst_LabController::capsGiveClearErrors()
{
    LabLimits limits;
    limits.maxProcesses = 3;
    limits.maxThreads = 2;
    m_controller->setLimits(limits);
    QList<pid_t> pids;
    for (int i = 0; i < 3; ++i) {
        const std::optional<pid_t> pid = m_controller->spawnWorker(WorkerLaunch());
        QVERIFY(pid);
        pids.append(*pid);
    }
    const int fds = fdCount();
    QVERIFY(!m_controller->spawnWorker(WorkerLaunch()));
    QVERIFY(m_controller->lastError().contains(u"cap of 3"_s));
    QCOMPARE(eventsOf(u"error"_s).size(), 1);
    QCOMPARE(m_controller->processCount(), 3);
    QCOMPARE(ChildScanner::children().size(), 3);
    QCOMPARE(fdCount(), fds);

    QVERIFY(m_controller->addThread(pids[0], threadOf(u"sleeper"_s)));
    QVERIFY(m_controller->addThread(pids[1], threadOf(u"sleeper"_s)));
    QVERIFY(!m_controller->addThread(pids[2], threadOf(u"sleeper"_s)));
    QVERIFY(m_controller->lastError().contains(u"cap of 2"_s));
    QTRY_COMPARE(eventsOf(u"thread.start"_s).size(), 2);

    // The session goes on: one process ends, the next spawn works.
    QVERIFY(m_controller->sendSignal(pids[2], SIGKILL));
    QTRY_VERIFY(hasEvent(u"process.reap"_s, u"pid"_s, pids[2]));
    QVERIFY(m_controller->spawnWorker(WorkerLaunch()));
    // A thread role the worker does not know is refused by the worker, as an error event.
    limits.maxThreads = 10;
    m_controller->setLimits(limits);
    QVERIFY(m_controller->addThread(pids[0], threadOf(u"producer"_s)));
    QTRY_COMPARE(eventsOf(u"error"_s).size(), 3);
    QVERIFY(eventsOf(u"error"_s).last().fields.value(u"message"_s).toString().contains(u"producer"_s));
}

void tst_LabController::forkBurstKeepsTheProcessCap()
{
    // The orphan experiment's shape: parents asked for many children at once. Until the workers answer, the
    // children are not lab processes yet, but they count: the cap must hold for the whole burst.
    LabLimits limits;
    limits.maxProcesses = 6;
    m_controller->setLimits(limits);
    const std::optional<pid_t> first = m_controller->spawnWorker(WorkerLaunch());
    const std::optional<pid_t> second = m_controller->spawnWorker(WorkerLaunch());
    QVERIFY(first && second);
    int asked = 0;
    for (int i = 0; i < 8; ++i) {
        for (const pid_t parent : {*first, *second})
            asked += m_controller->forkChild(parent, u"sleeper"_s) ? 1 : 0;
    }
    QCOMPARE(asked, 4);
    QCOMPARE(m_controller->pendingForkCount() + m_controller->processCount(), 6);
    QVERIFY(m_controller->lastError().contains(u"cap of 6"_s));
    QVERIFY(!m_controller->spawnWorker(WorkerLaunch())); // a spawn counts the pending forks too
    QTRY_COMPARE(eventsOf(u"process.spawn"_s).size(), 6);
    QCOMPARE(m_controller->pendingForkCount(), 0);
    QCOMPARE(m_controller->processCount(), 6);
    QTest::qWait(200);
    QCOMPARE(ChildScanner::children().size(), 2); // the supervisor's own children: the two parents
    QCOMPARE(m_controller->processCount(), 6);
    // End the children while their parents live, so the parents reap them: a forked child that outlives its
    // parent by a moment in stopAll() is adopted as a zombie, and that path is not what this test is about.
    QList<pid_t> children;
    for (const SessionEvent &spawn : eventsOf(u"process.spawn"_s)) {
        if (spawn.fields.value(u"ppid"_s).toInt() != ::getpid())
            children << pid_t(spawn.fields.value(u"pid"_s).toInt());
    }
    QCOMPARE(children.size(), 4);
    for (const pid_t child : std::as_const(children))
        QVERIFY(m_controller->sendSignal(child, SIGKILL));
    QTRY_COMPARE_WITH_TIMEOUT(m_controller->processCount(), 2, 5000);
}

void tst_LabController::detachedHelperIsReapedNeverSignalled()
{
    // What QDesktopServices::openUrl does with xdg-open: a detached program whose parent is gone at once.
    qint64 helper = 0;
    QVERIFY(QProcess::startDetached(u"/bin/sleep"_s, {u"0.4"_s}, QString(), &helper));
    QTRY_VERIFY_WITH_TIMEOUT(m_controller->foreignAdoptees().contains(pid_t(helper)), 1000);
    QCOMPARE(m_controller->processCount(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!m_controller->foreignAdoptees().contains(pid_t(helper)), 3000);
    QVERIFY(!ChildScanner::readStat(pid_t(helper)));
    QVERIFY(eventsOf(u"signal.sent"_s).isEmpty());
    QVERIFY(!m_controller->sendSignal(pid_t(helper), SIGTERM));
}

void tst_LabController::stopAllEndsStoppedAndZombieProcesses()
{
    LabLimits limits;
    limits.stopGraceMs = 300;
    m_controller->setLimits(limits);
    const std::optional<pid_t> stopped = m_controller->spawnWorker(WorkerLaunch());
    WorkerLaunch keep;
    keep.keepZombie = true;
    const std::optional<pid_t> zombie = m_controller->spawnWorker(keep);
    const std::optional<pid_t> busy = m_controller->spawnWorker(WorkerLaunch());
    QVERIFY(stopped && zombie && busy);
    QVERIFY(m_controller->addThread(*busy, threadOf(u"cpu"_s)));
    QTRY_COMPARE(m_controller->threadCount(), 1);
    QVERIFY(m_controller->sendSignal(*stopped, SIGSTOP));
    QTRY_COMPARE(ChildScanner::readStat(*stopped).value_or(ChildStat()).state, 'T');
    QCOMPARE(m_controller->process(*stopped)->state, LabProcessInfo::State::Stopped);
    QVERIFY(m_controller->sendSignal(*zombie, SIGKILL));
    QTRY_VERIFY(hasEvent(u"process.zombie"_s, u"pid"_s, *zombie));

    QSignalSpy allStopped(m_controller.get(), &LabController::allStopped);
    m_controller->stopAll();
    QVERIFY(allStopped.wait(3000));
    QCOMPARE(m_controller->processCount(), 0);
    for (const pid_t pid : {*stopped, *zombie, *busy}) {
        QVERIFY(hasEvent(u"process.reap"_s, u"pid"_s, pid));
        QVERIFY(!ChildScanner::readStat(pid));
    }
    // The stopped one needed SIGCONT to act on its SIGTERM; the cpu thread's exit was reported.
    QVERIFY(hasEvent(u"signal.sent"_s, u"signal"_s, SIGCONT));
    QVERIFY(!eventsOf(u"thread.exit"_s).isEmpty());
}

void tst_LabController::spawnKillCyclesLeakNothing()
{
    const QStringList shmBefore = shmEntries();
    const auto cycle = [this] {
        const std::optional<pid_t> pid = m_controller->spawnWorker(WorkerLaunch());
        if (!pid || !m_controller->sendSignal(*pid, SIGKILL))
            return false;
        return QTest::qWaitFor([&] { return hasEvent(u"process.reap"_s, u"pid"_s, *pid); }, 3000);
    };
    QVERIFY(cycle()); // warm-up: first-use allocations of Qt and of the controller
    const int fdsBefore = fdCount();
    qint64 rssAt50 = 0;
    for (int i = 1; i <= 100; ++i) {
        QVERIFY2(cycle(), QByteArray::number(i).constData());
        if (i == 50)
            rssAt50 = rssKb();
        if (i % 10 == 0)
            m_events.clear();
    }
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    const qint64 rssAt100 = rssKb();
    QCOMPARE(fdCount(), fdsBefore);
    QVERIFY2(qAbs(rssAt100 - rssAt50) <= rssAt50 / 10,
             qPrintable(u"RSS %1 kB after 50, %2 kB after 100"_s.arg(rssAt50).arg(rssAt100)));
    QCOMPARE(shmEntries(), shmBefore);
    qInfo("100 cycles: %d fds before and after; RSS %lld kB after 50, %lld kB after 100", fdsBefore, rssAt50,
          rssAt100);
}

QTEST_GUILESS_MAIN(tst_LabController)
#include "tst_labcontroller.moc"
