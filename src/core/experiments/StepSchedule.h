#pragma once

#include "StepGrants.h"
#include "ipc/StepAction.h"

#include <QCoreApplication>
#include <QList>
#include <QObject>
#include <QString>

#include <cstdint>

class ExperimentRun;
class QTimer;
struct TelemetrySnapshot;

// Grants the steps of a step-mode run in a given order (`proclab run --schedule 1,2,1,2`, the window's "Run this
// schedule again"): each number is a stepping thread's 1-based number. A grant goes out only when the previous step
// has ended — done, the thread finished, or the thread is blocked inside it (on a lock, a full or empty queue: it
// stays so) — and every step is recorded as a `step` event (StepGrants, shared with the window's stepping).
// Once the last step has ended and the sampler has seen it, finished() ends the run.
//
// A grant that cannot be taken — its thread has finished, or is still blocked inside its previous step — fails
// the schedule with one line saying why (failed()), the CLI's bad input. Polls the telemetry block on the run's
// thread every few milliseconds; the lab threads are woken by the grant's futex wake, not by the poll.
class StepSchedule : public QObject
{
    Q_OBJECT
public:
    StepSchedule(ExperimentRun &run, const QList<int> &grants, QObject *parent = nullptr);

    // Parses "1,2,1,2": numbers from 1 to `threads`; false with `error` (one line) otherwise.
    static bool parse(const QString &text, int threads, QList<int> *grants, QString *error);
    // One line for a step as the user reads it: "racer-2: store counter ← 42", "ring-1: acquire L2".
    static QString describe(const QString &role, StepAction action, const QString &object, std::int64_t value);

    void start();

Q_SIGNALS:
    void finished();
    void failed(const QString &reason);

private:
    void poll();
    void grantNext(const TelemetrySnapshot &snapshot, std::int64_t now);
    void fail(const QString &reason);

    ExperimentRun &m_run;
    QList<int> m_grants;
    StepGrants m_steps;
    int m_next = 0;
    std::int64_t m_waitingSinceNs = 0;
    std::int64_t m_doneAtNs = 0;
    bool m_over = false;
    QTimer *m_timer = nullptr;
};
