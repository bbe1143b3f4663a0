// Lab processes never outlive their supervisor: a SIGKILLed supervisor, a normal quit while threads are
// deadlocked, and a supervisor whose user hits RLIMIT_NPROC. The supervisor is proclab-test-supervisor (built
// from labsupervisor_main.cpp with LabController), run as a QProcess; this test process is a subreaper, so any
// lab process that escaped would come to it and be seen.
#include "SharedCopy.h"
#include "control/ChildScanner.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/prctl.h>
#include <sys/wait.h>

using namespace Qt::Literals::StringLiterals;

class tst_SupervisorLifetime : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void sigkillOfSupervisorEndsEveryLabProcess();
    void normalQuitWhileDeadlockedEndsWithinTwoSeconds();
    void loweredProcessLimitGivesClearErrorAndSessionGoesOn();

private:
    static QString supervisor() { return QStringLiteral(PROCLAB_BIN_DIR "/proclab-test-supervisor"); }
    // Reads lines until one starts with `prefix`; returns it (empty on timeout).
    static QByteArray waitForLine(QProcess &process, const QByteArray &prefix, int timeoutMs);
    static QList<pid_t> pidsOf(const QByteArray &line);
    static bool aliveNotZombie(pid_t pid);
    // Reaps any of `pids` that came to this process (a subreaper) and reports whether none is left at all.
    static bool noneLeft(const QList<pid_t> &pids);
};

void tst_SupervisorLifetime::initTestCase()
{
    QVERIFY(::prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0);
}

void tst_SupervisorLifetime::cleanup()
{
    QTRY_VERIFY_WITH_TIMEOUT(ChildScanner::children().isEmpty(), 3000);
}

QByteArray tst_SupervisorLifetime::waitForLine(QProcess &process, const QByteArray &prefix, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        while (process.canReadLine()) {
            const QByteArray line = process.readLine().trimmed();
            if (line.startsWith(prefix))
                return line;
        }
        if (process.state() == QProcess::NotRunning)
            return {};
        process.waitForReadyRead(100);
    }
    return {};
}

QList<pid_t> tst_SupervisorLifetime::pidsOf(const QByteArray &line)
{
    QList<pid_t> pids;
    const QList<QByteArray> words = line.split(' ');
    for (qsizetype i = 1; i < words.size(); ++i)
        pids.append(pid_t(words.at(i).toInt()));
    return pids;
}

bool tst_SupervisorLifetime::aliveNotZombie(pid_t pid)
{
    const std::optional<ChildStat> stat = ChildScanner::readStat(pid);
    return stat && stat->state != 'Z';
}

bool tst_SupervisorLifetime::noneLeft(const QList<pid_t> &pids)
{
    bool none = true;
    for (const pid_t pid : pids) {
        const std::optional<ChildStat> stat = ChildScanner::readStat(pid);
        if (stat && stat->parent == ::getpid() && stat->state == 'Z')
            ::waitpid(pid, nullptr, WNOHANG); // an orphan that came to us: ours to reap, by PID
        if (ChildScanner::readStat(pid))
            none = false;
    }
    return none;
}

void tst_SupervisorLifetime::sigkillOfSupervisorEndsEveryLabProcess()
{
    QProcess process;
    process.start(supervisor(), {u"--workers"_s, u"16"_s, u"--threads"_s, u"4"_s});
    const QByteArray ready = waitForLine(process, "ready", 30000);
    QVERIFY2(!ready.isEmpty(), process.readAllStandardError().constData());
    const QList<pid_t> workers = pidsOf(ready);
    QCOMPARE(workers.size(), 16);
    for (const pid_t pid : workers) {
        QVERIFY(aliveNotZombie(pid));
        QCOMPARE(ChildScanner::readStat(pid)->parent, pid_t(process.processId()));
    }

    process.kill(); // SIGKILL: no destructor, no cleanup of any kind in the supervisor
    QElapsedTimer sinceKill;
    sinceKill.start();
    QVERIFY(process.waitForFinished(5000));
    // Zombies waiting for a reaper do not count: they are gone, only not yet collected.
    QTRY_VERIFY_WITH_TIMEOUT(std::none_of(workers.begin(), workers.end(), aliveNotZombie), 1000);
    const qint64 allGone = sinceKill.elapsed();
    QVERIFY2(allGone <= 1500, QByteArray::number(allGone).constData());
    qInfo("16 workers x 4 threads: none alive %lld ms after the supervisor's SIGKILL", allGone);
    QTRY_VERIFY_WITH_TIMEOUT(noneLeft(workers), 3000);
}

