// Every experiment, run headless through `proclab run` on real processes: its phenomenon is observed for its
// parameters, stdout carries only JSON lines ending with the summary, the session file is written, and nothing of
// the lab is left afterwards. Also the bad-input contract of `run` and `list`.
#include <QDir>
#include <QHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_ExperimentRuns : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void showsItsPhenomenon_data();
    void showsItsPhenomenon();
    void oneCoreIsInconclusive_data();
    void oneCoreIsInconclusive();
    void listsTheCatalogue();
    void refusesBadInput_data();
    void refusesBadInput();

private:
    struct Result
    {
        int status = -1;
        QByteArray out;
        QByteArray err;
    };
    Result run(const QStringList &arguments, int timeoutMs = 60000);
    // Which of these processes still exist (zombies already handed to init do not count).
    static QList<int> stillAlive(const QSet<int> &pids);
    QTemporaryDir m_home;
    QHash<QString, QStringList> m_liveFigures; // per experiment, from `list --json`
    QStringList m_inconclusive; // the rows whose verdict was inconclusive
    int m_judged = 0;           // the rows that reached a verdict
};

void tst_ExperimentRuns::initTestCase()
{
    QVERIFY(m_home.isValid());
    const Result list = run({u"list"_s, u"--json"_s});
    QCOMPARE(list.status, 0);
    for (const QJsonValue &entry : QJsonDocument::fromJson(list.out).array()) {
        const QJsonObject experiment = entry.toObject();
        QStringList names;
        for (const QJsonValue &name : experiment.value(u"live_figures"_s).toArray())
            names << name.toString();
        m_liveFigures.insert(experiment.value(u"id"_s).toString(), names);
    }
}

void tst_ExperimentRuns::cleanupTestCase()
{
    const QString tally = u"%1 of %2 lesson run(s) inconclusive: other programs left them too few free cores%3"_s.arg(
        QString::number(m_inconclusive.size()), QString::number(m_judged),
        m_inconclusive.isEmpty() ? QString() : u" ("_s + m_inconclusive.join(u", "_s) + u")"_s);
    qInfo("%s", qPrintable(tally));
    // `proclab.sh test` names a file here and prints it after the suite, so the count is seen without -V.
    const QString tallyFile = qEnvironmentVariable("PROCLAB_VERDICT_TALLY");
    if (!tallyFile.isEmpty()) {
        QFile file(tallyFile);
        if (file.open(QIODevice::Append | QIODevice::Text))
            file.write(u"tst_experimentruns: "_s.append(tally).append(u'\n').toUtf8());
    }
}

tst_ExperimentRuns::Result tst_ExperimentRuns::run(const QStringList &arguments, int timeoutMs)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_s, m_home.path()); // sessions go to a throw-away folder
    env.insert(u"XDG_DATA_HOME"_s, m_home.path() + u"/data"_s);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(PROCLAB_BIN_DIR "/proclab"), arguments);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
            process.readAllStandardError()};
}

