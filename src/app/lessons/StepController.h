#pragma once

#include "experiments/RecordedSchedule.h"
#include "frame/TaskRow.h"

#include <QList>
#include <QObject>
#include <QTimer>

#include <cstdint>
#include <memory>
#include <optional>

class QAction;
class SessionController;
class StepGrants;
class StepSchedule;

// The window's side of step mode: the user is the scheduler. While a run started with Step mode goes on, a grant
// for one stepping thread — its number key (1–9), activating its row, or Step (F10) for the selected row — goes out
// as soon as the previous step has ended (StepGrants, the same rule and the same `step` events as `proclab run
// --schedule`); keys pressed faster wait their turn, in order. A grant that cannot be taken (the thread has
// finished, runs free, or is blocked inside its step) says why in message() and does nothing else. Run free lets
// the selected thread (or every thread) pass its gates without grants.
//
// After a stepped run, or for a replayed session with `step` events, "Run this schedule again" asks the window to
// start the same experiment with the same parameters in step mode (scheduleAgainRequested); runSchedule() then
// grants the recorded steps through StepSchedule and ends the run when they are done, as the CLI does.
class StepController : public QObject
{
    Q_OBJECT
public:
    explicit StepController(SessionController *session, QObject *parent = nullptr);
    ~StepController() override;

    QAction *stepAction() const { return m_step; }
    QAction *runFreeAction() const { return m_runFree; }
    QAction *runAllFreeAction() const { return m_runAllFree; }
    QAction *scheduleAgainAction() const { return m_scheduleAgain; }
    // Keys 1–9: one step for that thread. The window adds them to itself (window-wide shortcuts).
    const QList<QAction *> &numberActions() const { return m_numbers; }

    // True while the current run steps by hand (not while a recorded schedule is being granted).
    bool isStepping() const;
    // How many threads step in the current run; 0 when it does not step.
    int threads() const { return m_threads; }
    void setSelection(const std::optional<TaskRow> &row);
    // One step for the stepping thread shown in this row (a double-click, Enter); says why not otherwise.
    void grantRow(const TaskRow &row);
    // One step for stepping thread `number` (1-based), when the previous one has ended.
    void grant(int number);
    void runFree(int number);
    void runAllFree();

    // What "Run this schedule again" grants: the last stepped run's, or a replayed session's.
    void setSchedule(const RecordedSchedule &schedule);
    const RecordedSchedule &schedule() const { return m_schedule; }
    // Grants `grants` to the run that has just started (in step mode) through StepSchedule, then stops it.
    void runSchedule(const QList<int> &grants);
    // The numbers granted by hand in the current (or last) run, in order.
    QList<int> granted() const;
    void retranslate();

Q_SIGNALS:
    // A sentence for the status bar: what was granted, or why not.
    void message(const QString &text);
    void scheduleAgainRequested(const RecordedSchedule &schedule);

private:
    void onStarted();
    void onStopped();
    void poll();
    // The stepping thread number of a task (its telemetry slot's), 0 when it does not step.
    int numberOf(qint64 tid) const;
    int slotOf(int number) const;
    void updateActions();

    SessionController *m_session;
    QAction *m_step;
    QAction *m_runFree;
    QAction *m_runAllFree;
    QAction *m_scheduleAgain;
    QList<QAction *> m_numbers;
    std::optional<TaskRow> m_selection;
    std::unique_ptr<StepGrants> m_grants;
    StepSchedule *m_runner = nullptr;
    QList<int> m_wanted;            // grants asked for and not yet given, in order
    std::int64_t m_frontSinceNs = 0; // since when the first of them waits
    int m_threads = 0;
    RecordedSchedule m_schedule;
    QTimer m_timer;
};
