#pragma once

#include "Experiment.h"

// `pc-threads`: producer and consumer threads in one process around a bounded queue — Python's queue.Queue.
class ProducerConsumerThreadsExperiment : public Experiment
{
    Q_OBJECT
public:
    using Experiment::Experiment;
    QString id() const override { return QStringLiteral("pc-threads"); }
    QString title() const override;
    QString summary() const override;
    QString explanation() const override;
    QString python() const override;
    QList<ParameterSpec> parameters() const override;
    bool start(ExperimentRun &run) override;
    int steppingThreads(const ParameterValues &values) const override;
    void changeLive(ExperimentRun &run, const QString &name, const QVariant &value) override;
    PhenomenonVerdict check(const QList<SessionEvent> &events, const ParameterValues &values) const override;
    Prediction prediction() const override;
    int provedChoice(const QJsonObject &figures, const ParameterValues &values) const override;
    void observe(ExperimentRun &run, const SessionEvent &event) override;
    QStringList liveFigures() const override;

    // The verdict both producer/consumer experiments share: items flowed, and the side the rates predict
    // (producers faster: the queue fills and putters block; consumers faster: it empties and getters block) was
    // seen blocked.
    static PhenomenonVerdict checkFlow(const QList<SessionEvent> &events, const ParameterValues &values);
    static QList<ParameterSpec> flowParameters();
    // The flow's live figures, from each queue.sample as it is recorded: items through, depth, who is blocked.
    static void reportFlow(ExperimentRun &run, const SessionEvent &event);
    static QStringList flowFigures();

private:
    pid_t m_host = 0;
};