QList<int> tst_ExperimentRuns::stillAlive(const QSet<int> &pids)
{
    QList<int> alive;
    for (int pid : pids) {
        QFile stat(u"/proc/%1/stat"_s.arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.readAll();
        const qsizetype close = text.lastIndexOf(')');
        const QList<QByteArray> rest = text.mid(close + 2).split(' ');
        if (rest.size() > 1 && rest.at(0) == "Z" && rest.at(1).toInt() == 1)
            continue;
        alive << pid;
    }
    return alive;
}

void tst_ExperimentRuns::showsItsPhenomenon_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QStringList>("settings");
    QTest::addColumn<double>("duration");
    // A lesson that needs free cores the machine's other work took (parallel speed-up, shares of a core) says so
    // itself: its verdict is inconclusive, `run` exits 3, and the row is skipped and counted. A bound that load
    // cannot break is never skipped: the experiment reports it not observed.

    QTest::newRow("pc-threads") << u"pc-threads"_s << QStringList{} << 3.0;
    QTest::newRow("pc-threads consumers faster")
        << u"pc-threads"_s << QStringList{u"produce_ms=100"_s, u"consume_ms=10"_s} << 3.0;
    QTest::newRow("pc-processes shm") << u"pc-processes"_s << QStringList{} << 3.0;
    QTest::newRow("pc-processes pipe") << u"pc-processes"_s << QStringList{u"channel=pipe"_s} << 4.0;
    QTest::newRow("zombie") << u"zombie"_s << QStringList{} << 3.0;
    QTest::newRow("orphan") << u"orphan"_s << QStringList{} << 3.0;
    QTest::newRow("kill-holding-lock") << u"kill-holding-lock"_s << QStringList{} << 3.0;
    QTest::newRow("kill-holding-lock robust") << u"kill-holding-lock"_s << QStringList{u"robust=true"_s} << 3.0;
    QTest::newRow("deadlock") << u"deadlock"_s << QStringList{} << 3.0;
    QTest::newRow("deadlock ring of 5") << u"deadlock"_s << QStringList{u"threads=5"_s} << 3.0;
    QTest::newRow("deadlock ordered") << u"deadlock"_s << QStringList{u"ordered=true"_s, u"threads=3"_s} << 3.0;
    QTest::newRow("join-deadlock") << u"join-deadlock"_s << QStringList{} << 3.0;
    QTest::newRow("join-deadlock drained") << u"join-deadlock"_s << QStringList{u"drain_first=true"_s} << 3.0;
    QTest::newRow("race") << u"race"_s << QStringList{} << 3.0;
    QTest::newRow("race locked") << u"race"_s << QStringList{u"locked=true"_s} << 4.0;
    QTest::newRow("isolation processes") << u"isolation"_s << QStringList{} << 2.5;
    QTest::newRow("isolation threads") << u"isolation"_s << QStringList{u"using=threads"_s} << 2.5;
    QTest::newRow("pool") << u"pool"_s << QStringList{} << 4.5;
    QTest::newRow("cpu-vs-io GIL") << u"cpu-vs-io"_s << QStringList{} << 4.0;
    QTest::newRow("cpu-vs-io no GIL") << u"cpu-vs-io"_s << QStringList{u"gil=false"_s} << 4.0;
    QTest::newRow("cpu-vs-io processes") << u"cpu-vs-io"_s << QStringList{u"using=processes"_s} << 4.0;
    QTest::newRow("cpu-vs-io io with GIL") << u"cpu-vs-io"_s << QStringList{u"work=io"_s} << 3.0;
    QTest::newRow("oversubscribe") << u"oversubscribe"_s << QStringList{} << 4.0;
    QTest::newRow("polling") << u"polling"_s << QStringList{} << 3.5;
}

