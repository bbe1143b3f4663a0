#pragma once

#include <QObject>

#include <functional>

class ExperimentPanel;
class QAction;
class QMainWindow;
class QMenu;
class StatusBarController;
class TaskActions;
class TaskTreePanel;
class WaitGraphPanel;

// A keyboard path to everything in the window: the focus starts in the experiment list and Tab goes on to the
// task filter and the table before the state toggles; Ctrl+L and Ctrl+T put the focus in the list and the table;
// Ctrl+B breaks a live deadlock. A key whose action cannot act now (F7 with no zombie selected) answers in the
// status bar with what to select, instead of doing nothing.
class KeyboardPaths : public QObject
{
    Q_OBJECT
public:
    struct Parts
    {
        QMainWindow *window = nullptr;
        QMenu *viewMenu = nullptr;       // the focus actions go at its end
        QMenu *experimentMenu = nullptr; // Break the deadlock goes at its end
        ExperimentPanel *experiments = nullptr;
        TaskTreePanel *tasks = nullptr;
        WaitGraphPanel *waitGraph = nullptr;
        TaskActions *taskActions = nullptr;
        StatusBarController *status = nullptr;
    };
    explicit KeyboardPaths(const Parts &parts, QObject *parent = nullptr);

    QAction *focusExperimentsAction() const { return m_focusExperiments; }
    QAction *focusTasksAction() const { return m_focusTasks; }
    void retranslate();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void orderTabs();
    // While `action` is disabled its key shows why() in the status bar.
    void explainWhenDisabled(QAction *action, std::function<QString()> why);

    Parts m_parts;
    QAction *m_focusExperiments;
    QAction *m_focusTasks;
};
