// SessionTape's memory: the samples (and task.state events) it keeps stay within twice MaxKeptSamples however long
// the session, thinned evenly over the whole run; a program's output lines keep a window of the newest; no other
// event is ever dropped. Its task events carry the tick number of the snapshot they came from.
#include "session/SessionTape.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_SessionTape : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void samplesStayBounded_data();
    void samplesStayBounded();
    void outputKeepsTheNewestLines();
    void unreadTasksAreSaid();
    void samplesCarryTheSnapshotsTick();
};

void tst_SessionTape::samplesStayBounded_data()
{
    QTest::addColumn<QString>("sampleKind");
    QTest::addColumn<int>("multiple"); // how many times 2 × MaxKeptSamples samples are offered
    QTest::newRow("task samples, just over the cap") << u"task.sample"_s << 1;
    QTest::newRow("task samples, a long session") << u"task.sample"_s << 5;
    QTest::newRow("queue samples") << u"queue.sample"_s << 3;
    QTest::newRow("task states, which follow the samples") << u"task.state"_s << 2;
}

void tst_SessionTape::samplesStayBounded()
{
    QFETCH(QString, sampleKind);
    QFETCH(int, multiple);
    SessionTape tape; // not opened: it only keeps
    const qsizetype offered = multiple * 2 * SessionTape::MaxKeptSamples + 1;
    qsizetype others = 0;
    for (qsizetype i = 0; i < offered; ++i) {
        const double t = double(i) / 1000;
        if (i % 1000 == 0) {
            tape.append({t, u"thread.start"_s, {{u"tid"_s, i}}});
            ++others;
        }
        tape.append({t, sampleKind, {{u"tid"_s, i % 500}, {u"i"_s, i}}});
        QVERIFY(tape.keptSamples() <= 2 * SessionTape::MaxKeptSamples);
    }
    qsizetype samples = 0, kept = 0;
    double lastT = -1;
    qint64 firstIndex = -1, lastIndex = -1;
    for (const SessionEvent &event : tape.events()) {
        QVERIFY2(event.t >= lastT, "events stay in order");
        lastT = event.t;
        if (event.kind == u"thread.start"_s) {
            ++kept;
            continue;
        }
        QCOMPARE(event.kind, sampleKind);
        ++samples;
        const qint64 index = event.fields.value(u"i"_s).toInteger();
        if (firstIndex < 0)
            firstIndex = index;
        lastIndex = index;
    }
    QCOMPARE(kept, others);
    QCOMPARE(samples, tape.keptSamples());
    QVERIFY(samples >= SessionTape::MaxKeptSamples / 2);
    // Thinned evenly, not cut: the run's first and last samples are both still there.
    QCOMPARE(firstIndex, 0);
    QCOMPARE(lastIndex, offered - 1);
}

void tst_SessionTape::outputKeepsTheNewestLines()
{
    // A flooding program (`yes`): a window of the newest lines stays in memory, every other event stays.
    SessionTape tape;
    const qsizetype offered = 50 * SessionTape::MaxKeptOutputLines + 7;
    for (qsizetype i = 0; i < offered; ++i) {
        if (i % 5000 == 0)
            tape.append({double(i), u"process.spawn"_s, {{u"pid"_s, i}}});
        tape.append({double(i), u"output"_s, {{u"line"_s, u"y"_s}, {u"i"_s, i}}});
        QVERIFY(tape.keptOutputLines() <= 2 * SessionTape::MaxKeptOutputLines);
    }
    qsizetype lines = 0, spawns = 0;
    qint64 firstIndex = -1, lastIndex = -1;
    for (const SessionEvent &event : tape.events()) {
        if (event.kind == u"process.spawn"_s) {
            ++spawns;
            continue;
        }
        ++lines;
        const qint64 index = event.fields.value(u"i"_s).toInteger();
        if (firstIndex < 0)
            firstIndex = index;
        QVERIFY2(index > lastIndex, "the kept lines stay in order, without gaps");
        QVERIFY(lastIndex < 0 || index == lastIndex + 1);
        lastIndex = index;
    }
    QCOMPARE(spawns, (offered + 4999) / 5000);
    QCOMPARE(lines, tape.keptOutputLines());
    QVERIFY(lines >= SessionTape::MaxKeptOutputLines && lines <= 2 * SessionTape::MaxKeptOutputLines);
    QCOMPARE(lastIndex, offered - 1); // the newest line is there
}

void tst_SessionTape::unreadTasksAreSaid()
{
    // Out of file descriptors: the tick's count of tasks not read becomes an error event when it changes.
    SessionTape tape;
    const auto errorsOf = [&tape](int unwatched, double t) {
        Snapshot snapshot;
        snapshot.unwatchedTasks = unwatched;
        QList<SessionEvent> errors;
        for (const SessionEvent &event : tape.samplesOf(snapshot, t)) {
            if (event.kind == u"error"_s)
                errors << event;
        }
        return errors;
    };
    QVERIFY(errorsOf(0, 0.1).isEmpty());
    const QList<SessionEvent> short_ = errorsOf(8, 0.2);
    QCOMPARE(short_.size(), 1);
    QCOMPARE(short_.first().fields.value(u"what"_s).toString(), u"sample"_s);
    QCOMPARE(short_.first().fields.value(u"unwatched"_s).toInt(), 8);
    QVERIFY(short_.first().fields.value(u"message"_s).toString().contains(u"RLIMIT_NOFILE"_s));
    QVERIFY(errorsOf(8, 0.3).isEmpty()); // the same count: said once
    const QList<SessionEvent> again = errorsOf(0, 0.4);
    QCOMPARE(again.size(), 1);
    QCOMPARE(again.first().fields.value(u"unwatched"_s).toInt(), 0);
}

void tst_SessionTape::samplesCarryTheSnapshotsTick()
{
    // A task's events carry the number of the snapshot that measured them: the sampler's own count, so a reader
    // counts ticks between events even when late ticks spread their times apart.
    SessionTape tape;
    const auto tasksOf = [&tape](quint64 sequence, double t, TaskState state) {
        Snapshot snapshot;
        snapshot.sequence = sequence;
        TaskSample task;
        task.pid = 300;
        task.tid = 301;
        task.state = state;
        snapshot.tasks << task;
        QList<SessionEvent> found;
        for (const SessionEvent &event : tape.samplesOf(snapshot, t)) {
            if (event.kind.startsWith(u"task."_s))
                found << event;
        }
        return found;
    };
    const QList<SessionEvent> first = tasksOf(5, 0.1, TaskState::Running);
    QCOMPARE(first.size(), 2); // task.state from new, then task.sample
    for (const SessionEvent &event : first)
        QCOMPARE(event.fields.value(u"tick"_s).toInteger(-1), 5);
    const QList<SessionEvent> later = tasksOf(9, 0.2, TaskState::Blocked);
    QCOMPARE(later.size(), 2);
    for (const SessionEvent &event : later)
        QCOMPARE(event.fields.value(u"tick"_s).toInteger(-1), 9);
}

QTEST_APPLESS_MAIN(tst_SessionTape)
#include "tst_sessiontape.moc"
