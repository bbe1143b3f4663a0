#pragma once

#include "Experiment.h"
#include "LiveFigures.h"

// `deadlock`: a ring of threads, each holding one lock and waiting for the next.
class DeadlockExperiment : public Experiment
{
    Q_OBJECT
public:
    using Experiment::Experiment;
    QString id() const override { return QStringLiteral("deadlock"); }
    QString title() const override;
    QString summary() const override;
    QString explanation() const override;
    QString python() const override;
    QList<ParameterSpec> parameters() const override;
    bool start(ExperimentRun &run) override;
    int steppingThreads(const ParameterValues &values) const override;
    void finish(ExperimentRun &run) override;
    PhenomenonVerdict check(const QList<SessionEvent> &events, const ParameterValues &values) const override;
    Prediction prediction() const override;
    int provedChoice(const QJsonObject &figures, const ParameterValues &values) const override;
    void tick(ExperimentRun &run, const Snapshot &snapshot) override;
    void observe(ExperimentRun &run, const SessionEvent &event) override;
    QStringList liveFigures() const override;
    // `cycle_length` (with the cycle) from a deadlock.detected event; join-deadlock reports its cycle the same way.
    static void reportCycle(ExperimentRun &run, const SessionEvent &event);

private:
    static void reportAcquisitions(ExperimentRun &run, LiveFigures::Moment moment);
};
