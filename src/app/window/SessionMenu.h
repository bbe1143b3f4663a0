#pragma once

#include "frame/Frame.h"

#include <QObject>

#include <optional>

class FrameFanOut;
class ProgramConsole;
class ProgramSession;
class QAction;
class QMainWindow;
class QMenu;
class QTabWidget;
class QToolBar;
class ReplayBar;
class ReplayController;
class SessionInfoWidget;
struct SessionHeader;
class StatusBarController;
class TaskActions;

// The Session menu's sessions that are not experiments: Run a program…, Attach to process…, and the replay of a
// recorded session (Open…). Owns the ProgramSession, the ReplayController, the console tab and the replay bar;
// their frames go to the window's one FrameFanOut, as the experiment's do. Signalling the selected process of a
// program run is TaskActions' (the same Terminate and Kill as for an experiment), which this hands the session.
class SessionMenu : public QObject
{
    Q_OBJECT
public:
    // What of the window this uses; all owned by the window.
    struct Views
    {
        QMainWindow *window = nullptr;
        QMenu *menu = nullptr; // the Session menu; the new actions go in before `before`
        QAction *before = nullptr;
        FrameFanOut *frames = nullptr; // the views, fed every frame and cleared through it
        SessionInfoWidget *info = nullptr;
        QTabWidget *tabs = nullptr; // the console goes in here
        TaskActions *taskActions = nullptr; // its Terminate and Kill, in the menu's "Signal the selected process"
    };
    SessionMenu(const Views &views, QObject *parent = nullptr);
    ~SessionMenu() override;

    ProgramSession *program() const { return m_program; }
    ReplayController *replay() const { return m_replay; }
    ProgramConsole *console() const { return m_console; }
    ReplayBar *replayBar() const { return m_bar; }
    QAction *runAction() const { return m_run; }
    QAction *attachAction() const { return m_attach; }
    QAction *stopAction() const { return m_stop; }

    // What the dialogs do once accepted (the tests call these). False with the reason in the status bar and on
    // *error; the window goes on.
    bool runProgram(const QStringList &command, const QString &workingDirectory, QString *error = nullptr);
    bool attachTo(qint64 pid, QString *error = nullptr);
    // Opens a recorded session for replay. False with the reason shown.
    bool openReplay(const QString &path, QString *error = nullptr);
    // Ends a program session (its tree) or an attach (watching only), and leaves replay.
    void stopAll();
    bool isBusy() const;
    bool isReplaying() const;
    // Hides the replay bar unless a replay is loaded (after QMainWindow::restoreState, which may show it).
    void hideEmptyReplayBar();

    void setIntervalMs(int ms) { m_intervalMs = ms; }
    void setRecording(bool record) { m_record = record; }
    // The experiment is running: nothing of this menu may start.
    void setExperimentRunning(bool running);
    // The session file of the last program run (for Export…); empty when it recorded nothing.
    QString lastLogPath() const;
    void retranslate();

Q_SIGNALS:
    // A program or attach session started (the window clears its views), or ended.
    void started();
    void finished();
    // A recording was opened for replay (the window takes its experiment and title), or the replay ended.
    void replayOpened(const SessionHeader &header, const QString &path);
    void replayClosed();

private:
    void askRun();
    void askAttach();
    void clearViews();
    void closeReplay();
    StatusBarController *statusBar() const;
    void updateActions();

    Views m_views;
    ProgramSession *m_program;
    ReplayController *m_replay;
    ProgramConsole *m_console;
    ReplayBar *m_bar;
    QToolBar *m_barHolder;
    QAction *m_run;
    QAction *m_attach;
    QAction *m_stop;
    QMenu *m_signalMenu;
    QString m_lastCommandLine;
    QString m_lastDirectory;
    int m_intervalMs = 100;
    bool m_record = true;
    bool m_experimentRunning = false;
};
