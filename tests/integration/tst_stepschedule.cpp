// Step mode through `proclab run --schedule`, on real lab threads: a race stepped 1,2,1,2 loses exactly one of two
// increments and 1,1,2,2 loses none, the same figures every time; a ring of 2 stepped 1,2,1,2 deadlocks and
// 1,1,1,1,2,2,2,2 does not; every grant is one `step` event with the values the thread really loaded and stored;
// a grant that cannot be taken (a thread blocked inside its step, a number out of range, an experiment without
// step mode) is bad input: exit 2 and one line. No process of a run is left behind.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_StepSchedule : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void raceFollowsItsSchedule_data();
    void raceFollowsItsSchedule();
    void raceStepsCarryTheirValues();
    void ringFollowsItsSchedule_data();
    void ringFollowsItsSchedule();
    void impossibleGrantIsBadInput_data();
    void impossibleGrantIsBadInput();
    void cleanup();

private:
    struct Result
    {
        int exitCode = -1;
        QString stderrText;
        QJsonObject figures;
        int answer = -1; // the prediction choice the run proved
        QList<QJsonObject> steps;
        bool stepping = false; // experiment.start says the run stepped
    };
    Result run(const QStringList &arguments);
    QTemporaryDir m_home;
    QSet<int> m_started;
};

void tst_StepSchedule::initTestCase()
{
    QVERIFY(m_home.isValid());
}

tst_StepSchedule::Result tst_StepSchedule::run(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_s, m_home.path());
    env.insert(u"XDG_DATA_HOME"_s, m_home.path() + u"/data"_s);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(PROCLAB_BIN_DIR "/proclab"), QStringList{u"run"_s} << arguments << u"--json"_s);
    Result result;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.stderrText = QString::fromUtf8(process.readAllStandardError());
    for (const QByteArray &line : process.readAllStandardOutput().split('\n')) {
        const QJsonObject event = QJsonDocument::fromJson(line).object();
        const QString kind = event.value(u"kind"_s).toString();
        if (kind == u"process.spawn"_s)
            m_started.insert(event.value(u"pid"_s).toInt());
        else if (kind == u"step"_s)
            result.steps << event;
        else if (kind == u"experiment.start"_s)
            result.stepping = event.value(u"stepping"_s).toBool();
        else if (kind == u"summary"_s) {
            result.figures = event.value(u"figures"_s).toObject();
            result.answer = event.value(u"answer"_s).toInt(-1);
        }
    }
    return result;
}

void tst_StepSchedule::cleanup()
{
    const auto left = [this] {
        QList<int> alive;
        for (int pid : std::as_const(m_started))
            if (QFile::exists(u"/proc/%1"_s.arg(pid)))
                alive << pid;
        return alive;
    };
    QTRY_VERIFY2_WITH_TIMEOUT(left().isEmpty(), "a process outlived its run", 2000);
    m_started.clear();
}

void tst_StepSchedule::raceFollowsItsSchedule_data()
{
    QTest::addColumn<QString>("schedule");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<int>("counter");
    QTest::addColumn<int>("lost");
    QTest::addColumn<int>("answer"); // 0: the counter is exact, 1: short of the increments
    QTest::newRow("interleaved: one lost") << u"1,2,1,2"_s << 0 << 1 << 1 << 1;
    QTest::newRow("one after the other: none lost") << u"1,1,2,2"_s << 1 << 2 << 0 << 0;
    QTest::newRow("three threads, all read first") << u"1,2,3,1,2,3"_s << 0 << 1 << 2 << 1;
}

void tst_StepSchedule::raceFollowsItsSchedule()
{
    QFETCH(QString, schedule);
    QFETCH(int, exitCode);
    QFETCH(int, counter);
    QFETCH(int, lost);
    QFETCH(int, answer);
    const int threads = int(schedule.count(u',') + 1) / 2;
    // The same schedule twice: the same figures, whatever the machine's load did between.
    for (int attempt = 0; attempt < 2; ++attempt) {
        const Result result = run({u"race"_s, u"--set"_s, u"threads=%1"_s.arg(threads), u"--schedule"_s, schedule});
        QCOMPARE(result.exitCode, exitCode);
        QCOMPARE(result.figures.value(u"increments"_s).toInt(), threads);
        QCOMPARE(result.figures.value(u"counter"_s).toInt(), counter);
        QCOMPARE(result.figures.value(u"lost_updates"_s).toInt(), lost);
        QCOMPARE(result.steps.size(), threads * 2);
        QCOMPARE(result.answer, answer);
    }
}

