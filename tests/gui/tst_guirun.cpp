// The window driving real experiments: rows for real TIDs, Kill, the zombie and Reap. Runs real lab processes;
// every test stops its session and checks that nothing of ours is left.
#include "ChildrenLeft.h"
#include "lessons/ExperimentPanel.h"
#include "lessons/ParameterForm.h"
#include "lessons/SessionController.h"
#include "tasks/TaskActions.h"
#include "tasks/TaskTreeModel.h"
#include "tasks/TaskTreePanel.h"
#include "tasks/TaskTreeProxy.h"
#include "timeline/StateTimelineWidget.h"
#include "timeline/TimelinePanel.h"
#include "window/LanguageSwitcher.h"
#include "window/MainWindow.h"

#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabWidget>
#include <QTranslator>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QTreeView>

#include <functional>

using namespace Qt::Literals::StringLiterals;

namespace {
// Marks every string of ProcLab's own contexts: after a switch, any text on screen without the mark was not
// retranslated. The .ts files cannot serve here — they are filled in later than the code — and this checks
// every string, translated yet or not. Qt's own contexts and key sequences ("Ctrl+Q") are left alone.
class MarkingTranslator : public QTranslator
{
public:
    static constexpr char16_t Mark = u'译';
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *source, const char *, int) const override
    {
        const QString text = QString::fromUtf8(source);
        const bool qtContext = context && context[0] == 'Q' && QChar::fromLatin1(context[1]).isUpper();
        static const QRegularExpression keys(u"^((Ctrl|Shift|Alt|Meta)\\+)*(F\\d+|.)$"_s);
        if (qtContext || text.isEmpty() || keys.match(text).hasMatch())
            return {};
        return QChar(Mark) + text;
    }
};

bool marked(const QString &text)
{
    return text.contains(QChar(MarkingTranslator::Mark));
}
} // namespace

class tst_GuiRun : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void threadsShowRealTids();
    void killTurnsAProcessTerminated();
    void zombieIsShownAndReaped();
    void languageSwitchRetranslatesARunningWindow();

private:
    // Every row of the task model, depth first.
    static QList<TaskRow> rows(const TaskTreeModel *model);
    static std::optional<TaskRow> find(const TaskTreeModel *model, const std::function<bool(const TaskRow &)> &test);
};

void tst_GuiRun::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QSettings().setValue(u"settings/record"_s, false);
    QSettings().setValue(u"settings/interval"_s, 100);
    qputenv("PROCLAB_WORKER", PROCLAB_BIN_DIR "/proclab-worker");
}

QList<TaskRow> tst_GuiRun::rows(const TaskTreeModel *model)
{
    QList<TaskRow> all;
    std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
        for (int r = 0; r < model->rowCount(parent); ++r) {
            const QModelIndex index = model->index(r, 0, parent);
            all << *model->taskAt(index);
            walk(index);
        }
    };
    walk({});
    return all;
}

std::optional<TaskRow> tst_GuiRun::find(const TaskTreeModel *model, const std::function<bool(const TaskRow &)> &test)
{
    for (const TaskRow &row : rows(model)) {
        if (test(row))
            return row;
    }
    return std::nullopt;
}

void tst_GuiRun::cleanup()
{
    QTRY_VERIFY2(childrenLeft().isEmpty(), qPrintable(childrenLeft().join(u' ')));
}

