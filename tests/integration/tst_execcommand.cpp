// `proclab exec` as a user runs it: exit statuses like a shell's, bad input, --json stdout, SIGINT passed on,
// the session file — and nothing of the program left afterwards.
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

class tst_ExecCommand : public QObject
{
    Q_OBJECT

private:
    QString fixture(const QString &name) const
    {
        return QStringLiteral(PROCLAB_FIXTURES_DIR) + u"/python/"_s + name;
    }
    void start(QProcess &process, const QStringList &arguments);
    QList<int> leftovers() const;

    QString m_proclab = QStringLiteral(PROCLAB_BIN_DIR "/proclab");
    QString m_python;
    QByteArray m_token;

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void exitStatus_data();
    void exitStatus();
    void badInputExits2_data();
    void badInputExits2();
    void jsonStdoutCarriesOnlyJson();
    void sigintReachesProgram();
    void logIntoAFullDeviceSaysWhy();
    void logIntoACharacterDeviceWritesInPlace();
    void aThreeMegabyteLineReadsBack();
    void floodingProgramStaysBounded();
    void namesAreShownEscaped();
    void retentionIsTold();

private:
    QTemporaryDir m_logDir;
};

void tst_ExecCommand::start(QProcess &process, const QStringList &arguments)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"PROCLAB_TEST_TOKEN"_s, QString::fromLatin1(m_token));
    process.setProcessEnvironment(environment);
    process.start(m_proclab, QStringList{u"exec"_s} + arguments);
}

QList<int> tst_ExecCommand::leftovers() const
{
    QList<int> found;
    const QByteArray needle = "PROCLAB_TEST_TOKEN=" + m_token;
    for (const QString &entry : QDir(u"/proc"_s).entryList(QDir::Dirs)) {
        bool ok = false;
        const int pid = entry.toInt(&ok);
        QFile environ(u"/proc/"_s + entry + u"/environ"_s);
        if (ok && environ.open(QIODevice::ReadOnly) && environ.readAll().split('\0').contains(needle))
            found << pid;
    }
    return found;
}

void tst_ExecCommand::initTestCase()
{
    QVERIFY2(QFile::exists(m_proclab), "build the proclab target first");
    m_python = QStandardPaths::findExecutable(u"python3"_s);
    if (m_python.isEmpty())
        QSKIP("python3 is not installed: the exec tests need a real Python");
    m_token = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
}

void tst_ExecCommand::cleanup()
{
    // proclab and every process of the program carried the token: none may be left.
    QTRY_COMPARE_WITH_TIMEOUT(leftovers(), QList<int>(), 3000);
}

void tst_ExecCommand::exitStatus_data()
{
    QTest::addColumn<QStringList>("command");
    QTest::addColumn<int>("expected");
    const QString script = QStringLiteral(PROCLAB_FIXTURES_DIR) + u"/python/exit_with.py"_s;
    QTest::newRow("0") << QStringList{u"python3"_s, script, u"0"_s} << 0;
    QTest::newRow("3") << QStringList{u"python3"_s, script, u"3"_s} << 3;
    QTest::newRow("SIGTERM: 143") << QStringList{u"python3"_s, script, u"TERM"_s} << 143;
    QTest::newRow("not found: 127") << QStringList{u"proclab-no-such-program-here"_s} << 127;
    // A file without the execute bit.
    QTest::newRow("not executable: 126") << QStringList{script} << 126;
}

void tst_ExecCommand::exitStatus()
{
    QFETCH(QStringList, command);
    QFETCH(int, expected);
    QTemporaryDir dir;
    QProcess proclab;
    start(proclab, QStringList{u"--log"_s, dir.filePath(u"s.jsonl"_s), u"--"_s} + command);
    QVERIFY(proclab.waitForFinished(15000));
    QCOMPARE(proclab.exitStatus(), QProcess::NormalExit);
    QCOMPARE(proclab.exitCode(), expected);
    if (expected < 126) {
        // The program's own output went to the terminal: stdout to stdout, stderr to stderr.
        QVERIFY(proclab.readAllStandardOutput().contains("exiting with"));
        QVERIFY(proclab.readAllStandardError().contains("to stderr"));
    }
    QFile session(dir.filePath(u"s.jsonl"_s));
    QVERIFY(session.open(QIODevice::ReadOnly));
    const QJsonObject header = QJsonDocument::fromJson(session.readLine()).object();
    QCOMPARE(header.value(u"format"_s).toString(), u"proclab-session"_s);
    QVERIFY(session.readAll().contains("\"kind\":\"experiment.stop\""));
}