void tst_ExperimentRuns::showsItsPhenomenon()
{
    QFETCH(QString, id);
    QFETCH(QStringList, settings);
    QFETCH(double, duration);
    const QString log = m_home.filePath(id + u".jsonl"_s);
    QStringList arguments{u"run"_s, id, u"--json"_s, u"--duration"_s, QString::number(duration), u"--log"_s, log};
    for (const QString &setting : std::as_const(settings))
        arguments << u"--set"_s << setting;
    const Result r = run(arguments);

    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QVERIFY2(lines.size() > 3, r.err.constData());
    QSet<int> started;
    QHash<qint64, double> spawned;           // PID → when
    QSet<qint64> sampled;                    // spawned PIDs sampled at least once
    QSet<std::pair<qint64, qint64>> named;   // (PID, TID) of each thread.start
    QList<std::pair<int, double>> ticks;     // each tick's number and time, as the samples show them
    QSet<std::pair<qint64, qint64>> threads; // (PID, TID) of each sampled thread of a spawned process but its main one
    double stoppedAt = -1;
    double firstLiveFigure = -1; // when the first of the experiment's live figures was recorded
    const QStringList liveFigures = m_liveFigures.value(id);
    QVERIFY2(!liveFigures.isEmpty(), "the experiment declares no live figure");
    for (const QByteArray &line : lines) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        QVERIFY2(error.error == QJsonParseError::NoError && document.isObject(), line.constData());
        const QJsonObject event = document.object();
        const QString kind = event.value(u"kind"_s).toString();
        if (kind == u"process.spawn"_s || kind == u"process.reparent"_s || kind == u"thread.start"_s)
            started.insert(event.value(u"pid"_s).toInt());
        const qint64 pid = event.value(u"pid"_s).toInteger();
        const qint64 tid = event.value(u"tid"_s).toInteger();
        if (kind == u"process.spawn"_s) {
            spawned.insert(pid, event.value(u"t"_s).toDouble());
        } else if (kind == u"thread.start"_s) {
            QVERIFY2(!named.contains({pid, tid}), line.constData());
            named.insert({pid, tid});
        }
        if (kind == u"task.sample"_s) {
            const int tick = event.value(u"tick"_s).toInt();
            if (ticks.isEmpty() || ticks.last().first != tick)
                ticks.append({tick, event.value(u"t"_s).toDouble()});
            // Every process the lab starts, a worker's child too, is watched from the tick after its spawn: its
            // first sample is at most one tick after the first tick recorded since then (samples of an unchanged
            // task are recorded every few ticks, so the tick that followed the spawn may not be in the stream).
            if (spawned.contains(pid) && !sampled.contains(pid)) {
                sampled.insert(pid);
                const auto next = std::find_if(ticks.cbegin(), ticks.cend(), [&](const std::pair<int, double> &seen) {
                    return seen.second > spawned.value(pid);
                });
                QVERIFY2(next != ticks.cend() && tick <= next->first + 1,
                         qPrintable(u"PID %1 spawned at %2 s was first sampled at tick %3, %4 s"_s.arg(pid)
                                        .arg(spawned.value(pid)).arg(tick).arg(event.value(u"t"_s).toDouble())));
            }
            if (spawned.contains(pid) && tid != pid)
                threads.insert({pid, tid});
        }
        if (kind == u"experiment.stop"_s)
            stoppedAt = event.value(u"t"_s).toDouble();
        if (kind == u"measure"_s && firstLiveFigure < 0 && liveFigures.contains(event.value(u"name"_s).toString()))
            firstLiveFigure = event.value(u"t"_s).toDouble();
    }
    QVERIFY(!started.isEmpty());
    // A lab process's threads are named (thread.start): the task list and the timeline name them from it, and take
    // the role-less main thread for ProcLab's control loop. (A connected worker's own word may come a tick after
    // the sampler first saw the thread, so this is checked over the whole run.)
    for (const auto &thread : std::as_const(threads))
        QVERIFY2(named.contains(thread), qPrintable(u"thread %1 of PID %2 is never named"_s.arg(thread.second)
                                                        .arg(thread.first)));
    // Everything this run started is gone once `proclab run` has returned (ProcLab reaps before it exits).
    QTRY_VERIFY2_WITH_TIMEOUT(stillAlive(started).isEmpty(), "a lab process outlived its experiment", 2000);
    const QJsonObject summary = QJsonDocument::fromJson(lines.last()).object();
    QCOMPARE(summary.value(u"kind"_s).toString(), u"summary"_s);
    QCOMPARE(summary.value(u"experiment"_s).toString(), id);
    ++m_judged;
    if (summary.value(u"verdict"_s).toString() == u"inconclusive"_s) {
        QCOMPARE(r.status, 3);
        QCOMPARE(r.err.count('\n'), 1);
        m_inconclusive << QString::fromUtf8(QTest::currentDataTag());
        QSKIP(qPrintable(u"inconclusive: "_s + QString::fromUtf8(r.err.trimmed()) + u"; "_s
                         + summary.value(u"detail"_s).toString()));
    }
    // The lesson's figure is in the stream while the run goes on, not only at the stop. (After the verdict: a run
    // that other programs' load made inconclusive may not have reached its first figure in time — the pool's
    // sequential apply mode is a figure only once it has ended.)
    QVERIFY2(firstLiveFigure >= 0, qPrintable(u"no live figure of "_s + liveFigures.join(u", "_s) + u" recorded"_s));
    QVERIFY2(stoppedAt > 0 && firstLiveFigure <= stoppedAt - 0.5,
             qPrintable(u"the first live figure came at %1 s, the stop at %2 s"_s.arg(firstLiveFigure).arg(stoppedAt)));
    QCOMPARE(summary.value(u"verdict"_s).toString(), summary.value(u"observed"_s).toBool() ? u"observed"_s
                                                                                          : u"not_observed"_s);
    QVERIFY2(summary.value(u"observed"_s).toBool(),
             qPrintable(summary.value(u"detail"_s).toString() + u" "_s
                        + QString::fromUtf8(QJsonDocument(summary.value(u"figures"_s).toObject()).toJson())));
    QCOMPARE(r.status, 0);
    QCOMPARE(summary.value(u"log"_s).toString(), log);

    QFile file(log);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject header = QJsonDocument::fromJson(file.readLine()).object();
    QCOMPARE(header.value(u"format"_s).toString(), u"proclab-session"_s);
    QCOMPARE(header.value(u"experiment"_s).toString(), id);
    const QByteArray rest = file.readAll();
    QVERIFY(rest.contains("\"kind\":\"phenomenon\""));
    QVERIFY(rest.contains("\"kind\":\"experiment.stop\""));
}

void tst_ExperimentRuns::oneCoreIsInconclusive_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QStringList>("settings");
    QTest::newRow("pool") << u"pool"_s << QStringList{};
    QTest::newRow("cpu-vs-io GIL") << u"cpu-vs-io"_s << QStringList{};
    QTest::newRow("cpu-vs-io no GIL") << u"cpu-vs-io"_s << QStringList{u"gil=false"_s};
}

