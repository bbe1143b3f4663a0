// ProgramRun on real Python programs (tests/fixtures/python): the tree is followed, roles are learnt, states and
// reasons are recorded, exit statuses are read — and after each test nothing of the program is left.
#include "control/ChildScanner.h"
#include "experiments/ProgramRun.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUuid>

#include <csignal>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

class tst_ProgramRun : public QObject
{
    Q_OBJECT

private:
    // Runs the command to its end; false when it had not ended after timeoutMs (then it was stopped).
    bool runToEnd(const QStringList &command, int timeoutMs, int *status, QList<SessionEvent> *events = nullptr);
    QString fixture(const QString &name) const;
    static QList<SessionEvent> ofKind(const QList<SessionEvent> &events, const QString &kind);
    static QSet<qint64> pidsWithRole(const QList<SessionEvent> &events, const QString &role);
    // Processes other than this test that carry m_token in their environment: what the program left behind.
    QList<int> leftovers() const;

    QString m_python;
    QByteArray m_token;

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void poolWorkersNamedAndReady_data();
    void poolWorkersNamedAndReady();
    void terminatedReaderIsZombieThenSigterm_data();
    void terminatedReaderIsZombieThenSigterm();
    void managerServerNamed_data();
    void managerServerNamed();
    void threadBlockedOnLock();
    void exitStatusLikeShell_data();
    void exitStatusLikeShell();
    void outputRecordedAsLines();
    void stopEndsWholeTree();
    void attachWatchesReadOnly();
    void attachRefusesBadPids();
};

QString tst_ProgramRun::fixture(const QString &name) const
{
    return QStringLiteral(PROCLAB_FIXTURES_DIR) + u"/python/"_s + name;
}

QList<SessionEvent> tst_ProgramRun::ofKind(const QList<SessionEvent> &events, const QString &kind)
{
    QList<SessionEvent> found;
    for (const SessionEvent &event : events) {
        if (event.kind == kind)
            found << event;
    }
    return found;
}

QSet<qint64> tst_ProgramRun::pidsWithRole(const QList<SessionEvent> &events, const QString &role)
{
    QSet<qint64> pids;
    for (const SessionEvent &event : events) {
        if ((event.kind == u"process.spawn"_s || event.kind == u"process.role"_s)
            && event.fields.value(u"role"_s).toString() == role)
            pids.insert(event.fields.value(u"pid"_s).toInteger());
    }
    return pids;
}

QList<int> tst_ProgramRun::leftovers() const
{
    QList<int> found;
    const QByteArray needle = "PROCLAB_TEST_TOKEN=" + m_token;
    for (const QString &entry : QDir(u"/proc"_s).entryList(QDir::Dirs)) {
        bool ok = false;
        const int pid = entry.toInt(&ok);
        if (!ok || pid == ::getpid())
            continue;
        QFile environ(u"/proc/"_s + entry + u"/environ"_s);
        if (environ.open(QIODevice::ReadOnly) && environ.readAll().split('\0').contains(needle))
            found << pid;
    }
    return found;
}

// timeoutMs is how long a hang may take to be called one: a multiprocessing program with the spawn start method
// starts an interpreter per worker, which on a loaded 2-core machine took over 20 s where it takes 3 s alone.
bool tst_ProgramRun::runToEnd(const QStringList &command, int timeoutMs, int *status, QList<SessionEvent> *events)
{
    ProgramRun::Options options;
    options.record = false;
    ProgramRun run(command, options);
    QSignalSpy finished(&run, &ProgramRun::finished);
    bool ended = true;
    if (run.start() && !finished.wait(timeoutMs)) {
        ended = false;
        run.stopAndWait();
    }
    *status = run.exitStatus();
    if (events)
        *events = run.events();
    return ended;
}

void tst_ProgramRun::initTestCase()
{
    m_python = QStandardPaths::findExecutable(u"python3"_s);
    if (m_python.isEmpty())
        QSKIP("python3 is not installed: the exec tests need a real Python");
    // Every process of the program inherits it: how cleanup() finds what was left.
    m_token = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    qputenv("PROCLAB_TEST_TOKEN", m_token);
}

