// The live result card. In the real window, for each of the 13 experiments, the card shows one of the run's own
// measured figures while the run is still going (before Stop); and a replay shows the card as it was at the
// chosen moment. Real lab processes; nothing of ours is left afterwards.
#include "ChildrenLeft.h"
#include "base/EventKind.h"
#include "experiments/ExperimentRun.h"
#include "lessons/ExperimentPanel.h"
#include "lessons/ResultCard.h"
#include "lessons/SessionController.h"
#include "window/LanguageSwitcher.h"
#include "window/MainWindow.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_ResultCard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void showsTheFigureBeforeStop_data();
    void showsTheFigureBeforeStop();
    void figuresFollowTheLessonsOrder();
    void predictionIsRevealedFromTheAnswer();
};

void tst_ResultCard::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QSettings().setValue(u"settings/record"_s, false);
    QSettings().setValue(u"settings/interval"_s, 100);
    qputenv("PROCLAB_WORKER", PROCLAB_BIN_DIR "/proclab-worker");
}

void tst_ResultCard::cleanup()
{
    QTRY_VERIFY2(childrenLeft().isEmpty(), qPrintable(childrenLeft().join(u' ')));
}

void tst_ResultCard::showsTheFigureBeforeStop_data()
{
    QTest::addColumn<QString>("id");
    for (const char *id : {"pc-threads", "pc-processes", "zombie", "orphan", "kill-holding-lock", "deadlock",
                           "join-deadlock", "race", "isolation", "pool", "cpu-vs-io", "oversubscribe", "polling"})
        QTest::newRow(id) << QString::fromLatin1(id);
}

void tst_ResultCard::showsTheFigureBeforeStop()
{
    QFETCH(QString, id);
    LanguageSwitcher languages;
    languages.apply(u"en"_s);
    MainWindow window(&languages);
    window.show();
    QVERIFY(window.findChild<ExperimentPanel *>()->selectExperiment(id));
    window.startExperiment();
    QVERIFY(window.session()->isRunning());
    const ResultCard *card = window.findChild<ResultCard *>();
    QVERIFY(card);
    const QStringList figures = window.session()->run()->experiment().liveFigures();
    // The figure that changes over the run (a count that grows, a share, the lost updates) or that is known at a
    // moment of it (an adoption, a kill, a cycle): shown while the run goes on, in words, with its value.
    // Measured, not a placeholder: the figure's own (first) number is not 0 — a count that grew, a share, a PID,
    // a time — or the card says "yes".
    static const QRegularExpression number(u"\\d[\\d,]*(\\.\\d+)?"_s);
    const auto measured = [](const QString &text) {
        const QRegularExpressionMatch first = number.match(text);
        return text == u"yes"_s || (first.hasMatch() && first.captured().remove(u',').toDouble() != 0);
    };
    const auto shown = [&] {
        for (const QString &name : figures) {
            if (measured(card->valueOf(name)))
                return name;
        }
        return QString();
    };
    // The pool's first figure is a mode's makespan: on a machine busy with other work, its sequential apply mode
    // alone can take more than 10 s.
    QTRY_VERIFY_WITH_TIMEOUT(!shown().isEmpty(), 20000);
    QVERIFY2(window.session()->isRunning(), "the card filled only after the run had stopped");
    QVERIFY(card->isVisible());
    const QString name = shown();
    qInfo("%s: %s = %s", qPrintable(id), qPrintable(name), qPrintable(card->valueOf(name)));
    window.close();
    QVERIFY(!window.session()->isRunning());
}

// However the figures arrive, the card lays them out in the lesson's order, headline first: the cores the GIL lets
// threads use before who holds it, even when the holder is known first.
void tst_ResultCard::figuresFollowTheLessonsOrder()
{
    ResultCard card;
    const auto measure = [](const QString &name, double value) {
        return SessionEvent{1, EventKind::Measure, {{u"name"_s, name}, {u"value"_s, value}}};
    };
    card.append({SessionEvent{0, EventKind::ExperimentStart, {{u"experiment"_s, u"cpu-vs-io"_s}}},
                 measure(u"gil_holder"_s, 4711), measure(u"items_done"_s, 12)});
    QCOMPARE(card.order(), (QStringList{u"gil_holder"_s, u"items_done"_s}));
    card.append({measure(u"cores_used"_s, 1.01), measure(u"gil_holder"_s, 4712)});
    QCOMPARE(card.order(), (QStringList{u"cores_used"_s, u"gil_holder"_s, u"items_done"_s}));
    QCOMPARE(card.valueOf(u"gil_holder"_s), u"TID 4712"_s);
    card.clear();
    card.append({measure(u"items_done"_s, 3), measure(u"cores_used"_s, 1)});
    QCOMPARE(card.order(), (QStringList{u"items_done"_s, u"cores_used"_s})); // no lesson: as they came
}

// The prediction recorded in experiment.start meets the phenomenon's answer: right, not quite, inconclusive (the
// load note instead of a proved choice), and a skipped prediction still shows what the run proved.
void tst_ResultCard::predictionIsRevealedFromTheAnswer()
{
    const auto start = [](int choice) {
        QJsonObject fields{{u"experiment"_s, u"race"_s}};
        if (choice >= 0)
            fields.insert(u"prediction"_s, QJsonObject{{u"choice"_s, choice}, {u"text"_s, u"choice %1"_s.arg(choice)}});
        return SessionEvent{0, EventKind::ExperimentStart, fields};
    };
    const auto phenomenon = [](int answer) {
        QJsonObject fields{{u"verdict"_s, answer >= 0 ? u"observed"_s : u"inconclusive"_s},
                           {u"observed"_s, answer >= 0}, {u"detail"_s, u"figures"_s}};
        if (answer >= 0) {
            fields.insert(u"answer"_s, answer);
            fields.insert(u"answer_text"_s, u"choice %1"_s.arg(answer));
        } else {
            fields.insert(u"load"_s, u"other programs used 1.0 of 2 cores"_s);
        }
        return SessionEvent{5, EventKind::Phenomenon, fields};
    };
    ResultCard card;
    card.append({start(1)});
    QVERIFY(card.predictionText().isEmpty()); // nothing revealed before the verdict
    card.append({phenomenon(1)});
    QCOMPARE(card.predictionText(), u"You predicted “choice 1” — the run proved “choice 1”: right."_s);
    card.clear();
    card.append({start(0), phenomenon(1)});
    QCOMPARE(card.predictionText(), u"You predicted “choice 0” — the run proved “choice 1”: not quite."_s);
    card.clear();
    card.append({start(2), phenomenon(-1)});
    QCOMPARE(card.predictionText(), u"You predicted “choice 2” — inconclusive: other programs used 1.0 of 2 cores"_s);
    card.clear();
    card.append({start(-1), phenomenon(0)});
    QCOMPARE(card.predictionText(), u"No prediction made. The run proved “choice 0”."_s);
    card.append({start(-1)}); // a new run forgets the last one's reveal
    QVERIFY(card.predictionText().isEmpty());
}

QTEST_MAIN(tst_ResultCard)
#include "tst_resultcard.moc"