void tst_GuiRun::threadsShowRealTids()
{
    LanguageSwitcher languages;
    languages.apply(u"en"_s);
    MainWindow window(&languages);
    window.show();
    window.findChild<ExperimentPanel *>()->selectExperiment(u"pc-threads"_s);
    window.startExperiment();
    QVERIFY(window.session()->isRunning());
    const TaskTreeModel *model = window.findChild<TaskTreePanel *>()->model();
    QTRY_VERIFY_WITH_TIMEOUT(find(model, [](const TaskRow &r) { return r.role == u"producer"_s || r.name.startsWith(u"producer"_s); }),
                             10000);
    // Threads appear as the sampler finds them (one may come a tick or a re-scan after the first): wait for all.
    const auto threadRows = [model] {
        int threads = 0;
        for (const TaskRow &row : rows(model))
            threads += row.isProcess() ? 0 : 1;
        return threads;
    };
    QTRY_VERIFY_WITH_TIMEOUT(threadRows() >= 4, 10000); // two producers, two consumers
    for (const TaskRow &row : rows(model)) {
        if (row.isProcess())
            continue;
        QVERIFY2(QFile::exists(u"/proc/%1/task/%2"_s.arg(row.pid).arg(row.tid)),
                 qPrintable(u"TID %1 of %2"_s.arg(row.tid).arg(row.pid)));
    }

    // The worker's control thread (its main thread, waiting in poll()) is in the model, hidden by the proxy until
    // "Show ProcLab's own threads" is on; every thread shown has a name of its own.
    auto *panel = window.findChild<TaskTreePanel *>();
    const auto shownRows = [panel] {
        QList<TaskRow> shown;
        std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
            for (int r = 0; r < panel->proxy()->rowCount(parent); ++r) {
                const QModelIndex index = panel->proxy()->index(r, 0, parent);
                shown << *panel->model()->taskAt(panel->proxy()->mapToSource(index));
                walk(index);
            }
        };
        walk({});
        return shown;
    };
    const auto control = find(model, [](const TaskRow &r) { return r.labControl; });
    QVERIFY(control.has_value());
    QCOMPARE(control->tid, control->pid);
    QSet<QString> names;
    for (const TaskRow &row : shownRows()) {
        QVERIFY2(!row.labControl, qPrintable(row.name));
        if (!row.isProcess()) {
            QVERIFY2(!names.contains(row.name), qPrintable(row.name));
            names.insert(row.name);
        }
    }
    // The timeline follows the same toggle: no lane for the control thread until it is shown, then one.
    const StateTimelineWidget *timeline = window.findChild<TimelinePanel *>()->timeline();
    const QString controlLane = u"%1 %2"_s.arg(control->tid).arg(control->name);
    QTRY_VERIFY(!timeline->shownLabels().isEmpty());
    QVERIFY2(!timeline->shownLabels().contains(controlLane), qPrintable(timeline->shownLabels().join(u", "_s)));
    QAction *own = panel->ownThreadsAction();
    QVERIFY(!own->isChecked());
    QVERIFY(window.findChild<QMenu *>(u"menuView"_s)->actions().contains(own));
    own->setChecked(true);
    const QList<TaskRow> all = shownRows();
    QVERIFY(std::any_of(all.cbegin(), all.cend(), [&](const TaskRow &r) { return r.key() == control->key(); }));
    QVERIFY2(timeline->shownLabels().contains(controlLane), qPrintable(timeline->shownLabels().join(u", "_s)));
    own->setChecked(false);
    QVERIFY(!timeline->shownLabels().contains(controlLane));
    window.close();
    QVERIFY(!window.session()->isRunning());
}

void tst_GuiRun::killTurnsAProcessTerminated()
{
    LanguageSwitcher languages;
    languages.apply(u"en"_s);
    MainWindow window(&languages);
    window.show();
    window.findChild<ExperimentPanel *>()->selectExperiment(u"pc-threads"_s);
    window.startExperiment();
    auto *panel = window.findChild<TaskTreePanel *>();
    QTRY_VERIFY_WITH_TIMEOUT(panel->model()->rowCount() > 0, 10000);
    const qint64 pid = panel->model()->index(0, 0).data(TaskTreeModel::PidRole).toLongLong();
    QVERIFY(panel->selectTask(pid, 0));
    QVERIFY(window.taskActions()->killAction()->isEnabled());
    window.taskActions()->killAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(TaskState(panel->model()->indexOf(pid, 0).data(TaskTreeModel::StateRole).toInt()),
                              TaskState::Terminated, 5000);
    QVERIFY(!QFile::exists(u"/proc/%1"_s.arg(pid)));
    window.stopExperiment();
}

void tst_GuiRun::zombieIsShownAndReaped()
{
    LanguageSwitcher languages;
    languages.apply(u"en"_s);
    MainWindow window(&languages);
    window.show();
    window.findChild<ExperimentPanel *>()->selectExperiment(u"zombie"_s);
    window.startExperiment();
    auto *panel = window.findChild<TaskTreePanel *>();
    std::optional<TaskRow> zombie;
    QTRY_VERIFY_WITH_TIMEOUT((zombie = find(panel->model(), [](const TaskRow &r) {
                                  return r.isProcess() && r.state == TaskState::Zombie;
                              })).has_value(),
                             15000);
    const QModelIndex badge = panel->model()->indexOf(zombie->pid, 0, TaskTreeModel::StateColumn);
    QCOMPARE(badge.data().toString(), u"Zombie"_s);
    QVERIFY(!badge.data(Qt::DecorationRole).isNull());
    // Reap from the zombie's thread row acts on its process, as every signal does.
    QTRY_VERIFY_WITH_TIMEOUT(panel->selectTask(zombie->pid, zombie->pid), 5000);
    QVERIFY(window.taskActions()->reapAction()->isEnabled());
    QVERIFY(panel->selectTask(zombie->pid, 0));
    QVERIFY(window.taskActions()->reapAction()->isEnabled());
    QVERIFY(panel->selectTask(zombie->pid, zombie->pid));
    window.taskActions()->reapAction()->trigger();
    // Reaped, its PID is free; the row stays for the rest of the run as a greyed ghost saying what it was.
    QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(u"/proc/%1"_s.arg(zombie->pid)), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(panel->model()->indexOf(zombie->pid, 0, TaskTreeModel::ReasonColumn).data().toString()
                                 .contains(u"reaped"_s),
                             10000);
    QCOMPARE(panel->model()->indexOf(zombie->pid, 0, TaskTreeModel::StateColumn).data().toString(), u"Terminated"_s);
    window.stopExperiment();
}

