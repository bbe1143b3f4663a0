// Experiment ▸ Lesson path in the real window: Ctrl+P opens it with the experiments in path order and the
// learner's journal over them (right, not quite, not run); a run taken in the window lands in it when it ends;
// activating an experiment selects it in the window; the page for the teacher is written. Real lab processes.
#include "ChildrenLeft.h"
#include "experiments/Experiment.h"
#include "experiments/LessonPath.h"
#include "lessons/ExperimentPanel.h"
#include "lessons/LessonPathDialog.h"
#include "lessons/SessionController.h"
#include "session/LessonJournal.h"
#include "window/LanguageSwitcher.h"
#include "window/MainWindow.h"

#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::Literals::StringLiterals;

class tst_LessonPathDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void showsTheJournalInPathOrder();
    void aWindowRunLandsInThePath();
};

void tst_LessonPathDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QSettings().setValue(u"settings/record"_s, false);
    QSettings().setValue(u"settings/interval"_s, 100);
    qputenv("PROCLAB_WORKER", PROCLAB_BIN_DIR "/proclab-worker");
    QFile::remove(LessonJournal::defaultPath());
}

void tst_LessonPathDialog::cleanup()
{
    QTRY_VERIFY2(childrenLeft().isEmpty(), qPrintable(childrenLeft().join(u' ')));
}

namespace {
QTreeWidgetItem *itemOf(QTreeWidget *list, const QString &id)
{
    for (int s = 0; s < list->topLevelItemCount(); ++s)
        for (int i = 0; i < list->topLevelItem(s)->childCount(); ++i)
            if (list->topLevelItem(s)->child(i)->data(0, LessonPathDialog::IdRole).toString() == id)
                return list->topLevelItem(s)->child(i);
    return nullptr;
}

LessonPathDialog *openPath(MainWindow &window)
{
    QTest::keyClick(&window, Qt::Key_P, Qt::ControlModifier);
    auto *dialog = window.findChild<LessonPathDialog *>();
    return dialog && dialog->isVisible() ? dialog : nullptr;
}
} // namespace

void tst_LessonPathDialog::showsTheJournalInPathOrder()
{
    QFile::remove(LessonJournal::defaultPath());
    LessonJournal journal;
    LessonAttempt right;
    right.when = 1764057600;
    right.experiment = u"race"_s;
    right.predicted = 1;
    right.answer = 1;
    right.verdict = u"observed"_s;
    QVERIFY(journal.append(right, nullptr));
    LessonAttempt wrong = right;
    wrong.experiment = u"deadlock"_s;
    wrong.predicted = 0;
    QVERIFY(journal.append(wrong, nullptr));

    LanguageSwitcher languages;
    languages.apply(u"en"_s);
    MainWindow window(&languages);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    LessonPathDialog *dialog = openPath(window);
    QVERIFY2(dialog, "Ctrl+P opened no lesson path");
    QTreeWidget *list = dialog->list();
    QCOMPARE(list->topLevelItemCount(), int(LessonPath::stages().size()));
    QVERIFY(list->topLevelItem(0)->text(0).contains(u"Processes and programs"_s));
    QCOMPARE(itemOf(list, u"race"_s)->text(3), u"Right"_s);
    QCOMPARE(itemOf(list, u"deadlock"_s)->text(3), u"Not quite"_s);
    QCOMPARE(itemOf(list, u"orphan"_s)->text(3), u"Not run yet"_s);
    // Where to go on: the first experiment not yet taken.
    QCOMPARE(list->currentItem(), itemOf(list, u"orphan"_s));

    // Activating an experiment takes it in the window.
    list->setCurrentItem(itemOf(list, u"polling"_s));
    QTest::keyClick(list, Qt::Key_Return);
    QTRY_VERIFY(!dialog->isVisible());
    QCOMPARE(window.findChild<ExperimentPanel *>()->currentExperiment()->id(), u"polling"_s);

    // The page for the teacher.
    QTemporaryDir dir;
    QString error;
    QVERIFY2(dialog->savePage(dir.path() + u"/path.html"_s, &error), qPrintable(error));
    QFile page(dir.path() + u"/path.html"_s);
    QVERIFY(page.open(QIODevice::ReadOnly));
    const QByteArray html = page.readAll();
    QVERIFY(html.contains("Locks and races"));
    QVERIFY(html.contains("Short of it: some updates are lost"));
    window.close();
}

void tst_LessonPathDialog::aWindowRunLandsInThePath()
{
    QFile::remove(LessonJournal::defaultPath());
    LanguageSwitcher languages;
    languages.apply(u"en"_s);
    MainWindow window(&languages);
    window.show();
    QVERIFY(window.findChild<ExperimentPanel *>()->selectExperiment(u"zombie"_s));
    window.startExperiment();
    QTRY_VERIFY_WITH_TIMEOUT(window.session()->isRunning(), 10000);
    QTest::qWait(1500);
    window.stopExperiment();
    QTRY_VERIFY_WITH_TIMEOUT(!window.session()->isRunning(), 15000);
    const QList<LessonAttempt> attempts = LessonJournal().attempts();
    QCOMPARE(attempts.size(), 1);
    QCOMPARE(attempts.first().experiment, u"zombie"_s);
    QVERIFY(!attempts.first().predictionMade());
    LessonPathDialog *dialog = openPath(window);
    QVERIFY(dialog);
    QTreeWidgetItem *zombie = itemOf(dialog->list(), u"zombie"_s);
    QVERIFY(zombie);
    QCOMPARE(zombie->text(4), u"1"_s);
    QVERIFY(zombie->text(3) == u"No prediction made"_s || zombie->text(3).startsWith(u"Inconclusive"_s));
    dialog->close();
    window.close();
}

QTEST_MAIN(tst_LessonPathDialog)
#include "tst_lessonpathdialog.moc"
