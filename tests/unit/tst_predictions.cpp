// Every experiment of the catalogue asks a prediction with 2–4 choices, and the answer a run proves follows that
// run's own figures: the same experiment proves different choices for different figures (race without the lock and
// with it), an answer is never a constant, and an inconclusive run proves none. Over recorded events and figures.
#include "experiments/Experiment.h"
#include "experiments/ExperimentCatalogue.h"
#include "base/EventKind.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_Predictions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyExperimentAsks();
    void answerFollowsFigures_data();
    void answerFollowsFigures();
    void raceAnswerComesFromItsRecordedEvents_data();
    void raceAnswerComesFromItsRecordedEvents();
};

void tst_Predictions::everyExperimentAsks()
{
    const QStringList ids = ExperimentCatalogue::ids();
    QCOMPARE(ids.size(), 13);
    for (const QString &id : ids) {
        const std::unique_ptr<Experiment> experiment = ExperimentCatalogue::create(id);
        const Prediction p = experiment->prediction();
        QVERIFY2(!p.question.isEmpty(), qPrintable(id));
        QVERIFY2(p.choices.size() >= 2 && p.choices.size() <= 4, qPrintable(id));
        QCOMPARE(QSet<QString>(p.choices.begin(), p.choices.end()).size(), p.choices.size());
        const QJsonObject json = experiment->describe().value(u"prediction"_s).toObject();
        QCOMPARE(json.value(u"question"_s).toString(), p.question);
        QCOMPARE(json.value(u"choices"_s).toArray().size(), p.choices.size());
    }
}

void tst_Predictions::answerFollowsFigures_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QStringList>("set");
    QTest::addColumn<QJsonObject>("figures");
    QTest::addColumn<int>("answer");
    const auto o = [](std::initializer_list<QPair<QString, QJsonValue>> pairs) {
        QJsonObject object;
        for (const auto &[k, v] : pairs)
            object.insert(k, v);
        return object;
    };
    QTest::newRow("pc: producers wait") << u"pc-threads"_s << QStringList{}
        << o({{u"max_blocked_putters"_s, 2}, {u"max_blocked_getters"_s, 0}}) << 0;
    QTest::newRow("pc: consumers wait") << u"pc-threads"_s << QStringList{}
        << o({{u"max_blocked_putters"_s, 0}, {u"max_blocked_getters"_s, 1}}) << 1;
    QTest::newRow("pc: both") << u"pc-processes"_s << QStringList{}
        << o({{u"max_blocked_putters"_s, 1}, {u"max_blocked_getters"_s, 1}}) << 2;
    QTest::newRow("pc: neither") << u"pc-processes"_s << QStringList{}
        << o({{u"max_blocked_putters"_s, 0}, {u"max_blocked_getters"_s, 0}}) << 3;
    QTest::newRow("zombie left") << u"zombie"_s << QStringList{} << o({{u"zombies"_s, 1}}) << 1;
    QTest::newRow("no zombie") << u"zombie"_s << QStringList{} << o({{u"zombies"_s, 0}}) << 0;
    QTest::newRow("orphans adopted") << u"orphan"_s << QStringList{} << o({{u"reparented"_s, 2}}) << 1;
    QTest::newRow("orphans gone") << u"orphan"_s << QStringList{} << o({{u"reparented"_s, 0}}) << 0;
    QTest::newRow("lock: blocked forever") << u"kill-holding-lock"_s << QStringList{}
        << o({{u"killed"_s, true}, {u"acquisitions_after_kill"_s, 0}, {u"owner_dead_reported"_s, false}}) << 1;
    QTest::newRow("lock: robust repaired") << u"kill-holding-lock"_s << QStringList{u"robust=true"_s}
        << o({{u"killed"_s, true}, {u"acquisitions_after_kill"_s, 40}, {u"owner_dead_reported"_s, true}}) << 2;
    QTest::newRow("lock: nobody killed") << u"kill-holding-lock"_s << QStringList{}
        << o({{u"killed"_s, false}, {u"acquisitions_after_kill"_s, 0}, {u"owner_dead_reported"_s, false}}) << -1;
    QTest::newRow("ring deadlocks") << u"deadlock"_s << QStringList{}
        << o({{u"cycle_length"_s, 2}, {u"lock_acquisitions"_s, 2}}) << 1;
    QTest::newRow("ordered ring runs") << u"deadlock"_s << QStringList{u"ordered=true"_s}
        << o({{u"cycle_length"_s, 0}, {u"lock_acquisitions"_s, 300}}) << 0;
    QTest::newRow("ring made no progress") << u"deadlock"_s << QStringList{}
        << o({{u"cycle_length"_s, 0}, {u"lock_acquisitions"_s, 1}}) << -1;
    QTest::newRow("join deadlocks") << u"join-deadlock"_s << QStringList{} << o({{u"cycle_through_pipe"_s, true}}) << 1;
    QTest::newRow("join returns") << u"join-deadlock"_s << QStringList{u"drain_first=true"_s}
        << o({{u"cycle_through_pipe"_s, false}}) << 0;
    QTest::newRow("race loses") << u"race"_s << QStringList{}
        << o({{u"increments"_s, 1000}, {u"counter"_s, 700}, {u"lost_updates"_s, 300}}) << 1;
    QTest::newRow("race locked") << u"race"_s << QStringList{u"locked=true"_s}
        << o({{u"increments"_s, 1000}, {u"counter"_s, 1000}, {u"lost_updates"_s, 0}}) << 0;
    QTest::newRow("race nothing done") << u"race"_s << QStringList{}
        << o({{u"increments"_s, 0}, {u"counter"_s, 0}, {u"lost_updates"_s, 0}}) << -1;
    QTest::newRow("processes isolated") << u"isolation"_s << QStringList{}
        << o({{u"parent_value"_s, 100}, {u"initial"_s, 100}}) << 0;
    QTest::newRow("threads share") << u"isolation"_s << QStringList{u"using=threads"_s}
        << o({{u"parent_value"_s, 103}, {u"initial"_s, 100}}) << 1;
    QTest::newRow("pool parallel faster") << u"pool"_s << QStringList{}
        << o({{u"apply_s"_s, 2.0}, {u"apply_async_s"_s, 1.0}, {u"map_s"_s, 1.1}}) << 1;
    QTest::newRow("pool one core") << u"pool"_s << QStringList{}
        << o({{u"apply_s"_s, 2.0}, {u"apply_async_s"_s, 1.95}, {u"map_s"_s, 2.05}}) << 2;
    QTest::newRow("pool apply only") << u"pool"_s << QStringList{}
        << o({{u"apply_s"_s, 2.0}, {u"apply_async_s"_s, -1}, {u"map_s"_s, -1}}) << -1;
    QTest::newRow("gil: one core") << u"cpu-vs-io"_s << QStringList{} << o({{u"cores_used"_s, 0.98}}) << 1;
    QTest::newRow("processes: two") << u"cpu-vs-io"_s << QStringList{} << o({{u"cores_used"_s, 1.9}}) << 2;
    QTest::newRow("io: almost none") << u"cpu-vs-io"_s << QStringList{} << o({{u"cores_used"_s, 0.05}}) << 0;
    QTest::newRow("oversubscribed") << u"oversubscribe"_s << QStringList{} << o({{u"mean_ready"_s, 0.4}}) << 1;
    QTest::newRow("not oversubscribed") << u"oversubscribe"_s << QStringList{} << o({{u"mean_ready"_s, 0.01}}) << 0;
    QTest::newRow("poller burns") << u"polling"_s << QStringList{}
        << o({{u"blocking_running"_s, 0.01}, {u"polling_running"_s, 0.9}}) << 1;
    QTest::newRow("blocking sleeps") << u"polling"_s << QStringList{u"polling=false"_s}
        << o({{u"blocking_running"_s, 0.01}}) << 0;
}

