// The command-line contract of proclab itself: help, version, and bad input that exits 2 with one line.
#include "SharedCopy.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <pwd.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

class tst_Cli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void version();
    void help();
    void badInput_data();
    void badInput();
    void workerRefusesToRunByHand();
    void subcommandHelpNamesTheCommand_data();
    void subcommandHelpNamesTheCommand();
    void stopCarriesItsReason();
    void limitErrorsTellTheTruth_data();
    void limitErrorsTellTheTruth();

private:
    struct Result {
        int status;
        QByteArray out;
        QByteArray err;
    };
    static Result run(const QString &program, const QStringList &arguments);
    static QString proclab() { return QStringLiteral(PROCLAB_BIN_DIR "/proclab"); }
};

tst_Cli::Result tst_Cli::run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    // Headless commands and option errors must not need a display.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"DISPLAY"_s);
    env.remove(u"WAYLAND_DISPLAY"_s);
    env.remove(u"QT_QPA_PLATFORM"_s);
    process.setProcessEnvironment(env);
    process.start(program, arguments);
    if (!process.waitForFinished(20000)) {
        process.kill();
        process.waitForFinished();
        return {-1, {}, {}};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
            process.readAllStandardError()};
}

void tst_Cli::version()
{
    const Result r = run(proclab(), {u"--version"_s});
    QCOMPARE(r.status, 0);
    QVERIFY2(QRegularExpression(u"^proclab \\d+\\.\\d+\\.\\d+\\n$"_s).match(QString::fromUtf8(r.out)).hasMatch(),
             r.out.constData());
}

void tst_Cli::help()
{
    const Result r = run(proclab(), {u"--help"_s});
    QCOMPARE(r.status, 0);
    QVERIFY(r.out.contains("Usage: proclab"));
    QVERIFY(r.out.contains("gui"));
    const Result gui = run(proclab(), {u"gui"_s, u"--help"_s});
    QCOMPARE(gui.status, 0);
    QVERIFY(gui.out.contains("--experiment"));
    QVERIFY(gui.out.contains("--lang"));
}

void tst_Cli::badInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("mentions");
    QTest::newRow("unknown command") << QStringList{u"frobnicate"_s} << QByteArray("allowed:");
    QTest::newRow("unknown top-level option") << QStringList{u"--frobnicate"_s} << QByteArray("frobnicate");
    QTest::newRow("gui interval out of range") << QStringList{u"gui"_s, u"--interval"_s, u"1"_s} << QByteArray("50");
    QTest::newRow("gui language") << QStringList{u"gui"_s, u"--lang"_s, u"xx"_s} << QByteArray("zh_CN");
    // NaN and the infinities are not numbers, wherever a number is read (NumberText).
    QTest::newRow("run duration nan") << QStringList{u"run"_s, u"zombie"_s, u"--duration"_s, u"nan"_s}
                                      << QByteArray("--duration");
    QTest::newRow("run duration inf") << QStringList{u"run"_s, u"zombie"_s, u"--duration"_s, u"inf"_s}
                                      << QByteArray("--duration");
    QTest::newRow("run duration -inf") << QStringList{u"run"_s, u"zombie"_s, u"--duration"_s, u"-inf"_s}
                                       << QByteArray("--duration");
    QTest::newRow("run interval nan") << QStringList{u"run"_s, u"zombie"_s, u"--interval"_s, u"nan"_s}
                                      << QByteArray("--interval");
    QTest::newRow("set real nan") << QStringList{u"run"_s, u"orphan"_s, u"--set"_s, u"kill_after=nan"_s}
                                  << QByteArray("kill_after");
    QTest::newRow("set real inf") << QStringList{u"run"_s, u"orphan"_s, u"--set"_s, u"kill_after=inf"_s}
                                  << QByteArray("kill_after");
    QTest::newRow("set integer nan") << QStringList{u"run"_s, u"pc-threads"_s, u"--set"_s, u"producers=nan"_s}
                                     << QByteArray("producers");
    QTest::newRow("bench sampler seconds nan")
        << QStringList{u"bench"_s, u"sampler"_s, u"--seconds"_s, u"nan"_s} << QByteArray("--seconds");
    QTest::newRow("bench recorder seconds inf")
        << QStringList{u"bench"_s, u"recorder"_s, u"--seconds"_s, u"inf"_s} << QByteArray("--seconds");
    QTest::newRow("bench queue seconds nan")
        << QStringList{u"bench"_s, u"queue"_s, u"--seconds"_s, u"nan"_s} << QByteArray("--seconds");
    QTest::newRow("sample interval nan") << QStringList{u"sample"_s, u"--interval"_s, u"nan"_s} << QByteArray("50");
    QTest::newRow("exec interval inf") << QStringList{u"exec"_s, u"--interval"_s, u"inf"_s, u"--"_s, u"true"_s}
                                       << QByteArray("--interval");
    QTest::newRow("gui interval nan") << QStringList{u"gui"_s, u"--interval"_s, u"nan"_s} << QByteArray("50");
    // A value typed with a newline in it: still one line, the newline shown escaped.
    QTest::newRow("set value with a newline")
        << QStringList{u"run"_s, u"pc-threads"_s, u"--set"_s, u"producers=2\n3"_s} << QByteArray("got '2\\n3'");
    // Control characters the user typed are not sent to the terminal.
    QTest::newRow("unknown experiment with escapes")
        << QStringList{u"run"_s, u"\x1b]0;PWN\x07\x1b[2J"_s} << QByteArray("\\e]0;PWN\\x07\\e[2J");
}

