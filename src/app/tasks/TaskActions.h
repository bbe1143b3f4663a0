#pragma once

#include "frame/TaskRow.h"

#include <QObject>

#include <optional>

class ProgramSession;
class QAction;
class QMenu;
class QWidget;
class SessionController;

// The actions on the selected task, shared by the context menu, the toolbar and the keys: Terminate (SIGTERM, F8),
// Kill (SIGKILL, F9), Stop (SIGSTOP, Ctrl+Shift+S), Continue (SIGCONT, Ctrl+Shift+C), Reap (F7; also from a
// zombie's thread row), Stop thread (cooperative), Add producer and Add consumer. Signals go to the task's process: POSIX has no way to kill or stop one thread from outside.
// Every request goes through the LabController of the running session, which refuses processes it did not start.
// Terminate and Kill also act on the watched tree of a program run or an attach (ProgramSession; an attached
// process only after the user's yes): these are the only Terminate and Kill actions of the window, in the
// Session menu, the task menu, the toolbar and on F8/F9 alike.
class TaskActions : public QObject
{
    Q_OBJECT
public:
    TaskActions(SessionController *session, QObject *parent = nullptr);
    // The program run or attach that Terminate and Kill also act on while no experiment runs (not owned);
    // `dialogParent` asks before an attached process is signalled.
    void setProgramSession(ProgramSession *program, QWidget *dialogParent);

    // The selected row, or none; updates which actions are enabled.
    void setSelection(const std::optional<TaskRow> &row);
    std::optional<TaskRow> selection() const { return m_selection; }
    // Re-evaluates what is possible (call after start, stop, and when live parameters appear).
    void refresh();
    // The menu of the task tree.
    void fillMenu(QMenu *menu) const;
    QList<QAction *> toolbarActions() const;
    // The actions with a key (F7, F8, F9, Stop, Continue), and why one of them cannot act now, in a sentence
    // that says what to select or do: a key pressed with nothing to act on answers in the status bar.
    QList<QAction *> keyedActions() const;
    QString whyNot(const QAction *action) const;

    QAction *terminateAction() const { return m_terminate; }
    QAction *killAction() const { return m_kill; }
    QAction *stopAction() const { return m_stop; }
    QAction *continueAction() const { return m_continue; }
    QAction *reapAction() const { return m_reap; }
    QAction *stopThreadAction() const { return m_stopThread; }
    QAction *addProducerAction() const { return m_addProducer; }
    QAction *addConsumerAction() const { return m_addConsumer; }

    // Why a thread cannot be killed from outside, for the status bar and the tool tip.
    static QString threadNote();
    void retranslate();

Q_SIGNALS:
    // A sentence for the status bar after an action (what was done, or why not).
    void message(const QString &text);
    // A live parameter the action changed (the form shows it).
    void parameterChanged(const QString &name, const QString &text);

private:
    void signalProcess(int signal);
    void signalProgram(int signal);
    bool programRunning() const;
    void reap();
    void stopThread();
    void addWorker(const QString &parameter);
    bool hasLiveParameter(const QString &name) const;

    SessionController *m_session;
    ProgramSession *m_program = nullptr;
    QWidget *m_dialogParent = nullptr;
    std::optional<TaskRow> m_selection;
    QAction *m_terminate;
    QAction *m_kill;
    QAction *m_stop;
    QAction *m_continue;
    QAction *m_reap;
    QAction *m_stopThread;
    QAction *m_addProducer;
    QAction *m_addConsumer;
};
