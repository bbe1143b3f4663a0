// The GIL read from outside, on Debian's /usr/bin/python3.11 running programs of known behaviour: who holds it
// (checked against threading.get_native_id() printed by the program), shares that add up to one for pure-Python
// threads and stay low for threads in C code that releases it, "waiting for the GIL" for the thread that waits,
// and a refusal for versions whose layout ProcLab does not know.
#include "probe/TaskSampler.h"
#include "python/GilSampler.h"
#include "python/GilWaitNamer.h"
#include "python/InterpreterLocator.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QTest>

#include <time.h>

using namespace Qt::Literals::StringLiterals;

namespace {
const QString Python = u"/usr/bin/python3.11"_s;

QString fixture(const QString &name)
{
    return QStringLiteral(PROCLAB_FIXTURES_DIR) + u"/python/"_s + name;
}

// CPU time of one thread so far (schedstat's first field), in ns; -1 when gone.
qint64 cpuNs(int pid, int tid)
{
    QFile file(u"/proc/%1/task/%2/schedstat"_s.arg(pid).arg(tid));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    return file.readAll().split(' ').value(0).toLongLong();
}
} // namespace

class tst_GilSampler : public QObject
{
    Q_OBJECT

private:
    // Starts python3.11 with a fixture and waits until its GIL is readable (the interpreter mapped and started).
    // The process is this test's until cleanup() (which ends it if it still runs).
    QProcess *startPython(const QStringList &arguments, GilTarget *target);
    QProcess *startProcess(const QString &program, const QStringList &arguments);
    // The "WORD TID" lines the program printed so far.
    static QList<int> tidsPrinted(const QByteArray &output, const QByteArray &word);

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void holderIsTheThreadThatSaysSo();
    void cpuThreadsShareOneGil();
    void waiterIsWaitingForTheGil();
    void releasingThreadsHoldLittle();
    void unknownVersionIsRefused_data();
    void unknownVersionIsRefused();
    void notPythonIsNotPython();
    void wrongLayoutIsNotRead();
    void otherInterpreters_data();
    void otherInterpreters();

private:
    QList<QProcess *> m_started;
};

QProcess *tst_GilSampler::startProcess(const QString &program, const QStringList &arguments)
{
    auto *process = new QProcess;
    m_started << process;
    process->start(program, arguments);
    return process->waitForStarted(5000) ? process : nullptr;
}

QProcess *tst_GilSampler::startPython(const QStringList &arguments, GilTarget *target)
{
    QProcess *process = startProcess(Python, arguments);
    if (!process)
        return nullptr;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 10000) {
        *target = InterpreterLocator::locate(int(process->processId()));
        if (target->status == GilTarget::Status::Readable) {
            GilProbe probe(*target);
            if (probe.read().result == GilProbe::Reading::Result::Ok)
                return process;
        }
        QTest::qWait(5);
    }
    return nullptr;
}

QList<int> tst_GilSampler::tidsPrinted(const QByteArray &output, const QByteArray &word)
{
    QList<int> tids;
    for (const QByteArray &line : output.split('\n')) {
        const QList<QByteArray> parts = line.trimmed().split(' ');
        if (parts.size() == 2 && parts[0] == word)
            tids << parts[1].toInt();
    }
    return tids;
}

void tst_GilSampler::initTestCase()
{
    if (!QFileInfo(Python).isExecutable())
        QSKIP("/usr/bin/python3.11 is not installed (Debian's python3.11)");
}

void tst_GilSampler::cleanup()
{
    for (QProcess *process : std::as_const(m_started)) {
        if (process->state() != QProcess::NotRunning) {
            process->kill();
            process->waitForFinished(5000);
        }
        delete process;
    }
    m_started.clear();
}