void tst_ProgramRun::cleanup()
{
    // Ours: no child and no zombie of this process; theirs: no process of any program still alive.
    QTRY_VERIFY_WITH_TIMEOUT(ChildScanner::children().isEmpty(), 3000);
    QTRY_COMPARE_WITH_TIMEOUT(leftovers(), QList<int>(), 3000);
}

void tst_ProgramRun::poolWorkersNamedAndReady_data()
{
    QTest::addColumn<QString>("method");
    QTest::newRow("default (fork)") << u"default"_s;
    QTest::newRow("spawn") << u"spawn"_s;
}

void tst_ProgramRun::poolWorkersNamedAndReady()
{
    QFETCH(QString, method);
    int status = -1;
    QList<SessionEvent> events;
    QVERIFY(runToEnd({m_python, fixture(u"pool_cpu.py"_s), method}, 60000, &status, &events));
    QCOMPARE(status, 0);
    const QSet<qint64> workers = pidsWithRole(events, u"pool worker"_s);
    QCOMPARE(workers.size(), 5);
    if (method == u"spawn"_s)
        QCOMPARE(pidsWithRole(events, u"resource tracker"_s).size(), 1);
    // Five busy workers on fewer cores: some must have waited in the run queue. On a machine with ≥ 5 free
    // cores there is nothing to wait for.
    if (QThread::idealThreadCount() >= 5)
        return;
    double maxReady = 0;
    int readySamples = 0;
    for (const SessionEvent &sample : ofKind(events, u"task.sample"_s)) {
        if (!workers.contains(sample.fields.value(u"pid"_s).toInteger()))
            continue;
        maxReady = std::max(maxReady, sample.fields.value(u"ready"_s).toDouble());
        readySamples += sample.fields.value(u"state"_s).toString() == u"ready"_s;
    }
    QVERIFY2(maxReady > 0.2, qPrintable(u"largest ready share of a worker: %1"_s.arg(maxReady)));
    QVERIFY2(readySamples > 0, "no worker sample was in the ready state");
}

void tst_ProgramRun::terminatedReaderIsZombieThenSigterm_data()
{
    poolWorkersNamedAndReady_data();
}

void tst_ProgramRun::terminatedReaderIsZombieThenSigterm()
{
    QFETCH(QString, method);
    int status = -1;
    QList<SessionEvent> events;
    QVERIFY(runToEnd({m_python, fixture(u"queue_terminate.py"_s), method}, 60000, &status, &events));
    QCOMPARE(status, 0);
    // The reader: the line "terminated PID" names it.
    qint64 reader = 0;
    for (const SessionEvent &line : ofKind(events, u"output"_s)) {
        const QString text = line.fields.value(u"line"_s).toString();
        if (text.startsWith(u"terminated "_s))
            reader = text.mid(11).toLongLong();
    }
    QVERIFY2(reader > 0, "the program did not print the reader's PID");
    bool blockedWithReason = false;
    for (const SessionEvent &sample : ofKind(events, u"task.sample"_s)) {
        if (sample.fields.value(u"tid"_s).toInteger() == reader && sample.fields.value(u"state"_s).toString() == u"blocked"_s
            && !sample.fields.value(u"reason"_s).toString().isEmpty())
            blockedWithReason = true;
    }
    QVERIFY2(blockedWithReason, "the reader was never seen blocked with a reason");
    bool zombie = false;
    for (const SessionEvent &event : ofKind(events, u"process.zombie"_s))
        zombie = zombie || event.fields.value(u"pid"_s).toInteger() == reader;
    QVERIFY2(zombie, "the terminated reader was not seen as a zombie");
    bool sigterm = false;
    for (const SessionEvent &event : ofKind(events, u"process.exit"_s)) {
        if (event.fields.value(u"pid"_s).toInteger() == reader)
            sigterm = event.fields.value(u"signal"_s).toInt() == SIGTERM;
    }
    QVERIFY2(sigterm, "the reader's exit by SIGTERM was not recorded");
}

