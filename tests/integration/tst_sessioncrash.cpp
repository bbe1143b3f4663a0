// Crash safety of SessionRecorder: a recording process SIGKILLed 4 s in leaves a file whose last event is at most
// 0.5 s older than the kill (wall clock: start_unix + t), and that file still reads and exports.
#include "session/CsvExporter.h"
#include "session/HtmlReportExporter.h"
#include "session/JsonlExporter.h"
#include "session/SessionReader.h"

#include <QDateTime>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

using namespace Qt::Literals::StringLiterals;

class tst_SessionCrash : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup();
    void sigkillLosesAtMostHalfASecond();

private:
    QProcess m_helper;
    QTemporaryDir m_dir;
};

void tst_SessionCrash::cleanup()
{
    if (m_helper.state() != QProcess::NotRunning) {
        m_helper.kill();
        m_helper.waitForFinished(5000);
    }
    QCOMPARE(m_helper.state(), QProcess::NotRunning);
}

void tst_SessionCrash::sigkillLosesAtMostHalfASecond()
{
    const QString path = m_dir.filePath(u"crash.jsonl"_s);
    m_helper.start(QStringLiteral(PROCLAB_TESTS_DIR "/session_record_helper"), {path});
    QVERIFY2(m_helper.waitForStarted(5000), qPrintable(m_helper.errorString()));
    QByteArray said;
    QTRY_VERIFY2_WITH_TIMEOUT(
        (said += m_helper.readAllStandardOutput()).contains("recording"),
        qPrintable(u"helper said: "_s + QString::fromUtf8(said + m_helper.readAllStandardError())), 5000);
    const qint64 pid = m_helper.processId();

    // The scenario, not an assertion: let it record for 4 s.
    QTest::qWait(4000);
    QCOMPARE(m_helper.state(), QProcess::Running);
    const double killedAt = double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
    QCOMPARE(::kill(pid_t(pid), SIGKILL), 0);
    QVERIFY(m_helper.waitForFinished(5000));
    QCOMPARE(m_helper.exitStatus(), QProcess::CrashExit);
    // Reaped by QProcess: no zombie left behind.
    QVERIFY(!QFileInfo::exists(u"/proc/%1"_s.arg(pid)));

    SessionReader reader;
    QVERIFY2(reader.open(path), qPrintable(reader.errorString()));
    SessionEvent event;
    SessionEvent last;
    qint64 count = 0;
    while (reader.next(&event)) {
        last = event;
        ++count;
    }
    QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
    const double lastAt = reader.header().startUnix + last.t;
    qInfo("%lld events; the last one %.3f s before the kill%s", count, killedAt - lastAt,
          reader.isTruncated() ? " (last line cut short)" : "");
    // About 2000 events a second for 4 s; a loaded machine may run the helper slower, never ten times slower.
    QVERIFY2(count > 800, qPrintable(QString::number(count)));
    QVERIFY2(killedAt - lastAt <= 0.5, qPrintable(u"%1 s lost"_s.arg(killedAt - lastAt)));
    QVERIFY(lastAt <= killedAt + 0.05);

    // And the file exports, in every format.
    for (const QString &format : {u"jsonl"_s, u"csv"_s, u"html"_s}) {
        SessionReader again;
        QVERIFY(again.open(path));
        std::unique_ptr<SessionExporter> exporter = SessionExporter::create(format);
        const QString out = m_dir.filePath(u"crash-export."_s + format);
        QVERIFY2(exporter->exportTo(again, out), qPrintable(exporter->errorString()));
        QVERIFY(QFileInfo(out).size() > 0);
    }
}

QTEST_GUILESS_MAIN(tst_SessionCrash)
#include "tst_sessioncrash.moc"
