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

QTEST_MAIN(tst_ResultCard)
#include "tst_resultcard.moc"
