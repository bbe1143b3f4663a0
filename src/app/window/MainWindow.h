#pragma once

#include "experiments/Experiment.h"

#include <QMainWindow>

#include <memory>

namespace Ui {
class MainWindow;
}
class FrameFanOut;
class GuiOptions;
class LanguageSwitcher;
class LessonPathDialog;
class LessonViewPicker;
class PoolGanttWidget;
class QActionGroup;
class ReplayContext;
class SessionController;
class SessionMenu;
class StatusBarController;
class StepController;
struct RecordedSchedule;
class TaskActions;
class ThemeController;
class ToolbarText;
class ChartStack;

// The ProcLab window. It only wires: it loads ui/mainwindow.ui (whose panels are their own classes), owns the
// session controller and the action sets, and connects them. No /proc parsing, no process control happens here.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(LanguageSwitcher *languages, QWidget *parent = nullptr);
    ~MainWindow() override;

    // `proclab gui --experiment … --set … --interval … --start`: the options were checked against the catalogue
    // before the window was made (main.cpp); this selects, fills in and, with --start, starts.
    void applyOptions(const GuiOptions &options);
    // Shows the window: where it was last time, or on a first start filling the screen (maximised), so a
    // 1280×800 laptop and a 1920×1080 screen both get every panel at a readable size.
    // Takes `size` and lays the docks out for it as a first start on such a screen does.
    void arrangeFor(const QSize &size);
    void showAtStart();
    SessionController *session() const { return m_session; }
    SessionMenu *sessionMenu() const { return m_sessionMenu; }
    TaskActions *taskActions() const { return m_taskActions; }
    StepController *stepping() const { return m_stepping; }

public Q_SLOTS:
    void startExperiment();
    void stopExperiment();

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void setUpActions();
    void setUpLanguageMenu();
    void setUpThemeMenu();
    void setUpIntervalMenu();
    void setUpViewMenu();
    void setUpExperimentMenu();
    void chooseLanguage(const QString &language);
    void setIntervalMs(int ms);
    void onStarted();
    void onStopped(const PhenomenonVerdict &verdict);
    void onLiveChange(const QString &name, const QString &text);
    void updateTitle();
    void updateRunActions();
    void newSession();
    void openSession(const QString &path = {});
    void exportSession();
    void addRecent(const QString &path);
    void fillRecentMenu();
    void editLimits();
    void showHelp(int page);
    // Experiment ▸ Lesson path (Ctrl+P): non-modal, one per window.
    void showLessonPath();
    void restoreWindowState();
    // True when the window is no larger than its screen's available area.
    bool fitsScreen() const;
    void sizeDocks(int width);
    void onEvents(const QList<SessionEvent> &events);
    void setUpStepping();
    // "Run this schedule again": the recorded experiment and parameters, in step mode, granted the recorded steps.
    void runScheduleAgain(const RecordedSchedule &schedule);
    void markWaitGraphTab(bool deadlocked);

    std::unique_ptr<Ui::MainWindow> m_ui;
    LanguageSwitcher *m_languages;
    SessionController *m_session;
    FrameFanOut *m_views = nullptr;
    PoolGanttWidget *m_poolGantt = nullptr;
    LessonViewPicker *m_viewPicker = nullptr;
    LessonPathDialog *m_lessonPath = nullptr;
    SessionMenu *m_sessionMenu = nullptr;
    ReplayContext *m_replayContext = nullptr;
    TaskActions *m_taskActions;
    StepController *m_stepping = nullptr;
    StatusBarController *m_status;
    ThemeController *m_theme;
    ToolbarText *m_toolbarText = nullptr;
    ChartStack *m_chartStack = nullptr;
    QActionGroup *m_languageGroup = nullptr;
    QActionGroup *m_intervalGroup = nullptr;
    QString m_lastSessionFile;
    bool m_restoredGeometry = false;
};
