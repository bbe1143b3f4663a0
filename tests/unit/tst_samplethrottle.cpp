// SampleThrottle: at most one task.sample per task per half second, and always one (after a task.state) when the
// state changes.
#include "session/SampleThrottle.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {
TaskRecord sample(qint64 tid, const QString &state, const QString &reason = {})
{
    TaskRecord s;
    s.pid = 100;
    s.tid = tid;
    s.state = state;
    s.running = state == u"running"_s ? 0.97 : 0.0;
    s.blocked = state == u"blocked"_s ? 1.0 : 0.03;
    s.cpu = s.running * 100;
    s.core = 1;
    s.reason = reason;
    return s;
}

// "kind:tid" for each event, in order.
QStringList summary(const QList<SessionEvent> &events)
{
    QStringList out;
    for (const SessionEvent &e : events)
        out << e.kind + u':' + QString::number(e.fields.value(u"tid"_s).toInteger());
    return out;
}
} // namespace

class tst_SampleThrottle : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void ticks_data();
    void ticks();
    void stateChangeCarriesFromToReason();
    void firstStateComesFromNew();
    void sampleFieldsAreTheSchema();
    void eventsCarryTheirTick();
    void vanishedTasksAreForgotten();
    void tenHertzForAMinuteIsTwoPerSecond();
};

void tst_SampleThrottle::ticks_data()
{
    QTest::addColumn<double>("secondT");
    QTest::addColumn<QString>("secondState");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("same state, 0.1 s later: nothing") << 0.1 << u"running"_s << QStringList();
    QTest::newRow("same state, 0.49 s later: nothing") << 0.49 << u"running"_s << QStringList();
    QTest::newRow("same state, 0.5 s later: a sample") << 0.5 << u"running"_s << QStringList{u"task.sample:7"_s};
    QTest::newRow("changed state, 0.1 s later: state then sample")
        << 0.1 << u"blocked"_s << QStringList{u"task.state:7"_s, u"task.sample:7"_s};
}

void tst_SampleThrottle::ticks()
{
    QFETCH(double, secondT);
    QFETCH(QString, secondState);
    QFETCH(QStringList, expected);
    SampleThrottle throttle;
    QCOMPARE(summary(throttle.offer(0, {sample(7, u"running"_s)})),
             (QStringList{u"task.state:7"_s, u"task.sample:7"_s}));
    QCOMPARE(summary(throttle.offer(secondT, {sample(7, secondState)})), expected);
}

void tst_SampleThrottle::stateChangeCarriesFromToReason()
{
    SampleThrottle throttle;
    throttle.offer(0, {sample(7, u"running"_s), sample(8, u"running"_s)});
    const QList<SessionEvent> events =
        throttle.offer(0.1, {sample(7, u"blocked"_s, u"queue full"_s), sample(8, u"running"_s)});
    QCOMPARE(summary(events), (QStringList{u"task.state:7"_s, u"task.sample:7"_s}));
    const QJsonObject &f = events.first().fields;
    QCOMPARE(events.first().t, 0.1);
    QCOMPARE(f.value(u"pid"_s).toInteger(), 100);
    QCOMPARE(f.value(u"from"_s).toString(), u"running"_s);
    QCOMPARE(f.value(u"to"_s).toString(), u"blocked"_s);
    QCOMPARE(f.value(u"reason"_s).toString(), u"queue full"_s);
    // The change restarts the half-second window of task 7 only.
    QCOMPARE(summary(throttle.offer(0.5, {sample(7, u"blocked"_s), sample(8, u"running"_s)})),
             QStringList{u"task.sample:8"_s});
    QCOMPARE(summary(throttle.offer(0.6, {sample(7, u"blocked"_s), sample(8, u"running"_s)})),
             QStringList{u"task.sample:7"_s});
}

