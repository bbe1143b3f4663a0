// SnapshotFormatter: the hand-written JSON line must be valid JSON with the keys of the CLI contract, whatever
// the thread names hold; the summary counts tasks by state.
#include "SnapshotFormatter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {
Snapshot sampleSnapshot(const QString &name)
{
    Snapshot s;
    s.intervalS = 0.1;
    CpuLoad c0;
    c0.core = 0;
    c0.busy = 0.75;
    c0.user = 0.5;
    c0.system = 0.25;
    c0.steal = 0.01;
    s.cpus = {c0};
    ProcessSample p;
    p.pid = 40;
    p.ppid = 1;
    p.name = name;
    p.cmdline = {u"/bin/x"_s, name};
    p.rssKb = 1234;
    p.threads = 2;
    p.stat = 'S';
    s.processes = {p};
    TaskSample a;
    a.pid = 40;
    a.tid = 40;
    a.ppid = 1;
    a.name = name;
    a.stat = 'R';
    a.state = TaskState::Ready;
    a.running = 0.49;
    a.ready = 0.51;
    a.core = 1;
    TaskSample b = a;
    b.tid = 41;
    b.stat = 'S';
    b.state = TaskState::Blocked;
    b.running = 0;
    b.ready = 0;
    b.blocked = 1;
    b.reason = u"reading a pipe"_s;
    b.reasonSource = u"syscall"_s;
    s.tasks = {a, b};
    return s;
}
} // namespace

class tst_SnapshotFormatter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void jsonLine_data();
    void jsonLine();
    void summary();
    void table();
};

void tst_SnapshotFormatter::jsonLine_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("plain") << u"worker"_s;
    QTest::newRow("paren") << u"a ) (b"_s;
    QTest::newRow("quote and backslash") << u"say \"hi\" \\o/"_s;
    QTest::newRow("newline and tab") << u"new\nline\tx"_s;
    QTest::newRow("control") << QString(u"a"_s + QChar(1) + u"b"_s);
    QTest::newRow("chinese") << u"生产者-3"_s;
    QTest::newRow("replacement char") << QString::fromUtf8("bad\xff");
}

void tst_SnapshotFormatter::jsonLine()
{
    QFETCH(QString, name);
    const QByteArray line = SnapshotFormatter::jsonLine(sampleSnapshot(name), 1.25);
    QVERIFY(!line.contains('\n'));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(line, &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString() + u" in "_s + QString::fromUtf8(line)));
    const QJsonObject o = document.object();
    QCOMPARE(o.value(u"t"_s).toDouble(), 1.25);
    const QJsonObject cpu = o.value(u"cpus"_s).toArray().at(0).toObject();
    QCOMPARE(cpu.value(u"core"_s).toInt(), 0);
    QCOMPARE(cpu.value(u"busy"_s).toDouble(), 0.75);
    for (const QString &key : {u"user"_s, u"system"_s, u"iowait"_s, u"steal"_s})
        QVERIFY2(cpu.contains(key), qPrintable(key));
    const QJsonArray tasks = o.value(u"tasks"_s).toArray();
    QCOMPARE(tasks.size(), 2);
    const QJsonObject a = tasks.at(0).toObject();
    QCOMPARE(a.value(u"pid"_s).toInt(), 40);
    QCOMPARE(a.value(u"tid"_s).toInt(), 40);
    QCOMPARE(a.value(u"ppid"_s).toInt(), 1);
    QCOMPARE(a.value(u"name"_s).toString(), name);
    QCOMPARE(a.value(u"stat"_s).toString(), u"R"_s);
    QCOMPARE(a.value(u"state"_s).toString(), u"ready"_s);
    QCOMPARE(a.value(u"running"_s).toDouble(), 0.49);
    QCOMPARE(a.value(u"ready"_s).toDouble(), 0.51);
    QCOMPARE(a.value(u"blocked"_s).toDouble(), 0.0);
    QCOMPARE(a.value(u"core"_s).toInt(), 1);
    QVERIFY(a.contains(u"reason"_s));
    const QJsonObject b = tasks.at(1).toObject();
    QCOMPARE(b.value(u"reason"_s).toString(), u"reading a pipe"_s);
    QCOMPARE(b.value(u"reason_source"_s).toString(), u"syscall"_s);
    const QJsonObject p = o.value(u"processes"_s).toArray().at(0).toObject();
    QCOMPARE(p.value(u"cmdline"_s).toArray().at(1).toString(), name);
    QCOMPARE(p.value(u"rss_kb"_s).toInt(), 1234);
}

void tst_SnapshotFormatter::summary()
{
    const QString line = SnapshotFormatter::summaryLine(sampleSnapshot(u"x"_s), 2.0);
    QVERIFY(!line.contains(u'\n'));
    QVERIFY2(line.contains(u"2 tasks"_s), qPrintable(line));
    QVERIFY2(line.contains(u"1 ready"_s), qPrintable(line));
    QVERIFY2(line.contains(u"1 blocked"_s), qPrintable(line));
    QVERIFY2(line.contains(u"0 running"_s), qPrintable(line));
    QVERIFY2(line.contains(u"cpu0 75%"_s), qPrintable(line));
}

void tst_SnapshotFormatter::table()
{
    const QString text = SnapshotFormatter::table(sampleSnapshot(u"new\nline"_s), 2.0);
    const QStringList lines = text.split(u'\n');
    QCOMPARE(lines.size(), 4); // heading, column names, two tasks: the newline in the name does not break a row
    QVERIFY(lines.at(3).contains(u"reading a pipe [syscall]"_s));
    QVERIFY(lines.at(2).contains(u"ready"_s));
}

QTEST_APPLESS_MAIN(tst_SnapshotFormatter)
#include "tst_snapshotformatter.moc"
