#pragma once

#include "Experiment.h"
#include "LiveFigures.h"

#include <QSet>

// `orphan`: a lab parent is killed; its children live on and are re-parented to the supervisor.
class OrphanExperiment : public Experiment
{
    Q_OBJECT
public:
    using Experiment::Experiment;
    QString id() const override { return QStringLiteral("orphan"); }
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
    void observe(ExperimentRun &run, const SessionEvent &event) override;
    QStringList liveFigures() const override;

private:
    QList<pid_t> m_parents;
    bool m_killed = false;
    void reportAdopted(ExperimentRun &run, LiveFigures::Moment moment) const;
    QSet<qint64> m_adopted; // children re-parented since their parent's kill
    qint64 m_newParent = 0;
};