void tst_SampleThrottle::firstStateComesFromNew()
{
    SampleThrottle throttle;
    // A reader first seen already blocked, and a thread not yet scheduled (still new: no change to tell).
    const QList<SessionEvent> events =
        throttle.offer(0, {sample(7, u"blocked"_s, u"reading a pipe"_s), sample(8, u"new"_s)});
    QCOMPARE(summary(events), (QStringList{u"task.state:7"_s, u"task.sample:7"_s, u"task.sample:8"_s}));
    const QJsonObject &f = events.first().fields;
    QCOMPARE(f.value(u"from"_s).toString(), u"new"_s);
    QCOMPARE(f.value(u"to"_s).toString(), u"blocked"_s);
    QCOMPARE(f.value(u"reason"_s).toString(), u"reading a pipe"_s);
    // Its first real state later is a change from new.
    const QList<SessionEvent> later = throttle.offer(0.1, {sample(7, u"blocked"_s), sample(8, u"ready"_s)});
    QCOMPARE(summary(later), (QStringList{u"task.state:8"_s, u"task.sample:8"_s}));
    QCOMPARE(later.first().fields.value(u"from"_s).toString(), u"new"_s);
    QCOMPARE(later.first().fields.value(u"to"_s).toString(), u"ready"_s);
}

void tst_SampleThrottle::sampleFieldsAreTheSchema()
{
    TaskRecord s = sample(9, u"ready"_s);
    s.ready = 0.512345678;
    const QJsonObject f = SampleThrottle::sampleFields(s);
    const QStringList keys = {u"blocked"_s, u"core"_s,    u"cpu"_s,   u"pid"_s, u"ready"_s,
                              u"reason"_s,  u"running"_s, u"state"_s, u"tid"_s};
    QCOMPARE(f.keys(), keys);
    QCOMPARE(f.value(u"ready"_s).toDouble(), 0.5123);
    QCOMPARE(f.value(u"state"_s).toString(), u"ready"_s);
}

void tst_SampleThrottle::eventsCarryTheirTick()
{
    // Every task.state and task.sample says which sampler tick measured it (the tick's own number, not one made
    // from t); without a number (0) there is no field at all.
    SampleThrottle throttle;
    const QList<SessionEvent> first = throttle.offer(0.1, {sample(7, u"running"_s), sample(8, u"blocked"_s)}, 17);
    QCOMPARE(summary(first), (QStringList{u"task.state:7"_s, u"task.state:8"_s, u"task.sample:7"_s, u"task.sample:8"_s}));
    for (const SessionEvent &event : first)
        QCOMPARE(event.fields.value(u"tick"_s).toInteger(-1), 17);
    const QList<SessionEvent> later = throttle.offer(0.2, {sample(7, u"blocked"_s), sample(8, u"blocked"_s)}, 19);
    QCOMPARE(summary(later), (QStringList{u"task.state:7"_s, u"task.sample:7"_s}));
    for (const SessionEvent &event : later)
        QCOMPARE(event.fields.value(u"tick"_s).toInteger(-1), 19);
    for (const SessionEvent &event : throttle.offer(0.3, {sample(7, u"running"_s)}))
        QVERIFY(!event.fields.contains(u"tick"_s));
}

void tst_SampleThrottle::vanishedTasksAreForgotten()
{
    SampleThrottle throttle;
    throttle.offer(0, {sample(7, u"running"_s), sample(8, u"running"_s)});
    QCOMPARE(throttle.trackedTasks(), 2);
    throttle.offer(0.1, {sample(8, u"running"_s)});
    QCOMPARE(throttle.trackedTasks(), 1);
    // A recycled TID is a new task: its first sample is recorded, with a task.state from "new", not from the old
    // one's state.
    const QList<SessionEvent> again = throttle.offer(0.2, {sample(7, u"blocked"_s), sample(8, u"running"_s)});
    QCOMPARE(summary(again), (QStringList{u"task.state:7"_s, u"task.sample:7"_s}));
    QCOMPARE(again.first().fields.value(u"from"_s).toString(), u"new"_s);
}

void tst_SampleThrottle::tenHertzForAMinuteIsTwoPerSecond()
{
    SampleThrottle throttle;
    int samples = 0;
    for (int tick = 0; tick < 600; ++tick) {
        QList<TaskRecord> tasks;
        for (int tid = 1; tid <= 50; ++tid)
            tasks << sample(tid, u"blocked"_s);
        // Ticks of a real timer jitter around 100 ms.
        const double t = tick * 0.1 + ((tick * 7) % 5 - 2) * 0.002;
        for (const SessionEvent &event : throttle.offer(t, tasks))
            samples += event.kind == u"task.sample"_s;
    }
    QVERIFY2(samples >= 50 * 118 && samples <= 50 * 121, qPrintable(QString::number(samples)));
}

QTEST_APPLESS_MAIN(tst_SampleThrottle)
#include "tst_samplethrottle.moc"
