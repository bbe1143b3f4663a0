#pragma once

#include "Experiment.h"
#include "LiveFigures.h"

// `kill-holding-lock`: a process is killed while it holds a shared lock; the others wait for ever, unless the lock is robust.
class KillHoldingLockExperiment : public Experiment
{
    Q_OBJECT
public:
    using Experiment::Experiment;
    QString id() const override { return QStringLiteral("kill-holding-lock"); }
    QString title() const override;
    QString summary() const override;
    QString explanation() const override;
    QString python() const override;
    QList<ParameterSpec> parameters() const override;
    bool start(ExperimentRun &run) override;
    int steppingThreads(const ParameterValues &values) const override;
    PhenomenonVerdict check(const QList<SessionEvent> &events, const ParameterValues &values) const override;
    Prediction prediction() const override;
    int provedChoice(const QJsonObject &figures, const ParameterValues &values) const override;
    void tick(ExperimentRun &run, const Snapshot &snapshot) override;
    void finish(ExperimentRun &run) override;
    QStringList liveFigures() const override;

private:
    void reportAfterKill(ExperimentRun &run, LiveFigures::Moment moment) const;
    // Whether thread tid of process pid reached the stopped state within 100 ms of a SIGSTOP.
    static bool waitUntilStopped(pid_t pid, pid_t tid);
    bool m_killed = false;
    bool m_armed = false;
    bool m_baselineTaken = false; // the acquisitions count read at the first tick after the kill
    quint64 m_acquisitionsAtKill = 0;
    pid_t m_victim = 0;
};
