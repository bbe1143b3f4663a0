#include "Experiment.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

double Experiment::settleSeconds(const ParameterValues &) const
{
    return 3.0;
}

void Experiment::tick(ExperimentRun &, const Snapshot &)
{
}

void Experiment::changeLive(ExperimentRun &, const QString &, const QVariant &)
{
}

void Experiment::finish(ExperimentRun &)
{
}

QJsonObject Experiment::describe() const
{
    QJsonArray parameterList;
    for (const ParameterSpec &spec : parameters())
        parameterList.append(spec.toJson());
    return {{u"id"_s, id()}, {u"title"_s, title()}, {u"summary"_s, summary()}, {u"parameters"_s, parameterList}};
}
