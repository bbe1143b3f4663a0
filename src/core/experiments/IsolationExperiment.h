#pragma once

#include "Experiment.h"
#include "LiveFigures.h"

// `isolation`: children change their own copy of the parent's data; threads change the one copy.
class IsolationExperiment : public Experiment
{
    Q_OBJECT
public:
    using Experiment::Experiment;
    QString id() const override { return QStringLiteral("isolation"); }
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

private:
    static void reportValues(ExperimentRun &run, LiveFigures::Moment moment);
};