void tst_ExecCommand::badInputExits2_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("no command") << QStringList{};
    QTest::newRow("only --") << QStringList{u"--"_s};
    QTest::newRow("unknown option") << QStringList{u"--bogus"_s, u"--"_s, u"true"_s};
    QTest::newRow("interval too small") << QStringList{u"--interval"_s, u"10"_s, u"--"_s, u"true"_s};
    QTest::newRow("interval not a number") << QStringList{u"--interval"_s, u"fast"_s, u"--"_s, u"true"_s};
    QTest::newRow("log folder missing") << QStringList{u"--log"_s, u"/nonexistent/dir/s.jsonl"_s, u"--"_s, u"true"_s};
    QTest::newRow("log is a folder") << QStringList{u"--log"_s, m_logDir.path(), u"--"_s, u"true"_s};
    if (::geteuid() == 0) {
        // A link that another user planted in a sticky world-writable folder, to a file of ours.
        const QString shared = m_logDir.filePath(u"shared"_s);
        QDir().mkpath(shared);
        ::chmod(QFile::encodeName(shared).constData(), 01777);
        const QString victim = m_logDir.filePath(u"victim"_s);
        QFile file(victim);
        if (file.open(QIODevice::WriteOnly))
            file.write("keep\n");
        file.close();
        const QByteArray link = QFile::encodeName(shared + u"/s.jsonl"_s);
        if (::symlink(QFile::encodeName(victim).constData(), link.constData()) == 0 &&
            ::lchown(link.constData(), 65534, 65534) == 0)
            QTest::newRow("log link planted") << QStringList{u"--log"_s, QString::fromLocal8Bit(link), u"--"_s, u"true"_s};
    }
}

void tst_ExecCommand::badInputExits2()
{
    QFETCH(QStringList, arguments);
    QProcess proclab;
    start(proclab, arguments);
    QVERIFY(proclab.waitForFinished(10000));
    QCOMPARE(proclab.exitCode(), 2);
    QVERIFY(proclab.readAllStandardOutput().isEmpty());
    const QByteArray error = proclab.readAllStandardError();
    QCOMPARE(error.count('\n'), 1);
    QVERIFY2(error.startsWith("proclab exec: "), error.constData());
    QFile victim(m_logDir.filePath(u"victim"_s));
    if (victim.open(QIODevice::ReadOnly))
        QCOMPARE(victim.readAll(), QByteArray("keep\n"));
}

void tst_ExecCommand::aThreeMegabyteLineReadsBack()
{
    // ProcLab once recorded such a line whole, and then refused its own file ("line longer than 1 MiB").
    QTemporaryDir dir;
    const QString log = dir.filePath(u"s.jsonl"_s);
    QProcess proclab;
    start(proclab, {u"--log"_s, log, u"--"_s, m_python, u"-c"_s, u"print('y' * 3000000)"_s});
    QVERIFY(proclab.waitForFinished(30000));
    QCOMPARE(proclab.exitCode(), 0);
    QProcess exporter;
    exporter.start(m_proclab, {u"export"_s, log, u"--format"_s, u"csv"_s, u"--output"_s, dir.filePath(u"s.csv"_s)});
    QVERIFY(exporter.waitForFinished(30000));
    QVERIFY2(exporter.exitCode() == 0, exporter.readAllStandardError().constData());
}

void tst_ExecCommand::retentionIsTold()
{
    // 100 sessions are kept: with 100 old ones in the folder, a new recording deletes the oldest and says so.
    QTemporaryDir data;
    const QString folder = data.filePath(u"proclab/sessions"_s);
    QVERIFY(QDir().mkpath(folder));
    for (int i = 0; i < 100; ++i) {
        QFile old(QDir(folder).filePath(u"20200101-0000%1-old.jsonl"_s.arg(i, 2, 10, QLatin1Char('0'))));
        QVERIFY(old.open(QIODevice::WriteOnly));
    }
    QFile notes(QDir(folder).filePath(u"20200101-000000-my notes.jsonl"_s)); // not a name ProcLab makes
    QVERIFY(notes.open(QIODevice::WriteOnly));
    notes.close();
    QProcess proclab;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"PROCLAB_TEST_TOKEN"_s, QString::fromLatin1(m_token));
    environment.insert(u"XDG_DATA_HOME"_s, data.path());
    proclab.setProcessEnvironment(environment);
    proclab.start(m_proclab, {u"exec"_s, u"--"_s, u"true"_s});
    QVERIFY(proclab.waitForFinished(15000));
    QCOMPARE(proclab.exitCode(), 0);
    const QString error = QString::fromLocal8Bit(proclab.readAllStandardError());
    QVERIFY2(error.contains(u"removed 1 old session"_s), qPrintable(error));
    QVERIFY2(error.contains(u"20200101-000000-old.jsonl"_s), qPrintable(error));
    QVERIFY(!QFile::exists(QDir(folder).filePath(u"20200101-000000-old.jsonl"_s)));
    QVERIFY(notes.exists());
}