void tst_ProgramRun::managerServerNamed_data()
{
    poolWorkersNamedAndReady_data();
}

void tst_ProgramRun::managerServerNamed()
{
    QFETCH(QString, method);
    int status = -1;
    QList<SessionEvent> events;
    QVERIFY(runToEnd({m_python, fixture(u"manager_dict.py"_s), method}, 60000, &status, &events));
    QCOMPARE(status, 0);
    QVERIFY2(ofKind(events, u"process.spawn"_s).size() >= 12,
             qPrintable(u"%1 processes seen"_s.arg(ofKind(events, u"process.spawn"_s).size())));
    QCOMPARE(pidsWithRole(events, u"manager"_s).size(), 1);
    bool entries = false;
    for (const SessionEvent &line : ofKind(events, u"output"_s))
        entries = entries || line.fields.value(u"line"_s).toString() == u"entries 10"_s;
    QVERIFY(entries);
}

void tst_ProgramRun::threadBlockedOnLock()
{
    int status = -1;
    QList<SessionEvent> events;
    QVERIFY(runToEnd({m_python, fixture(u"lock_threads.py"_s)}, 10000, &status, &events));
    QCOMPARE(status, 0);
    QCOMPARE(ofKind(events, u"thread.start"_s).size(), 2);
    bool onFutex = false;
    for (const SessionEvent &sample : ofKind(events, u"task.sample"_s)) {
        if (sample.fields.value(u"tid"_s) != sample.fields.value(u"pid"_s)
            && sample.fields.value(u"reason"_s).toString().contains(u"futex"_s))
            onFutex = true;
    }
    QVERIFY2(onFutex, "no thread was seen blocked on the lock's futex");
}

void tst_ProgramRun::exitStatusLikeShell_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("expected");
    QTest::newRow("0") << QStringList{u"0"_s} << 0;
    QTest::newRow("3") << QStringList{u"3"_s} << 3;
    QTest::newRow("SIGTERM") << QStringList{u"TERM"_s} << 128 + SIGTERM;
}

void tst_ProgramRun::exitStatusLikeShell()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, expected);
    int status = -1;
    QVERIFY(runToEnd(QStringList{m_python, fixture(u"exit_with.py"_s)} + arguments, 10000, &status));
    QCOMPARE(status, expected);

    QVERIFY(runToEnd({u"proclab-no-such-program-%1"_s.arg(QString::fromLatin1(m_token))}, 5000, &status));
    QCOMPARE(status, 127);
    QTemporaryDir dir;
    QFile script(dir.filePath(u"not-executable"_s));
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write("#!/bin/sh\nexit 0\n");
    script.close();
    QVERIFY(runToEnd({script.fileName()}, 5000, &status));
    QCOMPARE(status, 126);
}

void tst_ProgramRun::outputRecordedAsLines()
{
    ProgramRun::Options options;
    options.record = false;
    options.nullStdin = true; // how the window runs a program: reading stdin gives end of file at once
    ProgramRun run({m_python, u"-c"_s, u"import sys\nprint('exiting with', repr(sys.stdin.read()))\n"
                                      u"print('to stderr', file=sys.stderr)\n"_s}, options);
    QSignalSpy finished(&run, &ProgramRun::finished);
    QSignalSpy output(&run, &ProgramRun::output);
    QVERIFY(run.start());
    QVERIFY(finished.wait(10000));
    QStringList lines;
    for (const SessionEvent &line : ofKind(run.events(), u"output"_s)) {
        lines << line.fields.value(u"stream"_s).toString() + u':' + line.fields.value(u"line"_s).toString();
        QCOMPARE(line.fields.value(u"pid"_s).toInteger(), qint64(run.programPid()));
    }
    lines.sort();
    QCOMPARE(lines, (QStringList{u"stderr:to stderr"_s, u"stdout:exiting with ''"_s}));
    QVERIFY(output.size() >= 2);
}

