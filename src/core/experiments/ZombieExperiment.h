#pragma once

#include "Experiment.h"

#include <QHash>
#include <QJsonObject>

// `zombie`: a child that ended and was not reaped. Its PID stays taken, in state Z, until the parent waits for it.
class ZombieExperiment : public Experiment
{
    Q_OBJECT
public:
    using Experiment::Experiment;
    QString id() const override { return QStringLiteral("zombie"); }
    QString title() const override;
    QString summary() const override;
    QString explanation() const override;
    QString python() const override;
    QList<ParameterSpec> parameters() const override;
    double settleSeconds(const ParameterValues &values) const override;
    bool start(ExperimentRun &run) override;
    PhenomenonVerdict check(const QList<SessionEvent> &events, const ParameterValues &values) const override;
    Prediction prediction() const override;
    int provedChoice(const QJsonObject &figures, const ParameterValues &values) const override;
    void tick(ExperimentRun &run, const Snapshot &snapshot) override;
    void observe(ExperimentRun &run, const SessionEvent &event) override;
    QStringList liveFigures() const override;

private:
    QList<pid_t> m_children;
    QHash<pid_t, QJsonObject> m_exits; // how each child ended (process.exit's fields)
};