void tst_GilSampler::holderIsTheThreadThatSaysSo()
{
    GilTarget target;
    QProcess *const process = startPython({fixture(u"gil_native_id.py"_s), u"0.4"_s}, &target);
    QVERIFY2(process, qPrintable(target.message));
    QCOMPARE(target.image.version(), u"3.11"_s);
    GilProbe probe(target);
    QHash<int, int> heldBy;
    int reads = 0;
    while (process->state() == QProcess::Running) {
        const GilProbe::Reading reading = probe.read();
        if (reading.result == GilProbe::Reading::Result::Ok) {
            ++reads;
            if (reading.locked)
                ++heldBy[reading.holderTid];
        }
        const timespec pause{0, 2000000};
        nanosleep(&pause, nullptr);
        process->waitForFinished(0);
    }
    QCOMPARE(process->exitStatus(), QProcess::NormalExit);
    const QByteArray output = process->readAllStandardOutput();
    const QList<int> holders = tidsPrinted(output, "holder");
    QCOMPARE(holders.size(), 3);
    QVERIFY2(reads > 50, qPrintable(u"%1 reads"_s.arg(reads)));
    int others = 0;
    int held = 0;
    for (auto it = heldBy.constBegin(); it != heldBy.constEnd(); ++it) {
        held += it.value();
        if (!holders.contains(it.key()))
            others += it.value();
    }
    // Each thread held the GIL through its own phase (a third of the run); the main thread only between phases.
    for (int tid : holders)
        QVERIFY2(heldBy.value(tid) > reads / 8,
                 qPrintable(u"holder %1 seen in %2 of %3 reads"_s.arg(tid).arg(heldBy.value(tid)).arg(reads)));
    QVERIFY2(others * 5 < held, qPrintable(u"%1 of %2 held reads name another thread"_s.arg(others).arg(held)));
}

void tst_GilSampler::cpuThreadsShareOneGil()
{
    GilTarget target;
    QProcess *const process = startPython({fixture(u"gil_cpu_threads.py"_s), u"1.5"_s}, &target);
    QVERIFY2(process, qPrintable(target.message));
    const int pid = int(process->processId());
    GilSampler sampler;
    sampler.setPids({pid});
    sampler.start();
    QVERIFY(process->waitForFinished(15000));
    sampler.stop();
    const QList<int> spinners = tidsPrinted(process->readAllStandardOutput(), "thread");
    QCOMPARE(spinners.size(), 2);
    const GilTally tally = sampler.totals().value(pid);
    QVERIFY2(tally.reads > 100, qPrintable(u"%1 reads"_s.arg(tally.reads)));
    const double a = tally.shareOf(spinners[0]);
    const double b = tally.shareOf(spinners[1]);
    // The spinners hold the GIL nearly always between them (it stays held while its holder waits for a core),
    // and each gets its turns.
    QVERIFY2(a + b > 0.8 && a + b <= 1.0, qPrintable(u"shares %1 + %2"_s.arg(a).arg(b)));
    QVERIFY2(a > 0.15 && b > 0.15, qPrintable(u"shares %1, %2"_s.arg(a).arg(b)));
    // CPython's own count of hand-overs moved, and at least as often as the reads saw it change hands.
    QVERIFY(tally.switchesKnown);
    QVERIFY2(tally.switches >= tally.holderChanges && tally.holderChanges > 0,
             qPrintable(u"switches %1, seen %2"_s.arg(tally.switches).arg(tally.holderChanges)));
}

void tst_GilSampler::waiterIsWaitingForTheGil()
{
    GilTarget target;
    QProcess *const process = startPython({fixture(u"gil_cpu_threads.py"_s), u"3"_s}, &target);
    QVERIFY2(process, qPrintable(target.message));
    const int pid = int(process->processId());
    GilSampler gil;
    gil.setPids({pid});
    gil.start();
    TaskSampler sampler;
    sampler.setFutexNamer(gil.waitNamer());
    sampler.setWatchedPids({pid});
    // Once both spinners run, the main thread waits in join() on a lock of its own (before that it may wait for
    // the GIL too, to come back from starting a thread).
    QList<int> spinners;
    QElapsedTimer clock;
    clock.start();
    while (spinners.size() < 2 && clock.elapsed() < 5000) {
        process->waitForReadyRead(100);
        spinners += tidsPrinted(process->readAllStandardOutput(), "thread");
    }
    QCOMPARE(spinners.size(), 2);
    QTest::qWait(100);
    int gilWaits = 0;
    int mainGilWaits = 0;
    int mainBlocked = 0;
    int ticks = 0;
    for (; ticks < 150 && process->state() == QProcess::Running && (gilWaits < 5 || ticks < 20); ++ticks) {
        const SnapshotPtr snapshot = sampler.sample();
        for (const TaskSample &task : snapshot->tasks) {
            if (task.state != TaskState::Blocked)
                continue;
            const bool gilWait = task.reason == GilWaitNamer::waitingForTheGil();
            if (task.tid == pid) {
                ++mainBlocked;
                mainGilWaits += gilWait ? 1 : 0;
            } else if (gilWait && spinners.contains(task.tid)) {
                ++gilWaits;
            }
        }
        QTest::qWait(20);
    }
    gil.stop();
    QVERIFY2(gilWaits >= 5, qPrintable(u"%1 GIL waits in %2 ticks"_s.arg(gilWaits).arg(ticks)));
    // The main thread waits in join() on a lock of its own, not on the GIL: the GIL's range is not too wide.
    QVERIFY(mainBlocked > 0);
    QCOMPARE(mainGilWaits, 0);
}