void tst_ProgramRun::stopEndsWholeTree()
{
    // A program that would run for a minute, with a child of its own that ignores SIGTERM: stop() ends both.
    const QString script = u"import os, signal, time\n"
                           u"if os.fork() == 0:\n"
                           u"    signal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
                           u"    print('ignoring SIGTERM', flush=True)\n"
                           u"    time.sleep(60)\n"
                           u"    os._exit(0)\n"
                           u"time.sleep(60)\n"_s;
    ProgramRun::Options options;
    options.record = false;
    options.stopGraceMs = 300;
    ProgramRun run({m_python, u"-c"_s, script}, options);
    QSignalSpy finished(&run, &ProgramRun::finished);
    QVERIFY(run.start());
    QTRY_COMPARE_WITH_TIMEOUT(run.treePids().size(), 2, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!ofKind(run.events(), u"output"_s).isEmpty(), 5000); // its handler is in place
    run.stop();
    QVERIFY(finished.wait(5000));
    QCOMPARE(run.exitStatus(), 128 + SIGTERM);
    bool childKilled = false;
    for (const SessionEvent &event : ofKind(run.events(), u"process.exit"_s)) {
        if (event.fields.value(u"pid"_s).toInteger() != run.programPid())
            childKilled = event.fields.value(u"signal"_s).toInt() == SIGKILL;
    }
    QVERIFY(childKilled);
}

void tst_ProgramRun::attachWatchesReadOnly()
{
    // A process this test starts (QProcess keeps it as its child): attach follows it and its child, signals
    // nothing, does not steal its exit status from QProcess, and stopping only detaches.
    QProcess program;
    program.start(m_python, {u"-c"_s, u"import os, sys, time\n"
                                       u"pid = os.fork()\n"
                                       u"if pid == 0:\n"
                                       u"    time.sleep(0.6)\n"
                                       u"    os._exit(5)\n"
                                       u"print('forked', flush=True)\n"
                                       u"os.waitpid(pid, 0)\n"
                                       u"sys.stdin.read()\n"_s});
    QVERIFY(program.waitForStarted());
    QVERIFY(program.waitForReadyRead(5000));
    ProgramRun::Options options;
    options.record = false;
    ProgramRun run(pid_t(program.processId()), options);
    QVERIFY2(run.start(), qPrintable(run.errorString()));
    QVERIFY(run.isAttached());
    // The forked child is found and its exit seen; the attached process itself goes on.
    QTRY_VERIFY_WITH_TIMEOUT(run.treePids().size() == 1 && !ofKind(run.events(), u"process.exit"_s).isEmpty(), 5000);
    QCOMPARE(ofKind(run.events(), u"process.spawn"_s).size(), 2);
    QCOMPARE(ofKind(run.events(), u"process.spawn"_s).first().fields.value(u"role"_s).toString(), u"attached"_s);
    QSignalSpy finished(&run, &ProgramRun::finished);
    run.stop();
    QCOMPARE(finished.size(), 1);
    QVERIFY(ofKind(run.events(), u"signal.sent"_s).isEmpty());
    QCOMPARE(program.state(), QProcess::Running);
    program.closeWriteChannel();
    QVERIFY(program.waitForFinished(5000));
    QCOMPARE(program.exitCode(), 0);
}

void tst_ProgramRun::attachRefusesBadPids()
{
    ProgramRun::Options options;
    options.record = false;
    ProgramRun self(::getpid(), options);
    QVERIFY(!self.start());
    QVERIFY(!self.errorString().isEmpty());
    // PID 1 belongs to root; when the tests run as root, any PID is the user's own, so only the message differs.
    if (::geteuid() != 0) {
        ProgramRun other(1, options);
        QVERIFY(!other.start());
        QVERIFY(other.errorString().contains(u"another user"_s));
    }
    ProgramRun none(0x3fffffff, options);
    QVERIFY(!none.start());
    QVERIFY(none.errorString().contains(u"no process"_s));
}

QTEST_GUILESS_MAIN(tst_ProgramRun)
#include "tst_programrun.moc"