void tst_Cli::badInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, mentions);
    const Result r = run(proclab(), arguments);
    QCOMPARE(r.status, 2);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY2(r.err.contains(mentions), r.err.constData());
    QVERIFY2(!r.err.contains('\x1b') && !r.err.contains('\x07'), r.err.constData());
}

void tst_Cli::workerRefusesToRunByHand()
{
    const QString worker = QStringLiteral(PROCLAB_BIN_DIR "/proclab-worker");
    const Result version = run(worker, {u"--version"_s});
    QCOMPARE(version.status, 0);
    QVERIFY(version.out.startsWith("proclab-worker "));
    // By hand — even naming this test as its supervisor, with a role that would spin for ever — it refuses at
    // once with one line, and starts nothing. (run() gives up after 20 s with status -1.)
    const QString self = QString::number(QCoreApplication::applicationPid());
    const QList<QStringList> byHand{{},
                                    {u"--role"_s, u"cpu"_s},
                                    {u"--supervisor"_s, self, u"--role"_s, u"cpu"_s},
                                    {u"--supervisor"_s, self, u"--control-fd"_s, u"9"_s, u"--role"_s, u"cpu"_s}};
    for (const QStringList &arguments : byHand) {
        QElapsedTimer timer;
        timer.start();
        const Result r = run(worker, arguments);
        QVERIFY2(r.status == 1 || r.status == 2, qPrintable(arguments.join(u' ') + u": status "_s
                                                             + QString::number(r.status)));
        QVERIFY2(timer.elapsed() < 5000, qPrintable(arguments.join(u' ')));
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.contains("run `proclab` instead"), r.err.constData());
    }
    // --help says what it is and who starts it, in one line: not "option --help needs a value".
    const Result help = run(QStringLiteral(PROCLAB_BIN_DIR "/proclab-worker"), {u"--help"_s});
    QCOMPARE(help.status, 2);
    QCOMPARE(help.err.count('\n'), 1);
    QVERIFY2(help.err.contains("started by proclab"), help.err.constData());
    QVERIFY2(!help.err.contains("needs a value"), help.err.constData());
}

void tst_Cli::subcommandHelpNamesTheCommand_data()
{
    QTest::addColumn<QString>("command");
    for (const char *command : {"gui", "run", "exec", "sample", "list", "bench", "export"})
        QTest::newRow(command) << QString::fromLatin1(command);
}

void tst_Cli::subcommandHelpNamesTheCommand()
{
    QFETCH(QString, command);
    const Result r = run(proclab(), {command, u"--help"_s});
    QCOMPARE(r.status, 0);
    const QByteArray usage = "Usage: proclab " + command.toLatin1() + ' ';
    QVERIFY2(r.out.startsWith(usage), r.out.left(80).constData());
    QVERIFY(!r.out.contains("<executable_name>"));
}

void tst_Cli::stopCarriesItsReason()
{
    // experiment.stop carries the documented reason: here the --duration ran out.
    const QTemporaryDir folder;
    const Result r = run(proclab(), {u"run"_s, u"zombie"_s, u"--duration"_s, u"1"_s, u"--json"_s, u"--log"_s,
                                     folder.filePath(u"s.jsonl"_s)});
    QVERIFY2(r.status == 0 || r.status == 1, r.err.constData());
    QString reason;
    for (const QByteArray &line : r.out.split('\n')) {
        const QJsonObject event = QJsonDocument::fromJson(line).object();
        if (event.value(u"kind"_s).toString() == u"experiment.stop"_s)
            reason = event.value(u"reason"_s).toString();
    }
    QCOMPARE(reason, u"duration"_s);
}

