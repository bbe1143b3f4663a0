// `proclab exec` of a threaded python3.11 program: the GIL in the session — python.interpreter, a gil share in the
// spinners' task.sample, "waiting for the GIL" for the one that waits, python.gil at the end, and the gil column
// of the CSV task table.
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_GilExec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sessionCarriesTheGil();

private:
    QString m_proclab = QStringLiteral(PROCLAB_BIN_DIR "/proclab");
    QString m_python = u"/usr/bin/python3.11"_s;
    QTemporaryDir m_dir;
};

void tst_GilExec::initTestCase()
{
    if (!QFileInfo(m_python).isExecutable())
        QSKIP("/usr/bin/python3.11 is not installed (Debian's python3.11)");
    QVERIFY(m_dir.isValid());
}

void tst_GilExec::sessionCarriesTheGil()
{
    const QString log = m_dir.filePath(u"gil.jsonl"_s);
    QProcess proclab;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"HOME"_s, m_dir.path());
    proclab.setProcessEnvironment(environment);
    proclab.start(m_proclab, {u"exec"_s, u"--json"_s, u"--interval"_s, u"50"_s, u"--log"_s, log, u"--"_s, m_python,
                              QStringLiteral(PROCLAB_FIXTURES_DIR "/python/gil_cpu_threads.py"), u"4"_s, u"3"_s});
    QVERIFY(proclab.waitForFinished(30000));
    QCOMPARE(proclab.exitCode(), 0);
    QList<int> spinners;
    for (const QByteArray &line : proclab.readAllStandardError().split('\n')) {
        if (line.startsWith("thread "))
            spinners << line.mid(7).trimmed().toInt();
    }
    QCOMPARE(spinners.size(), 3); // three: at any moment two of them wait, even on a busy machine

    QJsonObject interpreter;
    QJsonObject summary;
    QHash<int, int> gilSamples;
    int spinnerGilWaits = 0;
    int mainGilWaits = 0;
    for (const QByteArray &line : proclab.readAllStandardOutput().split('\n')) {
        const QJsonObject event = QJsonDocument::fromJson(line).object();
        const QString kind = event.value(u"kind"_s).toString();
        if (kind == u"python.interpreter"_s)
            interpreter = event;
        if (kind == u"python.gil"_s)
            summary = event;
        const int tid = event.value(u"tid"_s).toInt();
        if (kind == u"task.sample"_s && event.contains(u"gil"_s)) {
            const double gil = event.value(u"gil"_s).toDouble(-1);
            QVERIFY2(gil >= 0 && gil <= 1, line.constData());
            ++gilSamples[tid];
        }
        const QString reason = event.value(kind == u"task.state"_s || kind == u"task.sample"_s ? u"reason"_s : u"-"_s)
                                   .toString();
        if (reason == u"waiting for the GIL"_s) {
            if (spinners.contains(tid))
                ++spinnerGilWaits;
            else
                ++mainGilWaits;
        }
    }
    QCOMPARE(interpreter.value(u"gil"_s).toString(), u"shown"_s);
    QCOMPARE(interpreter.value(u"version"_s).toString(), u"3.11"_s);
    for (int tid : spinners)
        QVERIFY2(gilSamples.value(tid) > 0, qPrintable(u"no gil share for %1"_s.arg(tid)));
    QVERIFY2(spinnerGilWaits > 0, "no spinner was seen waiting for the GIL");
    Q_UNUSED(mainGilWaits); // the main thread may wait for the GIL too, once, on its way back from start()

    QVERIFY(!summary.isEmpty());
    QVERIFY(summary.value(u"reads"_s).toInteger() > 100);
    QVERIFY(summary.value(u"handovers"_s).toInteger() > 0);
    double spinnerShares = 0;
    for (const QJsonValue &value : summary.value(u"threads"_s).toArray()) {
        const QJsonObject thread = value.toObject();
        if (spinners.contains(thread.value(u"tid"_s).toInt()))
            spinnerShares += thread.value(u"gil"_s).toDouble();
    }
    QVERIFY2(spinnerShares > 0.8 && spinnerShares <= 1.0, qPrintable(QString::number(spinnerShares)));

    // The CSV task table carries the share.
    const QString csv = m_dir.filePath(u"gil.csv"_s);
    QProcess exporter;
    exporter.start(m_proclab, {u"export"_s, log, u"--format"_s, u"csv"_s, u"--output"_s, csv});
    QVERIFY(exporter.waitForFinished(30000));
    QCOMPARE(exporter.exitCode(), 0);
    QFile tasks(m_dir.filePath(u"gil.tasks.csv"_s));
    QVERIFY(tasks.open(QIODevice::ReadOnly));
    const QList<QByteArray> rows = tasks.readAll().split('\n');
    QVERIFY(rows.value(0).trimmed().endsWith(",gil"));
    int withGil = 0;
    for (const QByteArray &row : rows.mid(1)) {
        const QByteArray cells = row.trimmed();
        if (!cells.isEmpty() && !cells.endsWith(','))
            ++withGil; // the last cell, gil, is not empty
    }
    QVERIFY(withGil > 0);
}

QTEST_GUILESS_MAIN(tst_GilExec)
#include "tst_gilexec.moc"
