// `proclab sample` and `proclab bench sampler` from the outside: output formats, and bad input that exits 2 with
// one line on stderr before anything starts. The watched child is /bin/sh exec'ing sleep, reaped in cleanup().
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

#include <signal.h>
#include <sys/prctl.h>
#include <spawn.h>
#include <sys/wait.h>

extern char **environ;

using namespace Qt::Literals::StringLiterals;

class tst_SampleCommand : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void json();
    void summary();
    void table();
    void everyProcess();
    void hostileNameIsShownEscaped();
    void lowFileLimitStillSamplesEveryThread();
    void badInput_data();
    void badInput();
    void benchSampler();

private:
    struct Result {
        int status = -1;
        QByteArray out;
        QByteArray err;
    };
    static Result run(const QStringList &arguments);
    static QString proclab() { return QStringLiteral(PROCLAB_BIN_DIR "/proclab"); }
    pid_t m_child = -1;
};

tst_SampleCommand::Result tst_SampleCommand::run(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"DISPLAY"_s);
    env.remove(u"WAYLAND_DISPLAY"_s);
    process.setProcessEnvironment(env);
    process.start(proclab(), arguments);
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
            process.readAllStandardError()};
}

void tst_SampleCommand::init()
{
    char sh[] = "/bin/sh";
    char dashC[] = "-c";
    char script[] = "exec sleep 60";
    char *argv[] = {sh, dashC, script, nullptr};
    QCOMPARE(posix_spawn(&m_child, sh, nullptr, nullptr, argv, environ), 0);
    // Until the shell has become sleep, its name and state are the shell's.
    QTRY_VERIFY(QFile(u"/proc/%1/comm"_s.arg(m_child)).open(QIODevice::ReadOnly)
                && [this] {
                       QFile comm(u"/proc/%1/comm"_s.arg(m_child));
                       return comm.open(QIODevice::ReadOnly) && comm.readAll().trimmed() == "sleep";
                   }());
}

void tst_SampleCommand::cleanup()
{
    if (m_child > 0) {
        kill(m_child, SIGKILL); // our unreaped child: its PID cannot have been reused
        QCOMPARE(waitpid(m_child, nullptr, 0), m_child);
        m_child = -1;
    }
    QCOMPARE(waitpid(-1, nullptr, WNOHANG), -1); // nothing else of ours, alive or zombie
}

void tst_SampleCommand::json()
{
    const Result r = run({u"sample"_s, u"--pid"_s, QString::number(m_child), u"--count"_s, u"3"_s, u"--interval"_s,
                          u"50"_s, u"--json"_s});
    QCOMPARE(r.status, 0);
    QVERIFY2(r.err.isEmpty(), r.err.constData());
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    double lastT = 0;
    for (const QByteArray &line : lines) {
        QJsonParseError error;
        const QJsonObject o = QJsonDocument::fromJson(line, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, line.constData());
        QVERIFY(o.value(u"t"_s).toDouble() > lastT);
        lastT = o.value(u"t"_s).toDouble();
        QVERIFY(!o.value(u"cpus"_s).toArray().isEmpty());
        const QJsonObject cpu = o.value(u"cpus"_s).toArray().at(0).toObject();
        for (const QString &key : {u"core"_s, u"busy"_s, u"user"_s, u"system"_s, u"iowait"_s, u"steal"_s})
            QVERIFY2(cpu.contains(key), qPrintable(key));
        const QJsonArray tasks = o.value(u"tasks"_s).toArray();
        QCOMPARE(tasks.size(), 1);
        const QJsonObject task = tasks.at(0).toObject();
        QCOMPARE(task.value(u"pid"_s).toInt(), int(m_child));
        QCOMPARE(task.value(u"tid"_s).toInt(), int(m_child));
        QCOMPARE(task.value(u"ppid"_s).toInt(), int(getpid()));
        QCOMPARE(task.value(u"name"_s).toString(), u"sleep"_s);
        QCOMPARE(task.value(u"stat"_s).toString(), u"S"_s);
        QCOMPARE(task.value(u"state"_s).toString(), u"blocked"_s);
        QCOMPARE(task.value(u"reason"_s).toString(), u"sleeping"_s);
        QVERIFY(task.value(u"blocked"_s).toDouble() > 0.9);
        for (const QString &key : {u"running"_s, u"ready"_s, u"core"_s, u"reason_source"_s})
            QVERIFY2(task.contains(key), qPrintable(key));
    }
}

