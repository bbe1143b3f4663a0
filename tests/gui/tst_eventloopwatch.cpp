// EventLoopWatch: a blocked event loop is seen as a late timeout of the right size, and the report is one JSON line.
#include "startup/EventLoopWatch.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Qt::Literals::StringLiterals;

class tst_EventLoopWatch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void blockedLoopIsMeasured_data();
    void blockedLoopIsMeasured();
    void reportIsOneJsonLine();
    void unwritableReportIsRefused();
    void unsetVariableMeansNoWatch();

private:
    // Runs the event loop for `ms`, so the watch's timer gets its timeouts.
    static void spin(int ms)
    {
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < ms)
            QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 5);
    }
};

void tst_EventLoopWatch::blockedLoopIsMeasured_data()
{
    QTest::addColumn<int>("blockMs");
    QTest::addColumn<int>("blocks");
    QTest::newRow("one block of 150 ms") << 150 << 1;
    QTest::newRow("two blocks of 250 ms") << 250 << 2;
}

void tst_EventLoopWatch::blockedLoopIsMeasured()
{
    QFETCH(int, blockMs);
    QFETCH(int, blocks);
    EventLoopWatch watch;
    watch.start();
    spin(100);
    for (int i = 0; i < blocks; ++i) {
        // The GUI thread busy elsewhere: the timer cannot fire until it comes back.
        QThread::msleep(blockMs);
        spin(100);
    }
    QVERIFY(watch.ticks() > 0);
    // The timeout after a block comes at least the block late, less one interval (the block may start just after
    // a timeout); a loaded machine can only make it later.
    QVERIFY2(watch.maxLateMs() >= blockMs - EventLoopWatch::IntervalMs, qPrintable(QString::number(watch.maxLateMs())));
    QVERIFY(watch.stallsOver(blockMs - EventLoopWatch::IntervalMs - 1) >= blocks);
    QVERIFY(watch.percentileMs(1.0) >= watch.percentileMs(0.5));
    if (watch.maxLateMs() < 2000) // within the histogram, the whole of it ends at the maximum
        QCOMPARE(watch.percentileMs(1.0), watch.maxLateMs());
    const QJsonObject report = QJsonDocument::fromJson(watch.reportLine()).object();
    QVERIFY(report.value(u"over_100ms"_s).toInt() >= blocks);
    QCOMPARE(report.value(u"stalls"_s).toArray().size(), report.value(u"over_100ms"_s).toInt());
}

void tst_EventLoopWatch::reportIsOneJsonLine()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"stalls.json"_s);
    EventLoopWatch watch(path);
    watch.start();
    spin(200);
    QVERIFY(watch.writeReport());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QCOMPARE(text.count('\n'), 1);
    QVERIFY(text.endsWith('\n'));
    QJsonParseError error;
    const QJsonObject report = QJsonDocument::fromJson(text, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(report.value(u"probe"_s).toString(), u"event-loop"_s);
    QCOMPARE(report.value(u"timer_ms"_s).toInt(), EventLoopWatch::IntervalMs);
    QVERIFY(report.value(u"ticks"_s).toInteger() > 0);
    for (const auto key : {u"late_max_ms", u"late_p50_ms", u"late_p99_ms", u"first_tick_ms", u"seconds"})
        QVERIFY2(report.value(QString::fromUtf16(key)).isDouble(), qPrintable(QString::fromUtf16(key)));
    QVERIFY(report.value(u"late_p99_ms"_s).toDouble() <= report.value(u"late_max_ms"_s).toDouble());
}

void tst_EventLoopWatch::unwritableReportIsRefused()
{
    qputenv("PROCLAB_STALL_REPORT", "/nonexistent-dir/stalls.json");
    const std::unique_ptr<EventLoopWatch> watch = EventLoopWatch::fromEnvironment();
    qunsetenv("PROCLAB_STALL_REPORT");
    QVERIFY(!watch);
}

void tst_EventLoopWatch::unsetVariableMeansNoWatch()
{
    qunsetenv("PROCLAB_STALL_REPORT");
    QVERIFY(!EventLoopWatch::fromEnvironment());
}

QTEST_GUILESS_MAIN(tst_EventLoopWatch)
#include "tst_eventloopwatch.moc"
