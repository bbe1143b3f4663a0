// `proclab run cpu-vs-io --set lang=python`: the lesson on real python3 threads. The figure "about one core,
// however many threads" is measured (cores_used from the kernel's counters), the GIL read by the GIL sampler
// gives each thread a share, and the shares of the workers add up to about one; with a process each, each has
// its own GIL and together they use more than one core. Load can break the lower bounds: then the run says
// inconclusive (exit 3) and the test skips rather than fails.
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::Literals::StringLiterals;

class tst_PythonLesson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void threadsShareOneGil();
    void processesHaveOneEach();

private:
    struct Run
    {
        int status = -1;
        QList<QJsonObject> events;
        QByteArray err;
        QJsonObject summary;
    };
    Run run(const QStringList &settings, const QString &log = {});
    QString m_proclab = QStringLiteral(PROCLAB_BIN_DIR "/proclab");
    QTemporaryDir m_dir;
};

void tst_PythonLesson::initTestCase()
{
    if (!QFileInfo(u"/usr/bin/python3"_s).isExecutable())
        QSKIP("/usr/bin/python3 is not installed");
    QVERIFY(m_dir.isValid());
}

tst_PythonLesson::Run tst_PythonLesson::run(const QStringList &settings, const QString &log)
{
    QProcess proclab;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"HOME"_s, m_dir.path());
    proclab.setProcessEnvironment(environment);
    QStringList arguments{u"run"_s, u"cpu-vs-io"_s, u"--json"_s, u"--duration"_s, u"4"_s, u"--set"_s, u"lang=python"_s};
    for (const QString &setting : settings)
        arguments << u"--set"_s << setting;
    if (!log.isEmpty())
        arguments << u"--log"_s << log;
    proclab.start(m_proclab, arguments);
    Run result;
    if (!proclab.waitForFinished(30000))
        return result;
    result.status = proclab.exitCode();
    result.err = proclab.readAllStandardError();
    for (const QByteArray &line : proclab.readAllStandardOutput().split('\n')) {
        const QJsonObject event = QJsonDocument::fromJson(line).object();
        if (event.value(u"kind"_s).toString() == u"summary"_s)
            result.summary = event;
        else if (!event.isEmpty())
            result.events << event;
    }
    // Every python3 the run started is gone once `proclab run` has returned.
    for (const QJsonObject &event : std::as_const(result.events)) {
        if (event.value(u"kind"_s).toString() == u"process.spawn"_s)
            QTest::qVerify(::kill(event.value(u"pid"_s).toInt(), 0) != 0, "python3 left", "", __FILE__, __LINE__);
    }
    return result;
}