void tst_SampleCommand::summary()
{
    const Result r = run({u"sample"_s, u"--pid"_s, QString::number(m_child), u"--count"_s, u"2"_s, u"--interval"_s,
                          u"50"_s, u"--summary"_s});
    QCOMPARE(r.status, 0);
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines[0].contains("1 tasks") && lines[0].contains("1 blocked") && lines[0].contains("cpu0"),
             lines[0].constData());
}

void tst_SampleCommand::table()
{
    const Result r = run({u"sample"_s, u"--pid"_s, QString::number(m_child), u"--count"_s, u"1"_s, u"--interval"_s,
                          u"50"_s});
    QCOMPARE(r.status, 0);
    QVERIFY(r.out.contains("PID"));
    QVERIFY(r.out.contains("sleeping"));
    QVERIFY(r.out.contains(QByteArray::number(m_child)));
}

void tst_SampleCommand::everyProcess()
{
    const Result r = run({u"sample"_s, u"--count"_s, u"1"_s, u"--interval"_s, u"100"_s, u"--json"_s});
    QCOMPARE(r.status, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QSet<int> pids;
    for (const QJsonValue &task : o.value(u"tasks"_s).toArray())
        pids.insert(task.toObject().value(u"pid"_s).toInt());
    QVERIFY(pids.contains(1));
    QVERIFY(pids.contains(int(m_child)));
}

void tst_SampleCommand::hostileNameIsShownEscaped()
{
    // Any local user may name a process so; a terminal that gets the bytes sets its title and clears itself.
    // This test process takes the name itself (prctl, as such a program would), and proclab samples it.
    char oldName[17] = {};
    QCOMPARE(::prctl(PR_GET_NAME, oldName), 0);
    const char hostile[] = "\x1b]0;PWN\x07\x1b[2J";
    QCOMPARE(::prctl(PR_SET_NAME, hostile), 0);
    const Result table = run({u"sample"_s, u"--pid"_s, QString::number(::getpid()), u"--count"_s, u"1"_s,
                              u"--interval"_s, u"50"_s});
    const Result json = run({u"sample"_s, u"--pid"_s, QString::number(::getpid()), u"--count"_s, u"1"_s,
                             u"--interval"_s, u"50"_s, u"--json"_s});
    ::prctl(PR_SET_NAME, oldName);
    QCOMPARE(table.status, 0);
    QVERIFY2(!table.out.contains('\x1b') && !table.out.contains('\x07'), table.out.constData());
    QVERIFY2(table.out.contains("\\e]0;PWN\\x07\\e[2J"), table.out.constData());
    // JSON escapes in its own way, and reads back as the name it was.
    QCOMPARE(json.status, 0);
    QVERIFY(!json.out.contains('\x1b'));
    bool found = false;
    for (const QJsonValue &task : QJsonDocument::fromJson(json.out).object().value(u"tasks"_s).toArray())
        found = found || task.toObject().value(u"name"_s).toString() == QString::fromLatin1(hostile);
    QVERIFY(found);
}

void tst_SampleCommand::lowFileLimitStillSamplesEveryThread()
{
    // ulimit -n 1024 that ProcLab cannot raise (a hard limit), and 1500 threads: two kept descriptors each would
    // need 3000. Every thread is still in every sample (it reported 509 of 1501 with exit 0 before).
    const QString helperPath = QStringLiteral(PROCLAB_BIN_DIR "/proclab-bench-threads");
    const QString prlimit = QStandardPaths::findExecutable(u"prlimit"_s);
    if (!QFileInfo(helperPath).isExecutable() || prlimit.isEmpty())
        QSKIP("needs proclab-bench-threads (tests/bench) and prlimit (util-linux)");
    QProcess helper;
    helper.start(helperPath, {u"1500"_s});
    QVERIFY(helper.waitForReadyRead(20000));
    QVERIFY(helper.readAllStandardOutput().startsWith("ready"));
    QProcess sample;
    sample.start(prlimit, {u"--nofile=1024:1024"_s, u"--"_s, proclab(), u"sample"_s, u"--pid"_s,
                           QString::number(helper.processId()), u"--count"_s, u"2"_s, u"--interval"_s, u"200"_s,
                           u"--json"_s});
    QVERIFY(sample.waitForFinished(60000));
    helper.closeWriteChannel(); // the helper ends at end of input
    QVERIFY(helper.waitForFinished(10000));
    QCOMPARE(sample.exitCode(), 0);
    const QList<QByteArray> lines = sample.readAllStandardOutput().trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    for (const QByteArray &line : lines)
        QCOMPARE(QJsonDocument::fromJson(line).object().value(u"tasks"_s).toArray().size(), 1501);
}

void tst_SampleCommand::badInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("mentions");
    QTest::newRow("no such pid") << QStringList{u"sample"_s, u"--pid"_s, u"999999999"_s} << QByteArray("no process");
    QTest::newRow("pid not a number") << QStringList{u"sample"_s, u"--pid"_s, u"abc"_s} << QByteArray("--pid");
    QTest::newRow("pid zero") << QStringList{u"sample"_s, u"--pid"_s, u"0"_s} << QByteArray("--pid");
    QTest::newRow("interval too short") << QStringList{u"sample"_s, u"--interval"_s, u"10"_s} << QByteArray("50");
    QTest::newRow("interval too long") << QStringList{u"sample"_s, u"--interval"_s, u"6000"_s} << QByteArray("5000");
    QTest::newRow("count negative") << QStringList{u"sample"_s, u"--count"_s, u"-1"_s} << QByteArray("--count");
    QTest::newRow("json and summary") << QStringList{u"sample"_s, u"--json"_s, u"--summary"_s} << QByteArray("--summary");
    QTest::newRow("unknown option") << QStringList{u"sample"_s, u"--frob"_s} << QByteArray("allowed");
    QTest::newRow("stray argument") << QStringList{u"sample"_s, u"12"_s} << QByteArray("allowed");
    QTest::newRow("bench without kind") << QStringList{u"bench"_s} << QByteArray("sampler");
    QTest::newRow("bench unknown kind") << QStringList{u"bench"_s, u"frob"_s} << QByteArray("sampler");
    QTest::newRow("bench threads zero") << QStringList{u"bench"_s, u"sampler"_s, u"--threads"_s, u"0"_s}
                                        << QByteArray("--threads");
    QTest::newRow("bench interval") << QStringList{u"bench"_s, u"sampler"_s, u"--interval"_s, u"1"_s}
                                    << QByteArray("50");
    QTest::newRow("bench seconds") << QStringList{u"bench"_s, u"sampler"_s, u"--seconds"_s, u"x"_s}
                                   << QByteArray("--seconds");
}

