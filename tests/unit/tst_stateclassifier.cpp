// StateClassifier: shares and shown state from synthetic schedstat deltas — including the starved R (no
// progress at all: its run-queue wait is credited only when it gets a core) and counters going backwards.
#include "probe/StateClassifier.h"
#include "probe/TaskStateName.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {
constexpr qint64 Ms = 1000000;
}

class tst_StateClassifier : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void classify_data();
    void classify();
    void sharesSumToOne_data();
    void sharesSumToOne();
    void letters_data();
    void letters();
};

void tst_StateClassifier::classify_data()
{
    QTest::addColumn<qint64>("interval");
    QTest::addColumn<qint64>("cpu");
    QTest::addColumn<qint64>("wait");
    QTest::addColumn<qint64>("slices");
    QTest::addColumn<bool>("everScheduled");
    QTest::addColumn<char>("letter");
    QTest::addColumn<bool>("fresh");
    QTest::addColumn<bool>("gone");
    QTest::addColumn<QString>("state");
    QTest::addColumn<double>("running");
    QTest::addColumn<double>("ready");
    QTest::addColumn<bool>("sharesKnown");

    QTest::newRow("busy alone") << 100 * Ms << 98 * Ms << 1 * Ms << qint64(3) << true << 'R' << true << false
                                << u"running"_s << 0.98 << 0.01 << true;
    QTest::newRow("two per core") << 100 * Ms << 45 * Ms << 55 * Ms << qint64(20) << true << 'R' << true << false
                                  << u"ready"_s << 0.45 << 0.55 << true;
    QTest::newRow("mostly asleep") << 100 * Ms << 2 * Ms << 0 * Ms << qint64(4) << true << 'S' << true << false
                                   << u"blocked"_s << 0.02 << 0.0 << true;
    QTest::newRow("asleep, no progress") << 100 * Ms << 0 * Ms << 0 * Ms << qint64(0) << true << 'S' << false
                                         << false << u"blocked"_s << 0.0 << 0.0 << true;
    QTest::newRow("disk wait, no progress") << 100 * Ms << qint64(0) << qint64(0) << qint64(0) << true << 'D' << true
                                            << false << u"blocked"_s << 0.0 << 0.0 << true;
    QTest::newRow("starved R: no progress") << 100 * Ms << qint64(0) << qint64(0) << qint64(0) << true << 'R'
                                            << true << false << u"ready"_s << 0.0 << 1.0 << true;
    QTest::newRow("starved R, letter a tick old") << 100 * Ms << qint64(0) << qint64(0) << qint64(0) << true << 'R'
                                                  << false << false << u"ready"_s << 0.0 << 1.0 << true;
    QTest::newRow("starved wait credited late") << 100 * Ms << 10 * Ms << 400 * Ms << qint64(1) << true << 'R'
                                                << true << false << u"ready"_s << 10.0 / 410 << 400.0 / 410 << true;
    QTest::newRow("never scheduled") << 100 * Ms << qint64(0) << qint64(0) << qint64(0) << false << 'R' << true
                                     << false << u"new"_s << 0.0 << 0.0 << true;
    QTest::newRow("stopped") << 100 * Ms << qint64(0) << qint64(0) << qint64(0) << true << 'T' << true << false
                             << u"stopped"_s << 0.0 << 0.0 << true;
    QTest::newRow("traced") << 100 * Ms << qint64(0) << qint64(0) << qint64(0) << true << 't' << false << false
                            << u"stopped"_s << 0.0 << 0.0 << true;
    QTest::newRow("ran, then stopped") << 100 * Ms << 60 * Ms << qint64(0) << qint64(2) << true << 'T' << true
                                       << false << u"stopped"_s << 0.6 << 0.0 << true;
    QTest::newRow("ran, then exited") << 100 * Ms << 30 * Ms << qint64(0) << qint64(2) << true << 'Z' << true
                                      << false << u"zombie"_s << 0.3 << 0.0 << true;
    QTest::newRow("zombie") << 100 * Ms << qint64(0) << qint64(0) << qint64(0) << true << 'Z' << false << false
                            << u"zombie"_s << 0.0 << 0.0 << true;
    QTest::newRow("gone") << 100 * Ms << qint64(5) << qint64(0) << qint64(0) << true << 'S' << false << true
                          << u"terminated"_s << 0.0 << 0.0 << true;
    QTest::newRow("cpu counter backwards") << 100 * Ms << -5 * Ms << 1 * Ms << qint64(1) << true << 'R' << true
                                           << false << u"running"_s << 0.0 << 0.0 << false;
    QTest::newRow("wait counter backwards") << 100 * Ms << 1 * Ms << -1 * Ms << qint64(0) << true << 'S' << true
                                            << false << u"blocked"_s << 0.0 << 0.0 << false;
    QTest::newRow("slices backwards") << 100 * Ms << qint64(0) << qint64(0) << qint64(-2) << true << 'S' << false
                                      << false << u"blocked"_s << 0.0 << 0.0 << false;
    QTest::newRow("no interval") << qint64(0) << 1 * Ms << qint64(0) << qint64(1) << true << 'R' << true << false
                                 << u"running"_s << 0.0 << 0.0 << false;
    QTest::newRow("overshoot clamped") << 100 * Ms << 80 * Ms << 40 * Ms << qint64(5) << true << 'R' << true
                                       << false << u"running"_s << 80.0 / 120 << 40.0 / 120 << true;
}

