#include "window/GuiOptions.h"
#include "window/LanguageSwitcher.h"
#include "window/MainWindow.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTextBrowser>
#include <QTreeView>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QGuiApplication>
#include <QScreen>
#include <QStatusBar>

using namespace Qt::Literals::StringLiterals;

class tst_MainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void titleSaysProcLab();
    void menusExist();
    void switchesLanguageAtRunTime();
    void keepsGeometry();
    void shortcutsWorkWhereverTheFocusIs_data();
    void shortcutsWorkWhereverTheFocusIs();
    void commandLineIsChecked_data();
    void commandLineIsChecked();
    void neverKeepsAGeometryLargerThanTheScreen();
    void opensCraftedRecordings_data();
    void opensCraftedRecordings();
};

void tst_MainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

void tst_MainWindow::titleSaysProcLab()
{
    LanguageSwitcher languages;
    for (const QString &language : LanguageSwitcher::available()) {
        QVERIFY(languages.apply(language));
        MainWindow window(&languages);
        QVERIFY(window.windowTitle().contains(u"ProcLab"_s));
    }
    languages.apply(u"en"_s);
}

static QStringList menuTitles(const QMainWindow &window)
{
    QStringList titles;
    for (QAction *action : window.menuBar()->actions())
        titles << action->text().remove(u'&');
    return titles;
}

void tst_MainWindow::menusExist()
{
    LanguageSwitcher languages;
    languages.apply(u"en"_s);
    MainWindow window(&languages);
    QCOMPARE(menuTitles(window), (QStringList{u"Session"_s, u"Experiment"_s, u"View"_s, u"Settings"_s, u"Help"_s}));
}

void tst_MainWindow::switchesLanguageAtRunTime()
{
    LanguageSwitcher languages;
    languages.apply(u"en"_s);
    MainWindow window(&languages);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(menuTitles(window).first(), u"Session"_s);

    auto *chinese = window.findChild<QAction *>(u"actionLanguageChinese"_s);
    QVERIFY(chinese);
    chinese->trigger();
    QCOMPARE(languages.current(), u"zh_CN"_s);
    QTRY_VERIFY(menuTitles(window).first().contains(u"会话"_s));
    QCOMPARE(QSettings().value(u"settings/language"_s).toString(), u"zh_CN"_s);

    window.findChild<QAction *>(u"actionLanguageEnglish"_s)->trigger();
    QTRY_COMPARE(menuTitles(window).first(), u"Session"_s);
}

void tst_MainWindow::keepsGeometry()
{
    LanguageSwitcher languages;
    languages.apply(u"en"_s);
    QSize chosen;
    {
        MainWindow window(&languages);
        // Somewhat larger than the smallest size the window's panels allow, and not its default — but within the
        // screen (the offscreen one is 800 × 800), since a size larger than the screen is never kept.
        const QSize available = QGuiApplication::primaryScreen()->availableGeometry().size();
        chosen = (window.minimumSizeHint().expandedTo(QSize(600, 500)) + QSize(37, 23)).boundedTo(available - QSize(8, 8));
        qInfo("minimum %dx%d, chosen %dx%d", window.minimumSizeHint().width(), window.minimumSizeHint().height(),
              chosen.width(), chosen.height());
        window.resize(chosen);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.size(), chosen);
        window.close();
    }
    MainWindow again(&languages);
    QCOMPARE(again.size(), chosen);
}

void tst_MainWindow::shortcutsWorkWhereverTheFocusIs_data()
{
    QTest::addColumn<QString>("focus");
    QTest::newRow("line edit") << u"taskFilter"_s;
    QTest::newRow("search box") << u"experimentSearch"_s;
    QTest::newRow("spin box") << u"param_producers"_s;
    QTest::newRow("check box") << u"param_busy"_s;
    QTest::newRow("tree") << u"taskTree"_s;
    QTest::newRow("list") << u"experimentList"_s;
    QTest::newRow("text browser") << u"experimentExplanation"_s;
}

void tst_MainWindow::shortcutsWorkWhereverTheFocusIs()
{
    QFETCH(QString, focus);
    LanguageSwitcher languages;
    languages.apply(u"en"_s);
    MainWindow window(&languages);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));

    struct Key
    {
        QKeySequence sequence;
        const char *action;
    };
    const QList<Key> keys = {
        {QKeySequence(Qt::Key_F5), "actionStart"},          {QKeySequence(Qt::CTRL | Qt::Key_R), "actionStart"},
        {QKeySequence(Qt::SHIFT | Qt::Key_F5), "actionStop"}, {QKeySequence(Qt::Key_F6), "actionFreeze"},
        {QKeySequence(Qt::Key_F7), "actionReap"},           {QKeySequence(Qt::Key_F8), "actionTerminate"},
        {QKeySequence(Qt::Key_F9), "actionKill"},           {QKeySequence(Qt::CTRL | Qt::Key_F), "actionFindTask"},
        {QKeySequence(Qt::CTRL | Qt::Key_Q), "actionQuit"},
        {QKeySequence(Qt::CTRL | Qt::Key_1), "actionShowTimeline"},  {QKeySequence(Qt::CTRL | Qt::Key_2), "actionShowEventLog"},
        {QKeySequence(Qt::CTRL | Qt::Key_3), "actionShowWaitGraph"}, {QKeySequence(Qt::CTRL | Qt::Key_4), "actionShowSessionInfo"},
    };
    for (const Key &key : keys) {
        auto *action = window.findChild<QAction *>(QString::fromLatin1(key.action));
        QVERIFY2(action, key.action);
        // Only the key's path to the action is tested here: nothing is started, signalled or closed.
        action->disconnect(SIGNAL(triggered(bool)));
        action->setEnabled(true);
        QSignalSpy triggered(action, &QAction::triggered);

        auto *target = window.findChild<QWidget *>(focus);
        QVERIFY2(target, qPrintable(focus));
        target->setFocus(Qt::OtherFocusReason);
        QTRY_VERIFY(target->hasFocus());
        const QKeyCombination combination = key.sequence[0];
        QTest::keyClick(target, combination.key(), combination.keyboardModifiers());
        QVERIFY2(triggered.size() == 1,
                 qPrintable(u"%1 with focus in %2"_s.arg(key.sequence.toString(), focus)));
    }
}

