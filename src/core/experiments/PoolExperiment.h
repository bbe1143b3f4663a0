#pragma once

#include "Experiment.h"

#include <QSet>

// `pool`: a pool of worker processes runs CPU-bound tasks with apply, apply_async or map.
class PoolExperiment : public Experiment
{
    Q_OBJECT
public:
    using Experiment::Experiment;
    QString id() const override { return QStringLiteral("pool"); }
    QString title() const override;
    QString summary() const override;
    QString explanation() const override;
    QString python() const override;
    QList<ParameterSpec> parameters() const override;
    bool start(ExperimentRun &run) override;
    PhenomenonVerdict check(const QList<SessionEvent> &events, const ParameterValues &values) const override;
    Prediction prediction() const override;
    int provedChoice(const QJsonObject &figures, const ParameterValues &values) const override;
    void tick(ExperimentRun &run, const Snapshot &snapshot) override;
    void finish(ExperimentRun &run) override;
    QStringList liveFigures() const override;
    double settleSeconds(const ParameterValues &values) const override;

private:
    // Records each task as it ends (pool.task) and each mode's makespan as the mode ends.
    void recordEnded(ExperimentRun &run);
    QSet<int> m_recordedTasks; // mode * MaxTasks + task
};