void tst_PythonLesson::threadsShareOneGil()
{
    const QString log = m_dir.filePath(u"threads.jsonl"_s);
    const Run r = run({u"workers=3"_s}, log);
    QVERIFY2(r.status >= 0, "proclab run did not finish");
    QSet<qint64> workers;
    QJsonObject gil;
    double coresUsed = -1;
    int gilSamples = 0;
    int waitingForGil = 0;
    for (const QJsonObject &event : r.events) {
        const QString kind = event.value(u"kind"_s).toString();
        if (kind == u"process.spawn"_s)
            QCOMPARE(event.value(u"role"_s).toString(), u"python"_s);
        if (kind == u"thread.start"_s && event.value(u"role"_s).toString() == u"cpu"_s)
            workers.insert(event.value(u"tid"_s).toInteger());
        if (kind == u"python.interpreter"_s)
            QCOMPARE(event.value(u"gil"_s).toString(), u"shown"_s);
        if (kind == u"python.gil"_s)
            gil = event;
        if (kind == u"measure"_s && event.value(u"name"_s).toString() == u"cores_used"_s)
            coresUsed = event.value(u"value"_s).toDouble();
        if (kind == u"task.sample"_s && workers.contains(event.value(u"tid"_s).toInteger())) {
            gilSamples += event.contains(u"gil"_s);
            waitingForGil += event.value(u"reason"_s).toString() == u"waiting for the GIL"_s;
        }
    }
    QCOMPARE(workers.size(), 3);
    QVERIFY2(coresUsed >= 0, "no live cores_used figure");
    QVERIFY2(gilSamples > 0, "no gil share in the workers' samples");
    QVERIFY2(waitingForGil > 0, "no worker was seen waiting for the GIL");
    QVERIFY2(!gil.isEmpty(), "no python.gil summary");
    double sum = 0;
    int holders = 0;
    for (const QJsonValue &thread : gil.value(u"threads"_s).toArray()) {
        if (!workers.contains(thread.toObject().value(u"tid"_s).toInteger()))
            continue;
        sum += thread.toObject().value(u"gil"_s).toDouble();
        holders += thread.toObject().value(u"gil"_s).toDouble() > 0.05;
    }
    qInfo("cores used %.2f, GIL shares of the workers %.3f, %d holders, hand-overs %lld", coresUsed, sum, holders,
          gil.value(u"handovers"_s).toInteger());
    QVERIFY2(sum <= 1.001, "GIL shares add up to more than one");

    // The HTML report of the same session: a GIL section for the process, each worker's share, and the SVG band
    // with a stretch held by each thread that held it.
    QProcess exporter;
    const QString page = m_dir.filePath(u"threads.html"_s);
    exporter.start(m_proclab, {u"export"_s, log, u"--format"_s, u"html"_s, u"--output"_s, page});
    QVERIFY(exporter.waitForFinished(20000));
    QCOMPARE(exporter.exitCode(), 0);
    QFile file(page);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString html = QString::fromUtf8(file.readAll());
    const qint64 pid = gil.value(u"pid"_s).toInteger();
    QVERIFY2(html.contains(u"<h2>The GIL of process %1</h2>"_s.arg(pid)), "no GIL section in the report");
    const qsizetype section = html.indexOf(u"<section class=\"gil\">"_s);
    QVERIFY(section >= 0);
    const QString gilSection = html.mid(section, html.indexOf(u"</section>"_s, section) - section);
    QVERIFY(gilSection.contains(u"<svg"_s) && gilSection.contains(u"class=\"gil\""_s));
    for (const qint64 tid : std::as_const(workers))
        QVERIFY2(gilSection.contains(u"TID %1 held the GIL"_s.arg(tid)) || !gilSection.contains(u">%1<"_s.arg(tid)),
                 "a worker in the table has no band");
    QVERIFY(gilSection.count(u"class=\"held\""_s) >= 2);
    const QJsonObject figures = r.summary.value(u"figures"_s).toObject();
    // One GIL: never more than about one core, whatever the load.
    QVERIFY2(figures.value(u"cores_used"_s).toDouble() <= 1.15, r.summary.value(u"detail"_s).toString().toUtf8());
    if (r.status == 3)
        QSKIP(qPrintable(u"inconclusive: "_s + QString::fromUtf8(r.err.trimmed())));
    QVERIFY2(r.status == 0, qPrintable(r.summary.value(u"detail"_s).toString() + u' ' + QString::fromUtf8(r.err)));
    QVERIFY(sum >= 0.8);
    QVERIFY(holders >= 2);
    QCOMPARE(figures.value(u"gil_holders"_s).toInt(), holders);
}

void tst_PythonLesson::processesHaveOneEach()
{
    const Run r = run({u"workers=2"_s, u"using=processes"_s});
    QVERIFY2(r.status >= 0, "proclab run did not finish");
    int summaries = 0;
    for (const QJsonObject &event : r.events) {
        if (event.value(u"kind"_s).toString() == u"python.gil"_s) {
            ++summaries;
            QVERIFY(event.value(u"held"_s).toDouble() >= 0.8); // a CPU-bound thread holds its own GIL throughout
        }
    }
    QCOMPARE(summaries, 2);
    if (r.status == 3)
        QSKIP(qPrintable(u"inconclusive: "_s + QString::fromUtf8(r.err.trimmed())));
    QVERIFY2(r.status == 0, qPrintable(r.summary.value(u"detail"_s).toString() + u' ' + QString::fromUtf8(r.err)));
    QVERIFY(r.summary.value(u"figures"_s).toObject().value(u"cores_used"_s).toDouble() > 1.2);
}

QTEST_GUILESS_MAIN(tst_PythonLesson)
#include "tst_pythonlesson.moc"
