// The command-line contract of proclab itself: help, version, and bad input that exits 2 with one line.
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTest>

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
}

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