void tst_SupervisorLifetime::normalQuitWhileDeadlockedEndsWithinTwoSeconds()
{
    QProcess process;
    process.start(supervisor(), {u"--workers"_s, u"2"_s, u"--deadlock"_s});
    const QByteArray ready = waitForLine(process, "ready", 20000);
    QVERIFY2(!ready.isEmpty(), process.readAllStandardError().constData());
    const QList<pid_t> workers = pidsOf(ready);
    QVERIFY(!waitForLine(process, "deadlocked", 10000).isEmpty());

    QElapsedTimer quitting;
    quitting.start();
    process.write("quit\n");
    QVERIFY(process.waitForFinished(2000));
    QVERIFY2(quitting.elapsed() < 2000, QByteArray::number(quitting.elapsed()).constData());
    qInfo("supervisor with deadlocked threads quit in %lld ms", quitting.elapsed());
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    QVERIFY(process.readAllStandardOutput().contains("stopped"));
    // The supervisor reaped them itself: nothing running, no zombie, nothing re-parented to us.
    for (const pid_t pid : workers)
        QVERIFY(!ChildScanner::readStat(pid));
}

void tst_SupervisorLifetime::loweredProcessLimitGivesClearErrorAndSessionGoesOn()
{
    // As root the supervisor becomes nobody, who cannot reach a build tree in a private home folder: it runs a copy
    // of the worker that every user may run.
    QTemporaryDir shared;
    QString error;
    const QString folder = sharedCopy({QStringLiteral(PROCLAB_BIN_DIR "/proclab-worker")}, shared, &error);
    QVERIFY2(!folder.isEmpty(), qPrintable(error));
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"PROCLAB_WORKER"_s, folder + u"/proclab-worker"_s);
    process.setProcessEnvironment(environment);
    process.start(supervisor(), {u"--nproc-room"_s, u"3"_s, u"--attempts"_s, u"5"_s});
    QVERIFY(process.waitForFinished(20000));
    const QByteArray out = process.readAllStandardOutput();
    QVERIFY2(process.exitCode() == 0, out.constData());
    const QList<QByteArray> lines = out.trimmed().split('\n');
    int spawned = 0;
    int refused = 0;
    QList<pid_t> pids;
    for (const QByteArray &line : lines) {
        if (line.startsWith("spawned ")) {
            ++spawned;
            pids.append(pidsOf(line));
        }
        if (line == "error EAGAIN")
            ++refused;
    }
    QVERIFY2(spawned >= 1 && refused >= 1 && spawned + refused == 5, out.constData());
    // Nothing half-started: the controller holds exactly the processes that were reported started.
    QVERIFY2(lines.contains("processes " + QByteArray::number(spawned)), out.constData());
    QVERIFY2(lines.contains("thread-error EAGAIN"), out.constData());
    QVERIFY2(std::any_of(lines.begin(), lines.end(), [](const QByteArray &l) { return l.startsWith("respawned "); }),
             out.constData());
    for (const pid_t pid : pids)
        QVERIFY(!ChildScanner::readStat(pid));
}

QTEST_GUILESS_MAIN(tst_SupervisorLifetime)
#include "tst_supervisorlifetime.moc"