void tst_SampleCommand::badInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, mentions);
    const Result r = run(arguments);
    QCOMPARE(r.status, 2);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY2(r.err.contains(mentions), r.err.constData());
}

void tst_SampleCommand::benchSampler()
{
    if (!QFileInfo(QStringLiteral(PROCLAB_BIN_DIR "/proclab-bench-threads")).isExecutable())
        QSKIP("proclab-bench-threads is not built (tests/bench is not part of this build)");
    const Result r = run({u"bench"_s, u"sampler"_s, u"--threads"_s, u"300"_s, u"--seconds"_s, u"1"_s, u"--json"_s});
    QCOMPARE(r.status, 0);
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 1);
    const QJsonObject o = QJsonDocument::fromJson(lines[0]).object();
    QCOMPARE(o.value(u"bench"_s).toString(), u"sampler"_s);
    QCOMPARE(o.value(u"tasks"_s).toInt(), 301); // the threads and the helper's main thread
    QVERIFY(o.value(u"samples"_s).toInt() >= 5);
    QVERIFY(o.value(u"cpu_us_per_thread_sample_median"_s).toDouble() > 0);
    QCOMPARE(o.value(u"states"_s).toObject().value(u"blocked"_s).toInt(), 301);
    QVERIFY(o.value(u"oldest_letter_s"_s).toDouble() <= 1.1);
}

QTEST_GUILESS_MAIN(tst_SampleCommand)
#include "tst_samplecommand.moc"
