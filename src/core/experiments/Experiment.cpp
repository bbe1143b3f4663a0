#include "Experiment.h"

#include "analysis/LoadHeadroom.h"

#include <QJsonArray>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

int Experiment::steppingThreads(const ParameterValues &) const
{
    return 0;
}

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

void Experiment::observe(ExperimentRun &, const SessionEvent &)
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
    return {{u"id"_s, id()},
            {u"title"_s, title()},
            {u"summary"_s, summary()},
            {u"parameters"_s, parameterList},
            {u"live_figures"_s, QJsonArray::fromStringList(liveFigures())},
            {u"prediction"_s, predictionJson()}};
}

QJsonObject Experiment::predictionJson() const
{
    const Prediction p = prediction();
    return {{u"question"_s, p.question}, {u"choices"_s, QJsonArray::fromStringList(p.choices)}};
}

QString PhenomenonVerdict::verdictName() const
{
    switch (outcome) {
    case Outcome::Observed:
        return u"observed"_s;
    case Outcome::Inconclusive:
        return u"inconclusive"_s;
    case Outcome::NotObserved:
        break;
    }
    return u"not_observed"_s;
}

Prediction Experiment::prediction() const
{
    return {};
}

int Experiment::provedChoice(const QJsonObject &, const ParameterValues &) const
{
    return -1;
}

PhenomenonVerdict Experiment::verdict(const QList<SessionEvent> &events, const ParameterValues &values) const
{
    PhenomenonVerdict v = decide(events, values);
    // An inconclusive run proves nothing: no answer.
    if (v.outcome != PhenomenonVerdict::Outcome::Inconclusive) {
        const int choice = provedChoice(v.figures, values);
        v.answer = choice >= 0 && choice < prediction().choices.size() ? choice : -1;
    }
    return v;
}

PhenomenonVerdict Experiment::decide(const QList<SessionEvent> &events, const ParameterValues &values) const
{
    PhenomenonVerdict v = check(events, values);
    v.outcome = v.observed ? PhenomenonVerdict::Outcome::Observed : PhenomenonVerdict::Outcome::NotObserved;
    const double need = v.freeCoresNeeded;
    const LoadHeadroom headroom(events);
    if (!headroom.isKnown())
        return v;
    v.figures.insert(u"headroom"_s, headroom.toJson());
    v.figures.insert(u"free_cores_needed"_s, need);
    if (need <= 0)
        return v;
    // A quarter of a core of slack: the supervisor's own sampling and the odd daemon are not "load", and a lesson
    // that fails on a quiet machine must stay not observed.
    constexpr double slack = 0.25;
    const auto cores = [](double n) { return QString::number(n, 'f', n == std::floor(n) ? 0 : 1); };
    if (headroom.allowedCores() < need - 0.01) {
        // With fewer cores than the lesson needs, a parallel bound cannot fail and a serial one cannot be told
        // apart from the lack of cores: nothing is shown, whatever the figures say, unless a bound load cannot
        // break failed.
        if (v.observed || v.onlyLoadBoundsFailed) {
            v.outcome = PhenomenonVerdict::Outcome::Inconclusive;
            v.loadNote = tr("ProcLab may use %1 core(s) here; this lesson needs %2 free cores")
                             .arg(cores(headroom.allowedCores()), cores(need));
        }
    } else if (!v.observed && v.onlyLoadBoundsFailed && headroom.freeCores() < need - slack) {
        v.outcome = PhenomenonVerdict::Outcome::Inconclusive;
        v.loadNote = tr("other programs used %1 of %2 cores; this lesson needs %3 free cores")
                         .arg(QString::number(headroom.otherBusy(), 'f', 1), cores(headroom.allowedCores()),
                              cores(need));
    }
    v.observed = v.outcome == PhenomenonVerdict::Outcome::Observed;
    return v;
}