void tst_StateClassifier::classify()
{
    StateClassifier::Input in;
    QFETCH(qint64, interval);
    QFETCH(qint64, cpu);
    QFETCH(qint64, wait);
    QFETCH(qint64, slices);
    QFETCH(bool, everScheduled);
    QFETCH(char, letter);
    QFETCH(bool, fresh);
    QFETCH(bool, gone);
    QFETCH(QString, state);
    QFETCH(double, running);
    QFETCH(double, ready);
    QFETCH(bool, sharesKnown);
    in.intervalNs = interval;
    in.cpuDeltaNs = cpu;
    in.waitDeltaNs = wait;
    in.slicesDelta = slices;
    in.everScheduled = everScheduled;
    in.letter = letter;
    in.letterFresh = fresh;
    in.gone = gone;
    const StateClassifier::Result r = StateClassifier::classify(in);
    QCOMPARE(TaskStateName::name(r.state), state);
    QCOMPARE(r.sharesKnown, sharesKnown);
    QVERIFY2(qAbs(r.running - running) < 1e-9, qPrintable(QString::number(r.running)));
    QVERIFY2(qAbs(r.ready - ready) < 1e-9, qPrintable(QString::number(r.ready)));
    QVERIFY(r.running >= 0 && r.ready >= 0 && r.blocked >= 0);
    if (sharesKnown)
        QVERIFY(qAbs(r.running + r.ready + r.blocked - 1.0) < 1e-9);
}

void tst_StateClassifier::sharesSumToOne_data()
{
    QTest::addColumn<qint64>("cpu");
    QTest::addColumn<qint64>("wait");
    for (qint64 cpu : {qint64(0), 10 * Ms, 50 * Ms, 100 * Ms, 300 * Ms}) {
        for (qint64 wait : {qint64(0), 1 * Ms, 60 * Ms, 250 * Ms})
            QTest::addRow("cpu %lld wait %lld", cpu / Ms, wait / Ms) << cpu << wait;
    }
}

void tst_StateClassifier::sharesSumToOne()
{
    QFETCH(qint64, cpu);
    QFETCH(qint64, wait);
    StateClassifier::Input in;
    in.intervalNs = 100 * Ms;
    in.cpuDeltaNs = cpu;
    in.waitDeltaNs = wait;
    in.slicesDelta = cpu > 0 ? 1 : 0;
    in.letter = 'S';
    const StateClassifier::Result r = StateClassifier::classify(in);
    QVERIFY(r.running >= 0 && r.running <= 1);
    QVERIFY(r.ready >= 0 && r.ready <= 1);
    QVERIFY(r.blocked >= 0 && r.blocked <= 1);
    QVERIFY(qAbs(r.running + r.ready + r.blocked - 1.0) < 1e-9);
}

void tst_StateClassifier::letters_data()
{
    QTest::addColumn<char>("letter");
    QTest::addColumn<QString>("state");
    QTest::newRow("R") << 'R' << u"running"_s;
    QTest::newRow("S") << 'S' << u"blocked"_s;
    QTest::newRow("D") << 'D' << u"blocked"_s;
    QTest::newRow("I") << 'I' << u"blocked"_s;
    QTest::newRow("T") << 'T' << u"stopped"_s;
    QTest::newRow("t") << 't' << u"stopped"_s;
    QTest::newRow("Z") << 'Z' << u"zombie"_s;
    QTest::newRow("X") << 'X' << u"terminated"_s;
}

void tst_StateClassifier::letters()
{
    QFETCH(char, letter);
    QTEST(TaskStateName::name(StateClassifier::stateOfLetter(letter)), "state");
}

QTEST_APPLESS_MAIN(tst_StateClassifier)
#include "tst_stateclassifier.moc"
