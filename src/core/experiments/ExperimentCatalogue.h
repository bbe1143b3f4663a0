#pragma once

#include "Experiment.h"

#include <memory>
#include <vector>

// All experiments, in the order of docs/experiments.md; ids are stable.
class ExperimentCatalogue
{
public:
    static QStringList ids();
    // A new instance of the experiment, or nullptr for an unknown id.
    static std::unique_ptr<Experiment> create(const QString &id);
    static std::vector<std::unique_ptr<Experiment>> all();
};