void tst_Predictions::answerFollowsFigures()
{
    QFETCH(QString, id);
    QFETCH(QStringList, set);
    QFETCH(QJsonObject, figures);
    QFETCH(int, answer);
    const std::unique_ptr<Experiment> experiment = ExperimentCatalogue::create(id);
    QVERIFY(experiment);
    ParameterValues values = experiment->defaults();
    for (const QString &assignment : set) {
        QString error;
        QVERIFY2(values.assign(assignment, &error), qPrintable(error));
    }
    QCOMPARE(experiment->provedChoice(figures, values), answer);
}

void tst_Predictions::raceAnswerComesFromItsRecordedEvents_data()
{
    QTest::addColumn<bool>("locked");
    QTest::addColumn<int>("counter");
    QTest::addColumn<int>("answer");
    QTest::newRow("without the lock") << false << 1 << 1;
    QTest::newRow("with the lock") << true << 2 << 0;
}

void tst_Predictions::raceAnswerComesFromItsRecordedEvents()
{
    QFETCH(bool, locked);
    QFETCH(int, counter);
    QFETCH(int, answer);
    const std::unique_ptr<Experiment> race = ExperimentCatalogue::create(u"race"_s);
    ParameterValues values = race->defaults();
    QString error;
    QVERIFY(values.assign(locked ? u"locked=true"_s : u"locked=false"_s, &error));
    const auto measure = [](double t, const QString &name, double value) {
        return SessionEvent{t, EventKind::Measure, {{u"name"_s, name}, {u"value"_s, value}}};
    };
    const QList<SessionEvent> events{
        SessionEvent{0, EventKind::ExperimentStart, {{u"experiment"_s, u"race"_s}}},
        measure(0.5, u"increments_done"_s, 2), measure(0.5, u"counter"_s, counter),
        measure(0.5, u"lost_updates"_s, 2 - counter)};
    const PhenomenonVerdict verdict = race->verdict(events, values);
    QCOMPARE(verdict.answer, answer);
    QCOMPARE(verdict.outcome, PhenomenonVerdict::Outcome::Observed);
}

QTEST_APPLESS_MAIN(tst_Predictions)
#include "tst_predictions.moc"
