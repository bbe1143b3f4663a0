#pragma once

#include "Experiment.h"
#include "LiveFigures.h"

// `polling`: a blocking consumer sleeps until an item comes; a polling one burns a core asking.
class PollingExperiment : public Experiment
{
    Q_OBJECT
public:
    using Experiment::Experiment;
    QString id() const override { return QStringLiteral("polling"); }
    QString title() const override;
    QString summary() const override;
    QString explanation() const override;
    QString python() const override;
    QList<ParameterSpec> parameters() const override;
    bool start(ExperimentRun &run) override;
    void tick(ExperimentRun &run, const Snapshot &snapshot) override;
    void finish(ExperimentRun &run) override;
    QStringList liveFigures() const override;
    PhenomenonVerdict check(const QList<SessionEvent> &events, const ParameterValues &values) const override;
    Prediction prediction() const override;
    int provedChoice(const QJsonObject &figures, const ParameterValues &values) const override;

private:
    static void reportItems(ExperimentRun &run, LiveFigures::Moment moment);
};