void tst_GuiRun::languageSwitchRetranslatesARunningWindow()
{
    LanguageSwitcher languages;
    languages.apply(u"en"_s);
    MainWindow window(&languages);
    window.show();
    window.findChild<ExperimentPanel *>()->selectExperiment(u"pc-threads"_s);
    window.startExperiment();
    auto *panel = window.findChild<TaskTreePanel *>();
    QTRY_VERIFY_WITH_TIMEOUT(panel->model()->rowCount() > 0, 10000);

    // The real Chinese translation, while the lab runs.
    window.findChild<QAction *>(u"actionLanguageChinese"_s)->trigger();
    QTRY_VERIFY(window.menuBar()->actions().first()->text().contains(u"会话"_s));
    QVERIFY(window.session()->isRunning());

    // Then every string of the window, through the marking translator.
    languages.apply(u"en"_s);
    auto *tree = panel->findChild<QTreeView *>(u"taskTree"_s);
    QSignalSpy headerChanged(tree->model(), &QAbstractItemModel::headerDataChanged);
    MarkingTranslator marking;
    QCoreApplication::installTranslator(&marking);
    QTRY_VERIFY(marked(window.menuBar()->actions().first()->text()));
    for (QAction *menu : window.menuBar()->actions())
        QVERIFY2(marked(menu->text()), qPrintable(menu->text()));
    for (QDockWidget *dock : window.findChildren<QDockWidget *>())
        QVERIFY2(marked(dock->windowTitle()), qPrintable(dock->windowTitle()));
    auto *tabs = window.findChild<QTabWidget *>(u"bottomTabs"_s);
    for (int tab = 0; tab < tabs->count(); ++tab)
        QVERIFY2(marked(tabs->tabText(tab)), qPrintable(tabs->tabText(tab)));
    for (QAction *action : window.taskActions()->toolbarActions())
        QVERIFY2(marked(action->text()), qPrintable(action->text()));
    // The task table: its header is repainted (headerDataChanged), and its cells say the state in the new words.
    QVERIFY(!headerChanged.isEmpty());
    for (int column = 0; column < TaskTreeModel::ColumnCount; ++column)
        QVERIFY(marked(tree->model()->headerData(column, Qt::Horizontal).toString()));
    QTRY_VERIFY(marked(panel->model()->index(0, TaskTreeModel::StateColumn).data().toString()));
    // The panels' own labels, the experiment's title and the status bar (after the next tick).
    QTRY_VERIFY(marked(window.findChild<QLabel *>(u"experimentTitle"_s)->text()));
    QTRY_VERIFY(marked(window.findChild<QLabel *>(u"statusCounts"_s)->text()));
    QTRY_VERIFY(marked(window.findChild<QLabel *>(u"statusTime"_s)->text()));
    const auto unmarkedLabels = [&window] {
        QStringList unmarked;
        for (QLabel *label : window.findChildren<QLabel *>()) {
            // Numbers and PIDs are not words, parameter names are `--set` keys; a visible label that shows words
            // must show translated ones.
            if (label->objectName().startsWith(u"paramName_"_s))
                continue;
            if (label->isVisibleTo(&window) && label->text().contains(QRegularExpression(u"[A-Za-z]{3}"_s))
                && !marked(label->text()))
                unmarked << label->objectName() + u": "_s + label->text();
        }
        return unmarked;
    };
    QTRY_VERIFY2(unmarkedLabels().isEmpty(), qPrintable(unmarkedLabels().join(u" | "_s)));

    QCoreApplication::removeTranslator(&marking);
    QTRY_COMPARE(window.menuBar()->actions().first()->text().remove(u'&'), u"Session"_s);
    window.close();
    QVERIFY(!window.session()->isRunning());
}

QTEST_MAIN(tst_GuiRun)
#include "tst_guirun.moc"