void tst_ExecCommand::logIntoAFullDeviceSaysWhy()
{
    QProcess proclab;
    start(proclab, {u"--log"_s, u"/dev/full"_s, u"--"_s, u"true"_s});
    QVERIFY(proclab.waitForFinished(15000));
    QCOMPARE(proclab.exitStatus(), QProcess::NormalExit);
    QCOMPARE(proclab.exitCode(), 1);
    const QString error = QString::fromLocal8Bit(proclab.readAllStandardError());
    QCOMPARE(error.count(u'\n'), 1);
    QVERIFY2(error.contains(QString::fromLocal8Bit(std::strerror(ENOSPC))), qPrintable(error));
    QVERIFY2(!error.contains(u"goes on"_s), qPrintable(error));
}

void tst_ExecCommand::logIntoACharacterDeviceWritesInPlace()
{
    // /dev/null is written in place, as any Unix tool does; as root ProcLab once replaced it with a regular file.
    // A node of our own stands in for it, so that a regression cannot break this machine's /dev/null.
    QString node = u"/dev/null"_s;
    if (::geteuid() == 0) {
        node = m_logDir.filePath(u"null"_s);
        QCOMPARE(::mknod(QFile::encodeName(node).constData(), S_IFCHR | 0666, makedev(1, 3)), 0);
    }
    QProcess proclab;
    start(proclab, {u"--log"_s, node, u"--"_s, u"true"_s});
    QVERIFY(proclab.waitForFinished(15000));
    QCOMPARE(proclab.exitCode(), 0);
    struct stat st{};
    QCOMPARE(::lstat(QFile::encodeName(node).constData(), &st), 0);
    QVERIFY(S_ISCHR(st.st_mode));
}

void tst_ExecCommand::jsonStdoutCarriesOnlyJson()
{
    QTemporaryDir dir;
    QProcess proclab;
    start(proclab, {u"--json"_s, u"--log"_s, dir.filePath(u"s.jsonl"_s), u"--"_s, m_python,
                    fixture(u"queue_terminate.py"_s)});
    QVERIFY(proclab.waitForFinished(15000));
    QCOMPARE(proclab.exitCode(), 0);
    const QList<QByteArray> lines = proclab.readAllStandardOutput().split('\n');
    QVERIFY(lines.size() > 5);
    QVERIFY(lines.last().isEmpty()); // whole lines only
    QSet<QString> kinds;
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        QJsonParseError error;
        const QJsonDocument line = QJsonDocument::fromJson(lines.at(i), &error);
        QVERIFY2(error.error == QJsonParseError::NoError && line.isObject(), lines.at(i).constData());
        kinds.insert(line.object().value(u"kind"_s).toString());
    }
    for (const char *kind : {"process.spawn", "process.exit", "process.zombie", "output", "task.sample", "cpu.sample"})
        QVERIFY2(kinds.contains(QString::fromLatin1(kind)), kind);
    // The program ended on its own: experiment.stop says so (docs/session-format.md).
    const QJsonObject stop = QJsonDocument::fromJson(lines.at(lines.size() - 2)).object();
    QCOMPARE(stop.value(u"kind"_s).toString(), u"experiment.stop"_s);
    QCOMPARE(stop.value(u"reason"_s).toString(), u"finished"_s);
    // The program's output went to stderr.
    QVERIFY(proclab.readAllStandardError().contains("got 0"));
}

