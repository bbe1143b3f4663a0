#pragma once

#include "Experiment.h"

// `join-deadlock`: the parent joins a child that is still blocked writing into a full pipe only the parent reads.
class JoinDeadlockExperiment : public Experiment
{
    Q_OBJECT
public:
    using Experiment::Experiment;
    QString id() const override { return QStringLiteral("join-deadlock"); }
    QString title() const override;
    QString summary() const override;
    QString explanation() const override;
    QString python() const override;
    QList<ParameterSpec> parameters() const override;
    bool start(ExperimentRun &run) override;
    void finish(ExperimentRun &run) override;
    PhenomenonVerdict check(const QList<SessionEvent> &events, const ParameterValues &values) const override;
    Prediction prediction() const override;
    int provedChoice(const QJsonObject &figures, const ParameterValues &values) const override;
    void tick(ExperimentRun &run, const Snapshot &snapshot) override;
    void observe(ExperimentRun &run, const SessionEvent &event) override;
    QStringList liveFigures() const override;
};
