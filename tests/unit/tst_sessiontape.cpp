// SessionTape's memory: the samples (and task.state events) it keeps stay within twice MaxKeptSamples however long
// the session, thinned evenly over the whole run, and no other event is ever dropped.
#include "session/SessionTape.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_SessionTape : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void samplesStayBounded_data();
    void samplesStayBounded();
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

QTEST_APPLESS_MAIN(tst_SessionTape)
#include "tst_sessiontape.moc"