void tst_GilSampler::releasingThreadsHoldLittle()
{
    GilTarget target;
    QProcess *const process = startPython({fixture(u"gil_releasing_threads.py"_s), u"2"_s}, &target);
    QVERIFY2(process, qPrintable(target.message));
    const int pid = int(process->processId());
    GilSampler sampler;
    sampler.setPids({pid});
    sampler.start();
    QList<int> hashers;
    QList<int> sleepers;
    QElapsedTimer clock;
    clock.start();
    while ((hashers.size() < 2 || sleepers.isEmpty()) && clock.elapsed() < 5000) {
        process->waitForReadyRead(100);
        const QByteArray output = process->readAllStandardOutput();
        hashers += tidsPrinted(output, "hash");
        sleepers += tidsPrinted(output, "sleep");
    }
    QCOMPARE(hashers.size(), 2);
    QCOMPARE(sleepers.size(), 1);
    // Over a window: the hashers' CPU time against the time they held the GIL.
    sampler.takeInterval();
    const qint64 cpuBefore = cpuNs(pid, hashers[0]) + cpuNs(pid, hashers[1]);
    const quint64 roundsBefore = sampler.rounds();
    QTest::qWait(1000);
    const GilTally tally = sampler.takeInterval().value(pid);
    const qint64 cpuAfter = cpuNs(pid, hashers[0]) + cpuNs(pid, hashers[1]);
    const quint64 rounds = sampler.rounds() - roundsBefore;
    QVERIFY(process->waitForFinished(15000));
    QVERIFY2(tally.reads > 50, qPrintable(u"%1 reads"_s.arg(tally.reads)));
    const double hashGil = tally.shareOf(hashers[0]) + tally.shareOf(hashers[1]);
    const double sleepGil = tally.shareOf(sleepers[0]);
    QVERIFY2(hashGil < 0.3, qPrintable(u"hashers held the GIL %1 of the time"_s.arg(hashGil)));
    QVERIFY2(sleepGil < 0.05, qPrintable(u"sleeper held the GIL %1 of the time"_s.arg(sleepGil)));
    // Seconds the hashers ran against seconds they held the GIL, both measured over the same rounds: hashing
    // happens without the GIL (on two cores at once where the machine has them free).
    const double periodS = 1.0 / sampler.hz();
    const double heldS = hashGil * double(rounds) * periodS;
    const double ranS = double(cpuAfter - cpuBefore) / 1e9;
    QVERIFY2(ranS > 3 * heldS, qPrintable(u"ran %1 s, held the GIL %2 s"_s.arg(ranS).arg(heldS)));
}

void tst_GilSampler::unknownVersionIsRefused_data()
{
    QTest::addColumn<int>("minor");
    QTest::addColumn<QString>("flags");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");
    const int unsupported = int(GilTarget::Status::Unsupported);
    QTest::newRow("3.10") << 10 << QString() << unsupported << u"GIL not shown for Python 3.10"_s;
    QTest::newRow("3.8") << 8 << QString() << unsupported << u"GIL not shown for Python 3.8"_s;
    // 3.13+ must publish _Py_DebugOffsets at _PyRuntime; a 3.11 runtime under another name does not.
    QTest::newRow("3.14 without debug offsets") << 14 << QString() << unsupported << u"GIL not shown for Python 3.14"_s;
    QTest::newRow("debug build") << 11 << u"d"_s << unsupported << u"GIL not shown for Python 3.11d"_s;
    QTest::newRow("free-threaded") << 13 << u"t"_s << int(GilTarget::Status::FreeThreaded)
                                   << u"no GIL (free-threaded build)"_s;
}

void tst_GilSampler::unknownVersionIsRefused()
{
    QFETCH(int, minor);
    QFETCH(QString, flags);
    QFETCH(int, status);
    QFETCH(QString, message);
    GilTarget real;
    QProcess *const process = startPython({fixture(u"gil_cpu_threads.py"_s), u"1"_s}, &real);
    QVERIFY(process);
    PythonImage image = real.image;
    image.minor = minor;
    image.abiFlags = flags;
    const GilTarget target = InterpreterLocator::fromImage(real.pid, image, RemoteMemory(real.pid));
    QCOMPARE(int(target.status), status);
    QCOMPARE(target.message, message);
}