void tst_ExecCommand::sigintReachesProgram()
{
    // A SIGINT sent to proclab (not from a terminal) is passed on: Python's KeyboardInterrupt ends the program,
    // which then re-raises SIGINT on itself: 128 + 2.
    QProcess proclab;
    start(proclab, {u"--json"_s, u"--"_s, m_python, u"-c"_s,
                    u"import time\nprint('ready', flush=True)\ntime.sleep(30)\n"_s});
    QVERIFY(proclab.waitForStarted());
    QByteArray events;
    QTRY_VERIFY_WITH_TIMEOUT((events += proclab.readAllStandardOutput()).contains("\"line\":\"ready\""), 10000);
    ::kill(pid_t(proclab.processId()), SIGINT);
    QVERIFY(proclab.waitForFinished(10000));
    QCOMPARE(proclab.exitCode(), 128 + SIGINT);
    QVERIFY(proclab.readAllStandardError().contains("KeyboardInterrupt"));
}

void tst_ExecCommand::floodingProgramStaysBounded()
{
    // `yes` writes millions of lines a second. ProcLab's memory stays bounded (a window of lines in memory, the
    // file capped by OutputBudget with output.dropped counting the rest), and the session reads back.
    const QString timeout = QStandardPaths::findExecutable(u"timeout"_s);
    const QString yes = QStandardPaths::findExecutable(u"yes"_s);
    if (timeout.isEmpty() || yes.isEmpty())
        QSKIP("timeout and yes (coreutils) are needed");
    QTemporaryDir dir;
    const QString session = dir.filePath(u"s.jsonl"_s);
    QProcess proclab;
    proclab.setStandardOutputFile(QProcess::nullDevice()); // the terminal: as fast as ProcLab can write
    start(proclab, {u"--log"_s, session, u"--"_s, timeout, u"3"_s, yes});
    QVERIFY(proclab.waitForStarted());
    const QString status = u"/proc/%1/status"_s.arg(proclab.processId());
    qint64 peakKb = 0;
    while (proclab.state() != QProcess::NotRunning) {
        QFile file(status);
        if (file.open(QIODevice::ReadOnly)) {
            for (const QByteArray &line : file.readAll().split('\n')) {
                if (line.startsWith("VmHWM:"))
                    peakKb = std::max(peakKb, line.mid(6).trimmed().split(' ').value(0).toLongLong());
            }
        }
        proclab.waitForFinished(50);
    }
    QCOMPARE(proclab.exitCode(), 124); // timeout's status when it had to end yes
    qInfo("proclab exec -- timeout 3 yes: peak RSS %lld kB", peakKb);
    QVERIFY2(peakKb > 0 && peakKb < 300 * 1024, qPrintable(u"peak RSS %1 kB"_s.arg(peakKb)));

    QFile file(session);
    QVERIFY(file.open(QIODevice::ReadOnly));
    qint64 outputs = 0, droppedCounted = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine();
        QJsonParseError error;
        const QJsonObject event = QJsonDocument::fromJson(line, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, line.left(200).constData());
        const QString kind = event.value(u"kind"_s).toString();
        if (kind == u"output"_s)
            ++outputs;
        else if (kind == u"output.dropped"_s)
            droppedCounted += event.value(u"lines"_s).toInteger();
    }
    QVERIFY(outputs > 0);
    QVERIFY2(outputs <= 4 * 2000 + 2000, qPrintable(QString::number(outputs))); // the rate cap, about 3 s
    QVERIFY2(droppedCounted > outputs, qPrintable(QString::number(droppedCounted)));
    // And export reads it back.
    QProcess exporter;
    exporter.start(m_proclab, {u"export"_s, session, u"--format"_s, u"jsonl"_s, u"--output"_s,
                               dir.filePath(u"x.jsonl"_s)});
    QVERIFY(exporter.waitForFinished(30000));
    QVERIFY2(exporter.exitCode() == 0, exporter.readAllStandardError().constData());
}

void tst_ExecCommand::namesAreShownEscaped()
{
    // A command name with escape sequences in it reaches the terminal escaped, in one line.
    QProcess proclab;
    start(proclab, {u"--"_s, u"\x1b]0;PWN\x07\x1b[2J"_s});
    QVERIFY(proclab.waitForFinished(10000));
    QCOMPARE(proclab.exitCode(), 127);
    const QByteArray err = proclab.readAllStandardError();
    QVERIFY2(!err.contains('\x1b') && !err.contains('\x07'), err.constData());
    QVERIFY2(err.contains("\\e]0;PWN\\x07\\e[2J: command not found"), err.constData());
}

QTEST_GUILESS_MAIN(tst_ExecCommand)
#include "tst_execcommand.moc"
