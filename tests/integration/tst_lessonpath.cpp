// The lesson path from the command line, on real lab threads: `proclab run --predict N` records the learner's
// choice, the run's own figures decide whether it was right, the run goes into the learner's journal, and
// `proclab path` shows it in path order (text, --json, --html). The race is stepped (--schedule) so that its
// figures are known: 1,2,1,2 loses one of two updates (choice 2, "some updates are lost"), 1,1,2,2 none (choice
// 1). A choice out of range is bad input. Nothing of a run is left behind.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::Literals::StringLiterals;

class tst_LessonPath : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void predictionIsJudgedByTheFigures_data();
    void predictionIsJudgedByTheFigures();
    void pathShowsTheJournalInOrder();
    void choiceOutOfRangeIsBadInput();

private:
    struct Output
    {
        int exitCode = -1;
        QByteArray out;
        QString err;
    };
    Output proclab(const QStringList &arguments);
    QJsonObject lastOf(const QByteArray &jsonLines, const QString &kind);
    QString journalPath() const { return m_home->path() + u"/data/proclab/lesson-journal.jsonl"_s; }
    std::unique_ptr<QTemporaryDir> m_home;
};

void tst_LessonPath::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
}

tst_LessonPath::Output tst_LessonPath::proclab(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_s, m_home->path());
    env.insert(u"XDG_DATA_HOME"_s, m_home->path() + u"/data"_s);
    env.insert(u"LANGUAGE"_s, u"en"_s);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(PROCLAB_BIN_DIR "/proclab"), arguments);
    Output output;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return output;
    }
    output.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    output.out = process.readAllStandardOutput();
    output.err = QString::fromUtf8(process.readAllStandardError());
    return output;
}

QJsonObject tst_LessonPath::lastOf(const QByteArray &jsonLines, const QString &kind)
{
    QJsonObject found;
    for (const QByteArray &line : jsonLines.split('\n')) {
        const QJsonObject event = QJsonDocument::fromJson(line).object();
        if (event.value(u"kind"_s).toString() == kind)
            found = event;
    }
    return found;
}

void tst_LessonPath::predictionIsJudgedByTheFigures_data()
{
    QTest::addColumn<QString>("schedule");
    QTest::addColumn<int>("predict");   // 1-based, as typed
    QTest::addColumn<int>("proved");    // 0-based, as recorded
    QTest::addColumn<bool>("right");
    QTest::newRow("lost, predicted lost") << u"1,2,1,2"_s << 2 << 1 << true;
    QTest::newRow("lost, predicted exact") << u"1,2,1,2"_s << 1 << 1 << false;
    QTest::newRow("none lost, predicted exact") << u"1,1,2,2"_s << 1 << 0 << true;
}

void tst_LessonPath::predictionIsJudgedByTheFigures()
{
    QFETCH(QString, schedule);
    QFETCH(int, predict);
    QFETCH(int, proved);
    QFETCH(bool, right);
    const Output run = proclab({u"run"_s, u"race"_s, u"--set"_s, u"threads=2"_s, u"--schedule"_s, schedule,
                                u"--predict"_s, QString::number(predict), u"--json"_s});
    QVERIFY2(run.exitCode == 0 || run.exitCode == 1, qPrintable(run.err));
    // The figures decide: the counter's lost updates, not the schedule's name.
    const QJsonObject summary = lastOf(run.out, u"summary"_s);
    const double lost = summary.value(u"figures"_s).toObject().value(u"lost_updates"_s).toDouble(-1);
    QCOMPARE(lost > 0, proved == 1);
    QCOMPARE(summary.value(u"answer"_s).toInt(-1), proved);
    QCOMPARE(summary.value(u"predicted"_s).toInt(-1), predict - 1);
    QCOMPARE(summary.value(u"right"_s).toBool(!right), right);
    // The recording says so too: the choice in experiment.start, the judgement in the phenomenon.
    const QJsonObject start = lastOf(run.out, u"experiment.start"_s);
    QCOMPARE(start.value(u"prediction"_s).toObject().value(u"choice"_s).toInt(-1), predict - 1);
    const QJsonObject phenomenon = lastOf(run.out, u"phenomenon"_s);
    QCOMPARE(phenomenon.value(u"right"_s).toBool(!right), right);

    // The journal holds the run, private to the learner.
    QFile journal(journalPath());
    QVERIFY2(journal.open(QIODevice::ReadOnly), qPrintable(journalPath()));
    const QList<QByteArray> lines = journal.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 1);
    const QJsonObject attempt = QJsonDocument::fromJson(lines.first()).object();
    QCOMPARE(attempt.value(u"experiment"_s).toString(), u"race"_s);
    QCOMPARE(attempt.value(u"predicted"_s).toInt(-2), predict - 1);
    QCOMPARE(attempt.value(u"answer"_s).toInt(-2), proved);
    struct stat st {};
    QCOMPARE(::stat(QFile::encodeName(journalPath()).constData(), &st), 0);
    QCOMPARE(st.st_mode & 0777, mode_t(0600));

    // The sentence a person reads.
    const Output text = proclab({u"run"_s, u"race"_s, u"--set"_s, u"threads=2"_s, u"--schedule"_s, schedule,
                                 u"--predict"_s, QString::number(predict)});
    QVERIFY2(text.out.contains(right ? "right." : "not quite."), text.out.constData());
}