void tst_GilSampler::notPythonIsNotPython()
{
    QProcess *const sleeper = startProcess(u"sleep"_s, {u"5"_s});
    QVERIFY(sleeper);
    QTest::qWait(50);
    QCOMPARE(int(InterpreterLocator::locate(int(sleeper->processId())).status), int(GilTarget::Status::NotPython));
    GilSampler sampler;
    sampler.setPids({int(sleeper->processId())});
    sampler.start();
    QTest::qWait(100);
    sampler.stop();
    QVERIFY(sampler.takeFindings().isEmpty());
    QCOMPARE(sampler.totals().value(int(sleeper->processId())).reads, quint64(0));
}

void tst_GilSampler::wrongLayoutIsNotRead()
{
    // A layout whose `locked` is really another field (the switch interval, 5000 µs): the probe says so instead
    // of reporting a holder.
    GilTarget target;
    QProcess *const process = startPython({fixture(u"gil_cpu_threads.py"_s), u"1"_s}, &target);
    QVERIFY2(process, qPrintable(target.message));
    QCOMPARE(int(GilProbe(target).read().result), int(GilProbe::Reading::Result::Ok));
    target.layout.locked = 0;
    // One read of the wrong word may happen to hold 0 or 1; over a second of reads the layout must be caught.
    GilProbe wrong(target);
    bool garbled = false;
    for (int i = 0; i < 200 && !garbled; ++i) {
        garbled = wrong.read().result == GilProbe::Reading::Result::Garbled;
        QTest::qWait(5);
    }
    QVERIFY2(garbled, "a wrong layout was read as the GIL for a whole second");
}

void tst_GilSampler::otherInterpreters_data()
{
    // Opt-in: PROCLAB_TEST_PYTHONS=/path/python3.12:/path/python3.10 … — every other CPython on the machine either
    // shows its GIL truly or says it is not shown.
    QTest::addColumn<QString>("python");
    const QString list = qEnvironmentVariable("PROCLAB_TEST_PYTHONS");
    if (list.isEmpty())
        QTest::newRow("none given") << QString();
    for (const QString &python : list.split(u':', Qt::SkipEmptyParts))
        QTest::newRow(qPrintable(python)) << python;
}

void tst_GilSampler::otherInterpreters()
{
    QFETCH(QString, python);
    if (python.isEmpty())
        QSKIP("set PROCLAB_TEST_PYTHONS to a colon-separated list of other python3.X programs");
    QProcess *const process = startProcess(python, {fixture(u"gil_cpu_threads.py"_s), u"1.5"_s});
    QVERIFY(process);
    const int pid = int(process->processId());
    GilSampler sampler;
    sampler.setPids({pid});
    sampler.start();
    QVERIFY(process->waitForFinished(20000));
    sampler.stop();
    const QList<GilTarget> findings = sampler.takeFindings();
    QCOMPARE(findings.size(), 1);
    const GilTarget &found = findings.first();
    if (found.status != GilTarget::Status::Readable) {
        QVERIFY2(found.status == GilTarget::Status::Unsupported || found.status == GilTarget::Status::FreeThreaded,
                 qPrintable(found.message));
        QVERIFY2(found.message.startsWith(u"GIL not shown for Python "_s) || found.message.startsWith(u"no GIL"_s),
                 qPrintable(found.message));
        return;
    }
    const QList<int> spinners = tidsPrinted(process->readAllStandardOutput(), "thread");
    QCOMPARE(spinners.size(), 2);
    const GilTally tally = sampler.totals().value(pid);
    const double shares = tally.shareOf(spinners[0]) + tally.shareOf(spinners[1]);
    QVERIFY2(shares > 0.8 && shares <= 1.0, qPrintable(u"%1: shares %2"_s.arg(found.message).arg(shares)));
    for (auto it = tally.byTid.constBegin(); it != tally.byTid.constEnd(); ++it)
        QVERIFY2(it.key() == pid || spinners.contains(it.key()), qPrintable(u"holder %1"_s.arg(it.key())));
}

QTEST_GUILESS_MAIN(tst_GilSampler)
#include "tst_gilsampler.moc"
