#pragma once

#include "Experiment.h"

// `oversubscribe`: more busy workers than cores: the kernel time-slices them and each waits Ready.
class OversubscribeExperiment : public Experiment
{
    Q_OBJECT
public:
    using Experiment::Experiment;
    QString id() const override { return QStringLiteral("oversubscribe"); }
    QString title() const override;
    QString summary() const override;
    QString explanation() const override;
    QString python() const override;
    QList<ParameterSpec> parameters() const override;
    bool start(ExperimentRun &run) override;
    void tick(ExperimentRun &run, const Snapshot &snapshot) override;
    QStringList liveFigures() const override;
    PhenomenonVerdict check(const QList<SessionEvent> &events, const ParameterValues &values) const override;
    Prediction prediction() const override;
    int provedChoice(const QJsonObject &figures, const ParameterValues &values) const override;

};