void tst_LessonPath::pathShowsTheJournalInOrder()
{
    // Nothing run yet: every experiment of the path, none run.
    Output path = proclab({u"path"_s, u"--json"_s});
    QCOMPARE(path.exitCode, 0);
    QJsonArray stages = QJsonDocument::fromJson(path.out).object().value(u"stages"_s).toArray();
    QCOMPARE(stages.size(), 9);
    QStringList order;
    for (const QJsonValue &stage : std::as_const(stages))
        for (const QJsonValue &step : stage.toObject().value(u"experiments"_s).toArray()) {
            order << step.toObject().value(u"experiment"_s).toString();
            QCOMPARE(step.toObject().value(u"outcome"_s).toString(), u"not_run"_s);
        }
    QCOMPARE(order.size(), 13);
    QCOMPARE(order.first(), u"orphan"_s);
    QCOMPARE(order.last(), u"polling"_s);
    QVERIFY(order.indexOf(u"cpu-vs-io"_s) < order.indexOf(u"pool"_s));
    QVERIFY(order.indexOf(u"race"_s) < order.indexOf(u"zombie"_s));

    // Two races: the path shows the newest, and counts both.
    QVERIFY(proclab({u"run"_s, u"race"_s, u"--set"_s, u"threads=2"_s, u"--schedule"_s, u"1,1,2,2"_s, u"--predict"_s,
                     u"2"_s}).exitCode >= 0);
    QVERIFY(proclab({u"run"_s, u"race"_s, u"--set"_s, u"threads=2"_s, u"--schedule"_s, u"1,2,1,2"_s, u"--predict"_s,
                     u"2"_s}).exitCode >= 0);
    // A hostile line in the journal is left out and said, not shown.
    {
        QFile journal(journalPath());
        QVERIFY(journal.open(QIODevice::Append));
        journal.write("{\"when\":1,\"experiment\":\"<script>\",\"predicted\":0,\"answer\":0,\"verdict\":\"observed\"}\n");
        journal.write("not json at all\n");
    }
    path = proclab({u"path"_s, u"--json"_s});
    QCOMPARE(path.exitCode, 0);
    QVERIFY2(path.err.contains(u"2 line(s)"_s), qPrintable(path.err));
    stages = QJsonDocument::fromJson(path.out).object().value(u"stages"_s).toArray();
    QJsonObject race;
    for (const QJsonValue &stage : std::as_const(stages))
        for (const QJsonValue &step : stage.toObject().value(u"experiments"_s).toArray())
            if (step.toObject().value(u"experiment"_s).toString() == u"race"_s)
                race = step.toObject();
    QCOMPARE(race.value(u"runs"_s).toInt(), 2);
    QCOMPARE(race.value(u"right"_s).toInt(), 1);
    QCOMPARE(race.value(u"outcome"_s).toString(), u"right"_s);
    QCOMPARE(race.value(u"last"_s).toObject().value(u"answer_text"_s).toString(),
             u"Short of it: some updates are lost"_s);

    // The page for the teacher: self-contained, the learner's name escaped, the run in it.
    const QString page = m_home->path() + u"/path.html"_s;
    const Output html = proclab({u"path"_s, u"--html"_s, page, u"--learner"_s, u"Ada <b>L</b>"_s});
    QCOMPARE(html.exitCode, 0);
    QFile file(page);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    QVERIFY(text.contains(u"Ada &lt;b&gt;L&lt;/b&gt;"_s));
    QVERIFY(!text.contains(u"<script"_s));
    QVERIFY(!text.contains(u"http://"_s) && !text.contains(u"https://"_s));
    QVERIFY(text.contains(u"Short of it: some updates are lost"_s));
    QVERIFY(text.contains(u"Locks and races"_s));
    QVERIFY(text.indexOf(u"Processes and programs"_s) < text.indexOf(u"Blocking versus polling"_s));
}

void tst_LessonPath::choiceOutOfRangeIsBadInput()
{
    for (const QString &choice : {u"0"_s, u"4"_s, u"x"_s, u"1.5"_s}) {
        const Output run = proclab({u"run"_s, u"race"_s, u"--duration"_s, u"1"_s, u"--predict"_s, choice});
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.err.trimmed().count(u'\n'), 0);
        QVERIFY2(run.err.contains(u"--predict"_s) && run.err.contains(u"1 (At exactly"_s), qPrintable(run.err));
    }
    QVERIFY(!QFile::exists(journalPath()));
    const Output path = proclab({u"path"_s, u"--learner"_s, QString(81, u'x')});
    QCOMPARE(path.exitCode, 2);
}

QTEST_MAIN(tst_LessonPath)
#include "tst_lessonpath.moc"