void tst_StepSchedule::raceStepsCarryTheirValues()
{
    const Result result = run({u"race"_s, u"--set"_s, u"threads=2"_s, u"--schedule"_s, u"1,2,1,2"_s});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.steps.size(), 4);
    const QStringList actions{u"load"_s, u"load"_s, u"store"_s, u"store"_s};
    const QList<int> threads{1, 2, 1, 2};
    const QList<int> values{0, 0, 1, 1}; // both read 0, both write 1: the lost update
    for (int i = 0; i < 4; ++i) {
        const QJsonObject &step = result.steps.at(i);
        QCOMPARE(step.value(u"step"_s).toInt(), i + 1);
        QCOMPARE(step.value(u"thread"_s).toInt(), threads.at(i));
        QCOMPARE(step.value(u"action"_s).toString(), actions.at(i));
        QCOMPARE(step.value(u"value"_s).toInt(), values.at(i));
        QCOMPARE(step.value(u"object"_s).toString(), u"counter"_s);
        QVERIFY(step.value(u"tid"_s).toInt() > 0);
    }
    QVERIFY(result.steps.at(0).value(u"tid"_s) != result.steps.at(1).value(u"tid"_s));
    QVERIFY(result.stepping); // experiment.start says the run stepped
}

void tst_StepSchedule::ringFollowsItsSchedule_data()
{
    QTest::addColumn<QString>("schedule");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<int>("cycle");
    QTest::addColumn<int>("blockedSteps");
    QTest::newRow("each takes its own, then asks for the other's") << u"1,2,1,2"_s << 0 << 2 << 2;
    QTest::newRow("one whole round each") << u"1,1,1,1,2,2,2,2"_s << 1 << 0 << 0;
}

void tst_StepSchedule::ringFollowsItsSchedule()
{
    QFETCH(QString, schedule);
    QFETCH(int, exitCode);
    QFETCH(int, cycle);
    QFETCH(int, blockedSteps);
    const Result result = run({u"deadlock"_s, u"--set"_s, u"threads=2"_s, u"--schedule"_s, schedule});
    QCOMPARE(result.exitCode, exitCode);
    QCOMPARE(result.figures.value(u"cycle_length"_s).toInt(), cycle);
    QCOMPARE(result.answer, cycle > 0 ? 1 : 0); // "a deadlock" or "they finish their rounds"
    int blocked = 0;
    for (const QJsonObject &step : result.steps)
        blocked += step.value(u"blocked"_s).toBool() ? 1 : 0;
    QCOMPARE(blocked, blockedSteps);
    QCOMPARE(result.steps.size(), int(schedule.count(u',') + 1));
}

void tst_StepSchedule::impossibleGrantIsBadInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("says");
    QTest::newRow("blocked inside its step") << QStringList{u"deadlock"_s, u"--set"_s, u"threads=2"_s,
                                                            u"--schedule"_s, u"1,2,1,2,1"_s}
                                             << u"blocked inside its step"_s;
    QTest::newRow("no thread 3") << QStringList{u"race"_s, u"--set"_s, u"threads=2"_s, u"--schedule"_s, u"1,3"_s}
                                 << u"from 1 to 2"_s;
    QTest::newRow("not a number") << QStringList{u"race"_s, u"--schedule"_s, u"1,x"_s} << u"'x'"_s;
    QTest::newRow("no step mode") << QStringList{u"zombie"_s, u"--schedule"_s, u"1"_s} << u"no step mode"_s;
}

void tst_StepSchedule::impossibleGrantIsBadInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, says);
    const Result result = run(arguments);
    QCOMPARE(result.exitCode, 2);
    const QStringList lines = result.stderrText.trimmed().split(u'\n');
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines.first().contains(says), qPrintable(lines.first()));
}

QTEST_GUILESS_MAIN(tst_StepSchedule)
#include "tst_stepschedule.moc"
