#include "lessons/ExperimentPanel.h"
#include "probe/TaskStateName.h"
#include "tasks/TaskActions.h"
#include "tasks/TaskTreePanel.h"
#include "window/LanguageSwitcher.h"
#include "window/MainWindow.h"

#include <QAction>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace Qt::Literals::StringLiterals;

// The keyboard path through the real window (KeyboardPaths, ExperimentPanel's search, TaskTreePanel's filter box,
// TaskActions' answers for keys that cannot act). Nothing here starts a lab process.
class tst_KeyboardPaths : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void focusStartsInTheExperimentList();
    void tabReachesTheTableBeforeTheStateToggles();
    void downFromTheFilterEntersTheTable();
    void keysFocusTheListAndTheTable();
    void enterInTheSearchSelectsTheMatch();
    void disabledKeysSayWhatToSelect_data();
    void disabledKeysSayWhatToSelect();
    void everyShortcutIsUniqueAndShown();
};

void tst_KeyboardPaths::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QSettings().setValue(u"settings/record"_s, false);
}

static void showWindow(MainWindow &window)
{
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
}

void tst_KeyboardPaths::focusStartsInTheExperimentList()
{
    LanguageSwitcher languages;
    languages.apply(u"en"_s);
    MainWindow window(&languages);
    showWindow(window);
    auto *list = window.findChild<QListWidget *>(u"experimentList"_s);
    QTRY_COMPARE(QApplication::focusWidget(), list);
}

void tst_KeyboardPaths::tabReachesTheTableBeforeTheStateToggles()
{
    LanguageSwitcher languages;
    languages.apply(u"en"_s);
    MainWindow window(&languages);
    showWindow(window);
    auto *filter = window.findChild<QLineEdit *>(u"taskFilter"_s);
    auto *tree = window.findChild<QTreeView *>(u"taskTree"_s);
    filter->setFocus(Qt::OtherFocusReason);
    QTRY_VERIFY(filter->hasFocus());
    QTest::keyClick(filter, Qt::Key_Tab);
    QTRY_COMPARE(QApplication::focusWidget(), tree);
    QTest::keyClick(tree, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget()->objectName(), u"stateFilter%1"_s.arg(int(TaskStateName::all().first())));
    // And the search box leads to the list.
    auto *search = window.findChild<QLineEdit *>(u"experimentSearch"_s);
    search->setFocus(Qt::OtherFocusReason);
    QTRY_VERIFY(search->hasFocus());
    QTest::keyClick(search, Qt::Key_Tab);
    QTRY_COMPARE(QApplication::focusWidget(), window.findChild<QListWidget *>(u"experimentList"_s));
}

void tst_KeyboardPaths::downFromTheFilterEntersTheTable()
{
    LanguageSwitcher languages;
    languages.apply(u"en"_s);
    MainWindow window(&languages);
    showWindow(window);
    auto *filter = window.findChild<QLineEdit *>(u"taskFilter"_s);
    filter->setFocus(Qt::OtherFocusReason);
    QTRY_VERIFY(filter->hasFocus());
    QTest::keyClick(filter, Qt::Key_Down);
    QTRY_COMPARE(QApplication::focusWidget(), window.findChild<QTreeView *>(u"taskTree"_s));
}

void tst_KeyboardPaths::keysFocusTheListAndTheTable()
{
    LanguageSwitcher languages;
    languages.apply(u"en"_s);
    MainWindow window(&languages);
    showWindow(window);
    auto *list = window.findChild<QListWidget *>(u"experimentList"_s);
    auto *tree = window.findChild<QTreeView *>(u"taskTree"_s);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_T, Qt::ControlModifier);
    QTRY_COMPARE(QApplication::focusWidget(), tree);
    QTest::keyClick(tree, Qt::Key_L, Qt::ControlModifier);
    QTRY_COMPARE(QApplication::focusWidget(), list);
}

void tst_KeyboardPaths::enterInTheSearchSelectsTheMatch()
{
    LanguageSwitcher languages;
    languages.apply(u"en"_s);
    MainWindow window(&languages);
    showWindow(window);
    auto *panel = window.findChild<ExperimentPanel *>();
    QVERIFY(panel->selectExperiment(u"deadlock"_s));
    auto *search = panel->searchBox();
    search->setFocus(Qt::OtherFocusReason);
    QTRY_VERIFY(search->hasFocus());
    QTest::keyClicks(search, u"zombie"_s);
    QCOMPARE(panel->currentId(), u"deadlock"_s); // filtering alone chooses nothing
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(panel->currentId(), u"zombie"_s);   // what Start starts now
    QTRY_COMPARE(QApplication::focusWidget(), panel->list());
    QVERIFY(window.windowTitle().contains(panel->currentExperiment()->title()));
}

void tst_KeyboardPaths::disabledKeysSayWhatToSelect_data()
{
    QTest::addColumn<QKeySequence>("key");
    QTest::addColumn<QString>("says");
    QTest::newRow("F7 reap") << QKeySequence(Qt::Key_F7) << u"state Zombie"_s;
    QTest::newRow("F9 kill") << QKeySequence(Qt::Key_F9) << u"start one first"_s;
    QTest::newRow("Ctrl+B break") << QKeySequence(Qt::CTRL | Qt::Key_B) << u"No live deadlock"_s;
}

void tst_KeyboardPaths::disabledKeysSayWhatToSelect()
{
    QFETCH(QKeySequence, key);
    QFETCH(QString, says);
    LanguageSwitcher languages;
    languages.apply(u"en"_s);
    MainWindow window(&languages);
    showWindow(window);
    window.statusBar()->clearMessage();
    const QKeyCombination combination = key[0];
    QTest::keyClick(QApplication::focusWidget(), combination.key(), combination.keyboardModifiers());
    QVERIFY2(window.statusBar()->currentMessage().contains(says), qPrintable(window.statusBar()->currentMessage()));
}

void tst_KeyboardPaths::everyShortcutIsUniqueAndShown()
{
    LanguageSwitcher languages;
    languages.apply(u"en"_s);
    MainWindow window(&languages);
    QHash<QString, QString> owner;
    for (QAction *action : window.findChildren<QAction *>()) {
        for (const QKeySequence &key : action->shortcuts()) {
            const QString text = key.toString();
            QVERIFY2(!owner.contains(text) || owner.value(text) == action->objectName(),
                     qPrintable(u"%1: %2 and %3"_s.arg(text, owner.value(text), action->objectName())));
            owner.insert(text, action->objectName());
        }
    }
    for (const char *name : {"actionStopProcess", "actionContinue", "actionBreakCycle", "actionFocusExperiments",
                             "actionFocusTasks"}) {
        auto *action = window.findChild<QAction *>(QString::fromLatin1(name));
        QVERIFY2(action && !action->shortcut().isEmpty(), name);
        const QString key = action->shortcut().toString(QKeySequence::NativeText);
        // Shown where the user looks: a menu (Qt draws a menu action's key beside it) or the tool tip.
        bool inMenu = false;
        for (QMenu *menu : window.findChildren<QMenu *>())
            inMenu = inMenu || menu->actions().contains(action);
        QVERIFY2(inMenu || action->toolTip().contains(key), name);
    }
}

QTEST_MAIN(tst_KeyboardPaths)
#include "tst_keyboardpaths.moc"