void tst_Cli::limitErrorsTellTheTruth_data()
{
    QTest::addColumn<QStringList>("limit");        // prlimit's option
    QTest::addColumn<bool>("unprivileged");        // root ignores RLIMIT_NPROC: run as nobody
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("limitName");
    QTest::addColumn<QByteArray>("limitValue");
    QTest::addColumn<int>("maxErrorEvents");
    QTest::newRow("nproc 12, 40 lab processes")
        << QStringList{u"--nproc=12"_s} << true
        << QStringList{u"run"_s, u"pc-processes"_s, u"--set"_s, u"producers=20"_s, u"--set"_s, u"consumers=20"_s}
        << QByteArray("RLIMIT_NPROC") << QByteArray("is 12") << 2;
    QTest::newRow("nproc 40, 512 lab threads")
        << QStringList{u"--nproc=40"_s} << true
        << QStringList{u"run"_s, u"pc-threads"_s, u"--set"_s, u"producers=256"_s, u"--set"_s, u"consumers=256"_s}
        << QByteArray("RLIMIT_NPROC") << QByteArray("is 40") << 8;
    QTest::newRow("nofile 64, 40 lab processes")
        << QStringList{u"--nofile=64:64"_s} << false
        << QStringList{u"run"_s, u"pc-processes"_s, u"--set"_s, u"producers=20"_s, u"--set"_s, u"consumers=20"_s}
        << QByteArray("RLIMIT_NOFILE") << QByteArray("is 64") << 4;
}

void tst_Cli::limitErrorsTellTheTruth()
{
    QFETCH(QStringList, limit);
    QFETCH(bool, unprivileged);
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, limitName);
    QFETCH(QByteArray, limitValue);
    QFETCH(int, maxErrorEvents);
    const QString prlimit = QStandardPaths::findExecutable(u"prlimit"_s);
    if (prlimit.isEmpty())
        QSKIP("prlimit (util-linux) is not installed");
    QStringList command = limit + QStringList{u"--"_s};
    if (unprivileged && ::geteuid() == 0) {
        const QString setpriv = QStandardPaths::findExecutable(u"setpriv"_s);
        if (setpriv.isEmpty() || !::getpwnam("nobody"))
            QSKIP("running as root, and no unprivileged user to run as (setpriv and the user nobody): root is not "
                  "held by RLIMIT_NPROC");
        command << setpriv << u"--reuid=nobody"_s << u"--regid=nogroup"_s << u"--clear-groups"_s;
    }
    // nobody cannot reach a build tree in a private home folder: run a copy that every user may run.
    QTemporaryDir shared;
    QString program = proclab();
    if (unprivileged && ::geteuid() == 0) {
        QString error;
        const QString folder = sharedCopy({proclab(), QStringLiteral(PROCLAB_BIN_DIR "/proclab-worker")}, shared, &error);
        QVERIFY2(!folder.isEmpty(), qPrintable(error));
        program = folder + u"/proclab"_s;
    }
    QTemporaryDir folder;
    QVERIFY(QFile::setPermissions(folder.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
                                                     | QFile::ReadOther | QFile::WriteOther | QFile::ExeOther));
    // 5 s: on a loaded machine 512 threads take seconds to start, and the limit is met only once enough have.
    command << program << arguments
            << QStringList{u"--duration"_s, u"5"_s, u"--json"_s, u"--log"_s, folder.filePath(u"s.jsonl"_s)};
    const Result r = run(prlimit, command);
    const QByteArray all = r.out + r.err;
    QVERIFY2(r.status == 0 || r.status == 1, all.right(2000).constData());
    QVERIFY2(!all.toLower().contains("invalid argument"), all.right(2000).constData());
    int errors = 0;
    int refusals = 0;
    QString stopReason;
    bool started = false;
    for (const QByteArray &line : r.out.split('\n')) {
        const QJsonObject event = QJsonDocument::fromJson(line).object();
        const QString kind = event.value(u"kind"_s).toString();
        if (kind == u"thread.start"_s || kind == u"process.spawn"_s)
            started = true;
        if (kind == u"experiment.stop"_s)
            stopReason = event.value(u"reason"_s).toString();
        if (kind != u"error"_s)
            continue;
        ++errors;
        refusals += 1 + event.value(u"repeated"_s).toInt();
        const QByteArray message = event.value(u"message"_s).toString().toUtf8();
        QVERIFY2(message.contains(limitName) && message.contains(limitValue), message.constData());
        // "The session goes on" only where it does: a thread or a fork refused while the experiment runs.
        if (message.contains("goes on"))
            QVERIFY2(stopReason.isEmpty() && event.value(u"what"_s).toString() != u"spawn"_s, message.constData());
    }
    QVERIFY2(started, "the limit is high enough for something to start");
    QVERIFY2(errors >= 1, all.right(2000).constData());
    QVERIFY2(errors <= maxErrorEvents, qPrintable(u"%1 error events for %2 refusals"_s.arg(errors).arg(refusals)));
    if (r.status == 1 && stopReason == u"error"_s) {
        // Could not start: the last line on stderr says why, naming the limit, and not that anything goes on.
        QVERIFY2(r.err.contains(limitName) && !r.err.contains("goes on"), r.err.constData());
    }
    QVERIFY(!stopReason.isEmpty());
}

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
