// The window on the screens people have: the key columns (State, Why blocked) in view at 1024x768 and up, five
// experiments in the list; the language menu ticks the language --lang forced; toolbar texts without mnemonic
// marks; Session ▸ Open… lists the recordings with their experiment and start.
#include "dialogs/SessionOpenDialog.h"
#include "tasks/TaskTreeModel.h"
#include "tasks/TaskTreePanel.h"
#include "window/LanguageSwitcher.h"
#include "window/MainWindow.h"
#include "window/ToolbarText.h"

#include "session/SessionHeader.h"

#include <QAction>
#include <QFile>
#include <QHeaderView>
#include <QListWidget>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

using namespace Qt::Literals::StringLiterals;

class tst_WindowFit : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void keyColumnsInView_data();
    void keyColumnsInView();
    void languageMenuTicksTheForcedLanguage();
    void toolbarTextsHaveNoMnemonics_data();
    void toolbarTextsHaveNoMnemonics();
    void openDialogListsSessions();
};

void tst_WindowFit::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

void tst_WindowFit::keyColumnsInView_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QString>("language");
    for (const QSize size : {QSize(1024, 768), QSize(1280, 720), QSize(1366, 768), QSize(1920, 1080)}) {
        for (const QString &language : {u"en"_s, u"zh_CN"_s})
            QTest::addRow("%dx%d %s", size.width(), size.height(), qPrintable(language)) << size << language;
    }
}

void tst_WindowFit::keyColumnsInView()
{
    QFETCH(QSize, size);
    QFETCH(QString, language);
    LanguageSwitcher languages;
    languages.apply(language);
    MainWindow window(&languages);
    window.arrangeFor(size);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *tree = window.findChild<TaskTreePanel *>()->view();
    const QHeaderView *header = tree->header();
    for (int column : {int(TaskTreeModel::StateColumn), int(TaskTreeModel::ReasonColumn)}) {
        QTRY_VERIFY2(header->sectionViewportPosition(column) >= 0
                         && header->sectionViewportPosition(column) + header->sectionSize(column)
                             <= tree->viewport()->width(),
                     qPrintable(u"column %1 at %2+%3 of %4"_s.arg(column)
                                    .arg(header->sectionViewportPosition(column))
                                    .arg(header->sectionSize(column))
                                    .arg(tree->viewport()->width())));
    }
    auto *list = window.findChild<QListWidget *>(u"experimentList"_s);
    QVERIFY(list);
    QVERIFY2(list->viewport()->height() >= 5 * list->sizeHintForRow(0) - 2,
             qPrintable(QString::number(list->viewport()->height())));
    languages.apply(u"en"_s);
}

void tst_WindowFit::languageMenuTicksTheForcedLanguage()
{
    QSettings().remove(u"settings/language"_s); // saved: follow the system
    LanguageSwitcher languages;
    languages.apply(u"zh_CN"_s); // as --lang zh_CN does
    {
        MainWindow window(&languages);
        auto *chinese = window.findChild<QAction *>(u"actionLanguageChinese"_s);
        auto *system = window.findChild<QAction *>(u"actionLanguageSystem"_s);
        QVERIFY(chinese && system);
        QVERIFY(chinese->isChecked());
        QVERIFY(!system->isChecked());
    }
    languages.apply({});
    MainWindow window(&languages);
    QVERIFY(window.findChild<QAction *>(u"actionLanguageSystem"_s)->isChecked());
    languages.apply(u"en"_s);
}

void tst_WindowFit::toolbarTextsHaveNoMnemonics_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("shown");
    QTest::addColumn<QString>("brief");
    QTest::newRow("english") << u"&Terminate (SIGTERM)"_s << u"Terminate (SIGTERM)"_s << u"Terminate"_s;
    QTest::newRow("chinese, key appended") << u"终止 (SIGTERM)(&T)"_s << u"终止 (SIGTERM)"_s << u"终止"_s;
    QTest::newRow("full-width parentheses") << u"回收僵尸进程（&R）"_s << u"回收僵尸进程"_s << u"回收僵尸进程"_s;
    QTest::newRow("a real ampersand") << u"Save && quit"_s << u"Save & quit"_s << u"Save & quit"_s;
}

void tst_WindowFit::toolbarTextsHaveNoMnemonics()
{
    QFETCH(QString, text);
    QFETCH(QString, shown);
    QFETCH(QString, brief);
    QCOMPARE(ToolbarText::withoutMnemonic(text), shown);
    QCOMPARE(ToolbarText::shortForm(ToolbarText::withoutMnemonic(text)), brief);
}

void tst_WindowFit::openDialogListsSessions()
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const double start = 1764600000; // 1 Dec 2025, 14:40 UTC
    for (const auto &[name, experiment, t] : {std::tuple{u"a.jsonl"_s, u"race"_s, start},
                                              std::tuple{u"b.jsonl"_s, u"deadlock"_s, start + 3600}}) {
        QFile file(folder.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(SessionHeader::forThisMachine(experiment, {}, t).toJsonLine() + '\n');
    }
    QFile junk(folder.filePath(u"notes.jsonl"_s));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("not a session\n");
    junk.close();
    QFile other(folder.filePath(u"readme.txt"_s));
    QVERIFY(other.open(QIODevice::WriteOnly));
    other.close();

    SessionOpenDialog dialog(folder.path());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTreeWidget *list = dialog.list();
    QCOMPARE(list->topLevelItemCount(), 3); // the .txt is not a session
    // Newest first, with the experiment's title and id and the start in the window's language.
    QVERIFY2(list->topLevelItem(0)->text(0).contains(u"(deadlock)"_s), qPrintable(list->topLevelItem(0)->text(0)));
    QVERIFY(list->topLevelItem(1)->text(0).contains(u"(race)"_s));
    const QDateTime started = QDateTime::fromSecsSinceEpoch(qint64(start) + 3600);
    QCOMPARE(list->topLevelItem(0)->text(1), QLocale().toString(started, QLocale::ShortFormat));
    QVERIFY(list->topLevelItem(2)->isDisabled()); // not a readable session
    // No column cut: each fits its widest text.
    for (int column = 0; column < 3; ++column) {
        int widest = 0;
        for (int i = 0; i < list->topLevelItemCount(); ++i)
            widest = std::max(widest, list->fontMetrics().horizontalAdvance(list->topLevelItem(i)->text(column)));
        QVERIFY2(list->header()->sectionSize(column) >= widest, qPrintable(QString::number(column)));
    }
    QVERIFY(list->header()->sectionViewportPosition(2) + list->header()->sectionSize(2) <= list->viewport()->width());
    QCOMPARE(list->currentItem(), list->topLevelItem(0));
}

QTEST_MAIN(tst_WindowFit)
#include "tst_windowfit.moc"
