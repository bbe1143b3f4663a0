#pragma once

#include "Experiment.h"

// `pc-processes`: producers and consumers as separate processes around a shared-memory queue or a pipe.
class ProducerConsumerProcessesExperiment : public Experiment
{
    Q_OBJECT
public:
    using Experiment::Experiment;
    QString id() const override { return QStringLiteral("pc-processes"); }
    QString title() const override;
    QString summary() const override;
    QString explanation() const override;
    QString python() const override;
    QList<ParameterSpec> parameters() const override;
    bool start(ExperimentRun &run) override;
    PhenomenonVerdict check(const QList<SessionEvent> &events, const ParameterValues &values) const override;
    Prediction prediction() const override;
    int provedChoice(const QJsonObject &figures, const ParameterValues &values) const override;
    void observe(ExperimentRun &run, const SessionEvent &event) override;
    QStringList liveFigures() const override;

};
