#include "ExperimentCatalogue.h"

#include "CpuVersusIoExperiment.h"
#include "DeadlockExperiment.h"
#include "IsolationExperiment.h"
#include "JoinDeadlockExperiment.h"
#include "KillHoldingLockExperiment.h"
#include "OrphanExperiment.h"
#include "OversubscribeExperiment.h"
#include "PollingExperiment.h"
#include "PoolExperiment.h"
#include "ProducerConsumerProcessesExperiment.h"
#include "ProducerConsumerThreadsExperiment.h"
#include "RaceExperiment.h"
#include "ZombieExperiment.h"

using namespace Qt::Literals::StringLiterals;

QStringList ExperimentCatalogue::ids()
{
    return {u"pc-threads"_s, u"pc-processes"_s, u"zombie"_s,    u"orphan"_s, u"kill-holding-lock"_s,
            u"deadlock"_s,   u"join-deadlock"_s, u"race"_s,     u"isolation"_s, u"pool"_s,
            u"cpu-vs-io"_s,  u"oversubscribe"_s, u"polling"_s};
}

std::unique_ptr<Experiment> ExperimentCatalogue::create(const QString &id)
{
    if (id == u"pc-threads"_s)
        return std::make_unique<ProducerConsumerThreadsExperiment>();
    if (id == u"pc-processes"_s)
        return std::make_unique<ProducerConsumerProcessesExperiment>();
    if (id == u"zombie"_s)
        return std::make_unique<ZombieExperiment>();
    if (id == u"orphan"_s)
        return std::make_unique<OrphanExperiment>();
    if (id == u"kill-holding-lock"_s)
        return std::make_unique<KillHoldingLockExperiment>();
    if (id == u"deadlock"_s)
        return std::make_unique<DeadlockExperiment>();
    if (id == u"join-deadlock"_s)
        return std::make_unique<JoinDeadlockExperiment>();
    if (id == u"race"_s)
        return std::make_unique<RaceExperiment>();
    if (id == u"isolation"_s)
        return std::make_unique<IsolationExperiment>();
    if (id == u"pool"_s)
        return std::make_unique<PoolExperiment>();
    if (id == u"cpu-vs-io"_s)
        return std::make_unique<CpuVersusIoExperiment>();
    if (id == u"oversubscribe"_s)
        return std::make_unique<OversubscribeExperiment>();
    if (id == u"polling"_s)
        return std::make_unique<PollingExperiment>();
    return nullptr;
}

std::vector<std::unique_ptr<Experiment>> ExperimentCatalogue::all()
{
    std::vector<std::unique_ptr<Experiment>> experiments;
    for (const QString &id : ids())
        experiments.push_back(create(id));
    return experiments;
}
