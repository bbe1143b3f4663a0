// SessionReplay and SessionMoment: the moment at time t, replayed from the file, equals the moment that was live
// at t; seeking forwards and backwards across checkpoints gives the same answers.
#include "session/SessionReplay.h"

#include <QBuffer>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {
QString fixture(const char *name)
{
    return QStringLiteral(PROCLAB_FIXTURES_DIR "/sessions/") + QString::fromLatin1(name);
}

// A long, busy session: 20 threads sampled at 10 Hz for 200 s, spawning and reaping, so that it spans many
// checkpoints.
QByteArray longSession()
{
    QByteArray bytes = R"({"format":"proclab-session","version":1,"start_unix":1,"experiment":"pool","parameters":{}})"
                       "\n";
    QRandomGenerator random(42);
    const QStringList states = {u"running"_s, u"ready"_s, u"blocked"_s};
    for (int tick = 0; tick < 2000; ++tick) {
        const double t = tick * 0.1;
        if (tick % 100 == 0) {
            const int pid = 1000 + tick;
            bytes += "{\"t\":" + QByteArray::number(t) +
                     ",\"kind\":\"process.spawn\",\"pid\":" + QByteArray::number(pid) +
                     ",\"ppid\":1,\"role\":\"pool worker\"}\n";
            if (tick >= 300)
                bytes += "{\"t\":" + QByteArray::number(t) +
                         ",\"kind\":\"process.reap\",\"pid\":" + QByteArray::number(pid - 300) + "}\n";
        }
        bytes += "{\"t\":" + QByteArray::number(t) + ",\"kind\":\"cpu.sample\",\"cpus\":[{\"core\":0,\"busy\":" +
                 QByteArray::number(random.bounded(100) / 100.0) + "}]}\n";
        for (int thread = 0; thread < 20; ++thread) {
            const int pid = 1000 + (tick / 100) * 100;
            bytes += "{\"t\":" + QByteArray::number(t + thread * 1e-5) +
                     ",\"kind\":\"task.sample\",\"pid\":" + QByteArray::number(pid) +
                     ",\"tid\":" + QByteArray::number(pid + thread) + ",\"state\":\"" +
                     states[random.bounded(3)].toUtf8() + "\",\"running\":0.5}\n";
        }
    }
    return bytes;
}
} // namespace

class tst_SessionReplay : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void momentsOfTheFixture_data();
    void momentsOfTheFixture();
    void replayEqualsLive();
    void seekingBothWays();
    void refusesBadFiles();
};

void tst_SessionReplay::momentsOfTheFixture_data()
{
    QTest::addColumn<double>("t");
    QTest::addColumn<QString>("producerState");
    QTest::addColumn<int>("queueDepth");
    QTest::addColumn<bool>("deadlocked");
    QTest::addColumn<QString>("child");
    QTest::newRow("start") << 0.05 << u"new"_s << -1 << false << u"none"_s;
    QTest::newRow("filling") << 1.2 << u"running"_s << 5 << false << u"none"_s;
    QTest::newRow("queue full") << 2.15 << u"blocked"_s << 8 << false << u"none"_s;
    QTest::newRow("deadlock") << 2.55 << u"blocked"_s << 8 << true << u"none"_s;
    QTest::newRow("resolved, child adopted") << 3.15 << u"blocked"_s << 8 << false << u"adopted"_s;
    QTest::newRow("child a zombie") << 4.57 << u"blocked"_s << 8 << false << u"zombie"_s;
    QTest::newRow("child reaped") << 4.65 << u"blocked"_s << 8 << false << u"none"_s;
}

void tst_SessionReplay::momentsOfTheFixture()
{
    QFETCH(double, t);
    QFETCH(QString, producerState);
    QFETCH(int, queueDepth);
    QFETCH(bool, deadlocked);
    QFETCH(QString, child);
    SessionReplay replay;
    QVERIFY2(replay.load(fixture("complete.jsonl")), qPrintable(replay.errorString()));
    QCOMPARE(replay.duration(), 4.8);
    const SessionMoment moment = replay.momentAt(t);
    QVERIFY(moment.t <= t);
    QCOMPARE(moment.tasks.value(5101).state, producerState);
    QCOMPARE(moment.tasks.value(5101).role, u"producer-1"_s);
    QCOMPARE(moment.queues.value(u"q0"_s).value(u"depth"_s).toInt(-1), queueDepth);
    QCOMPARE(!moment.deadlock.isEmpty(), deadlocked);
    if (child == u"none"_s) {
        QVERIFY(!moment.processes.contains(5300));
    } else {
        QVERIFY(moment.processes.contains(5300));
        QCOMPARE(moment.processes.value(5300).ppid, 5000);
        QCOMPARE(moment.processes.value(5300).zombie, child == u"zombie"_s);
    }
    QCOMPARE(moment.eventCount, replay.eventsUntil(t));
}

void tst_SessionReplay::replayEqualsLive()
{
    QByteArray bytes = longSession();
    QBuffer buffer(&bytes);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    SessionReplay replay;
    QVERIFY2(replay.load(&buffer), qPrintable(replay.errorString()));
    QVERIFY(replay.events().size() > 40000);
    // Live: the same events, applied one by one as they arrive. At every tick boundary the live moment must equal
    // the replayed moment at that time.
    SessionMoment live;
    int compared = 0;
    const QList<SessionEvent> &events = replay.events();
    for (qsizetype i = 0; i < events.size(); ++i) {
        live.apply(events[i]);
        const bool lastOfItsTime = i + 1 == events.size() || events[i + 1].t > live.t;
        if (lastOfItsTime && i % 97 == 0) {
            QCOMPARE(replay.momentAt(live.t), live);
            ++compared;
        }
    }
    QVERIFY(compared > 20);
    QCOMPARE(replay.momentAt(replay.duration()), live);
    // Reaped processes left, with their threads; the live ones stayed.
    QVERIFY(!live.processes.contains(1000));
    QVERIFY(live.processes.contains(2900));
    for (const auto &task : live.tasks)
        QVERIFY(task.pid >= 1000 + 1700);
}

void tst_SessionReplay::seekingBothWays()
{
    QByteArray bytes = longSession();
    QBuffer buffer(&bytes);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    SessionReplay replay;
    QVERIFY(replay.load(&buffer));
    const SessionMoment late = replay.momentAt(150.05);
    const SessionMoment early = replay.momentAt(12.34);
    QCOMPARE(replay.momentAt(150.05), late);
    QVERIFY(!(early == late));
    QCOMPARE(early.t, 12.3002); // the last sample of tick 123, as QByteArray::number wrote it
    QCOMPARE(replay.momentAt(-1).eventCount, 0);
    QCOMPARE(replay.momentAt(1e9).eventCount, replay.events().size());
}

void tst_SessionReplay::refusesBadFiles()
{
    SessionReplay replay;
    QByteArray bytes = "{\"format\":\"proclab-session\",\"version\":1,\"start_unix\":1,\"experiment\":\"x\"}\nnope\n";
    QBuffer buffer(&bytes);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    QVERIFY(!replay.load(&buffer));
    QVERIFY(replay.errorString().startsWith(u"line 2: "_s));
    SessionReplay cut;
    QVERIFY(cut.load(fixture("truncated.jsonl")));
    QVERIFY(cut.isTruncated());
    QCOMPARE(cut.events().size(), 72);
}

QTEST_APPLESS_MAIN(tst_SessionReplay)
#include "tst_sessionreplay.moc"