// On one core a parallel speed-up cannot show and a GIL's cap cannot be told from the lack of cores: the lesson
// must not come out observed. `taskset -c 0` gives the run one core, as a 1-core machine would.
void tst_ExperimentRuns::oneCoreIsInconclusive()
{
    QFETCH(QString, id);
    QFETCH(QStringList, settings);
    QStringList arguments{u"-c"_s, u"0"_s, QStringLiteral(PROCLAB_BIN_DIR "/proclab"), u"run"_s, id, u"--json"_s,
                          u"--duration"_s, u"3"_s, u"--log"_s, m_home.filePath(id + u"-1core.jsonl"_s)};
    for (const QString &setting : std::as_const(settings))
        arguments << u"--set"_s << setting;
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_s, m_home.path());
    env.insert(u"XDG_DATA_HOME"_s, m_home.path() + u"/data"_s);
    process.setProcessEnvironment(env);
    process.start(u"taskset"_s, arguments);
    QVERIFY2(process.waitForFinished(60000), "taskset proclab run did not end");
    const QByteArray err = process.readAllStandardError();
    const QJsonObject summary = QJsonDocument::fromJson(process.readAllStandardOutput().trimmed().split('\n').last())
                                    .object();
    QCOMPARE(summary.value(u"verdict"_s).toString(), u"inconclusive"_s);
    QCOMPARE(summary.value(u"observed"_s).toBool(), false);
    QCOMPARE(process.exitCode(), 3);
    QCOMPARE(err.count('\n'), 1);
    QVERIFY2(err.contains("needs 2 free cores"), err.constData());
}

void tst_ExperimentRuns::listsTheCatalogue()
{
    const Result r = run({u"list"_s, u"--json"_s});
    QCOMPARE(r.status, 0);
    const QJsonArray list = QJsonDocument::fromJson(r.out).array();
    QCOMPARE(list.size(), 13);
    QStringList ids;
    for (const QJsonValue &entry : list) {
        const QJsonObject experiment = entry.toObject();
        ids << experiment.value(u"id"_s).toString();
        QVERIFY(!experiment.value(u"title"_s).toString().isEmpty());
        for (const QJsonValue &parameter : experiment.value(u"parameters"_s).toArray()) {
            const QJsonObject p = parameter.toObject();
            QVERIFY(p.contains(u"name"_s) && p.contains(u"type"_s) && p.contains(u"default"_s));
        }
    }
    QCOMPARE(ids.first(), u"pc-threads"_s);
    QVERIFY(ids.contains(u"polling"_s));
    const Result text = run({u"list"_s});
    QCOMPARE(text.status, 0);
    QVERIFY(text.out.contains("--set producers=2"));
}

void tst_ExperimentRuns::refusesBadInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("mentions");
    QTest::newRow("no id") << QStringList{u"run"_s} << QByteArray("allowed: pc-threads");
    QTest::newRow("unknown id") << QStringList{u"run"_s, u"nope"_s} << QByteArray("allowed: pc-threads");
    QTest::newRow("unknown key") << QStringList{u"run"_s, u"race"_s, u"--set"_s, u"speed=3"_s}
                                 << QByteArray("allowed: threads, race_ms, locked");
    QTest::newRow("out of range") << QStringList{u"run"_s, u"deadlock"_s, u"--set"_s, u"threads=9"_s}
                                  << QByteArray("from 2 to 5");
    QTest::newRow("wrong type") << QStringList{u"run"_s, u"race"_s, u"--set"_s, u"locked=perhaps"_s}
                                << QByteArray("true or false");
    QTest::newRow("bad choice") << QStringList{u"run"_s, u"pc-processes"_s, u"--set"_s, u"channel=socket"_s}
                                << QByteArray("shm, pipe");
    QTest::newRow("negative duration") << QStringList{u"run"_s, u"race"_s, u"--duration"_s, u"-1"_s}
                                       << QByteArray("from 0 to 86400");
    QTest::newRow("interval") << QStringList{u"run"_s, u"race"_s, u"--interval"_s, u"10"_s}
                              << QByteArray("from 50 to 5000");
    QTest::newRow("unknown option") << QStringList{u"run"_s, u"race"_s, u"--fast"_s} << QByteArray("allowed:");
    QTest::newRow("unwritable log") << QStringList{u"run"_s, u"race"_s, u"--log"_s, u"/nonexistent/dir/x.jsonl"_s}
                                    << QByteArray("cannot write");
    QTest::newRow("list option") << QStringList{u"list"_s, u"--yaml"_s} << QByteArray("--json");
    QTest::newRow("list argument") << QStringList{u"list"_s, u"extra"_s} << QByteArray("extra");
}

void tst_ExperimentRuns::refusesBadInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, mentions);
    const Result r = run(arguments, 20000);
    QCOMPARE(r.status, 2);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY2(r.err.contains(mentions), r.err.constData());
    // An experiment prints its events on stdout from its first spawn on: nothing printed, nothing started.
}

QTEST_GUILESS_MAIN(tst_ExperimentRuns)
#include "tst_experimentruns.moc"
