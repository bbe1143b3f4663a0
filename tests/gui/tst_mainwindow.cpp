#include "LanguageSwitcher.h"
#include "MainWindow.h"

#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

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
    {
        MainWindow window(&languages);
        window.resize(900, 640);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.close();
    }
    MainWindow again(&languages);
    QCOMPARE(again.size(), QSize(900, 640));
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