void tst_MainWindow::commandLineIsChecked_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("valid");
    QTest::newRow("nothing") << QStringList() << true;
    QTest::newRow("known id") << QStringList{u"--experiment"_s, u"pc-threads"_s} << true;
    QTest::newRow("known set") << QStringList{u"--experiment"_s, u"pc-threads"_s, u"--set"_s, u"producers=4"_s} << true;
    QTest::newRow("unknown id") << QStringList{u"--experiment"_s, u"nope"_s} << false;
    QTest::newRow("unknown key") << QStringList{u"--experiment"_s, u"pc-threads"_s, u"--set"_s, u"nope=1"_s} << false;
    QTest::newRow("out of range") << QStringList{u"--experiment"_s, u"pc-threads"_s, u"--set"_s, u"producers=0"_s} << false;
    QTest::newRow("set without id") << QStringList{u"--set"_s, u"producers=4"_s} << false;
    QTest::newRow("open") << QStringList{u"--open"_s, u"s.jsonl"_s} << true;
}

void tst_MainWindow::commandLineIsChecked()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, valid);
    GuiOptions options;
    QVERIFY(options.parse(arguments));
    QString error;
    QCOMPARE(options.validate(&error), valid);
    QCOMPARE(error.isEmpty(), valid);
}

namespace {
bool fitsTheScreen(const QWidget &window)
{
    const QSize available = QGuiApplication::primaryScreen()->availableGeometry().size();
    return window.width() <= available.width() && window.height() <= available.height();
}
} // namespace

void tst_MainWindow::neverKeepsAGeometryLargerThanTheScreen()
{
    LanguageSwitcher languages;
    languages.apply(u"en"_s);
    const QSize available = QGuiApplication::primaryScreen()->availableGeometry().size();
    {
        MainWindow window(&languages);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.resize(available.width() + 300, 32767); // what a recording with "cores": 100000 once did
        QTRY_VERIFY(window.height() > available.height());
        window.close();
    }
    MainWindow again(&languages);
    again.showAtStart();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QVERIFY2(fitsTheScreen(again), qPrintable(u"%1x%2"_s.arg(again.width()).arg(again.height())));
    again.close();
}

void tst_MainWindow::opensCraftedRecordings_data()
{
    QTest::addColumn<QByteArray>("cores");
    QTest::addColumn<bool>("opens");
    QTest::newRow("-1") << QByteArray("-1") << false;
    QTest::newRow("2147483647") << QByteArray("2147483647") << false;
    QTest::newRow("100000") << QByteArray("100000") << false;
    QTest::newRow("4096") << QByteArray("4096") << true;
    QTest::newRow("2") << QByteArray("2") << true;
}

void tst_MainWindow::opensCraftedRecordings()
{
    // proclab gui --open FILE: a crafted header is refused with a message or opened; the window keeps running, and
    // the next start has a sane size.
    QFETCH(QByteArray, cores);
    QFETCH(bool, opens);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"crafted.jsonl"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"format\":\"proclab-session\",\"version\":1,\"start_unix\":1764057600.5,\"cores\":" + cores +
               ",\"experiment\":\"pc-threads\",\"parameters\":{}}\n"
               "{\"t\":0.2,\"kind\":\"cpu.sample\",\"cpus\":[{\"core\":0,\"busy\":0.5}]}\n"
               "{\"t\":0.3,\"kind\":\"task.sample\",\"pid\":10,\"tid\":10,\"state\":\"running\",\"core\":1}\n");
    file.close();
    LanguageSwitcher languages;
    languages.apply(u"en"_s);
    GuiOptions options;
    QVERIFY(options.parse({u"gui"_s, u"--open"_s, path}));
    QCOMPARE(options.openPath(), path);
    {
        MainWindow window(&languages);
        window.applyOptions(options);
        window.showAtStart();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QString expected = opens ? u"Replaying crafted.jsonl"_s : u"Could not open crafted.jsonl"_s;
        QTRY_VERIFY2(window.statusBar()->currentMessage().contains(expected),
                     qPrintable(window.statusBar()->currentMessage()));
        if (!opens)
            QVERIFY(window.statusBar()->currentMessage().contains(u"cores"_s));
        QTest::qWait(50);
        QVERIFY2(fitsTheScreen(window), qPrintable(u"%1x%2"_s.arg(window.width()).arg(window.height())));
        window.close();
    }
    MainWindow next(&languages);
    next.showAtStart();
    QVERIFY(QTest::qWaitForWindowExposed(&next));
    QVERIFY(fitsTheScreen(next));
    next.close();
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
