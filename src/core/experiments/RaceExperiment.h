#pragma once

#include "Experiment.h"
#include "LiveFigures.h"

// `race`: threads update one shared counter without a lock and lose updates.
class RaceExperiment : public Experiment
{
    Q_OBJECT
public:
    using Experiment::Experiment;
    QString id() const override { return QStringLiteral("race"); }
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
    double settleSeconds(const ParameterValues &values) const override;

private:
    static void reportFigures(ExperimentRun &run, LiveFigures::Moment moment);
};
