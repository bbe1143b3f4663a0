#pragma once

#include "ParameterSpec.h"
#include "ParameterValues.h"
#include "base/SessionEvent.h"

#include <QJsonObject>
#include <QList>
#include <QObject>

class ExperimentRun;
struct Snapshot;

// The verdict of an experiment's check: did the run show its lesson, for its parameters?
struct PhenomenonVerdict
{
    enum class Outcome { NotObserved, Observed, Inconclusive };

    bool observed = false; // set by check(): every bound held; after Experiment::verdict(), outcome == Observed
    QString detail;        // one translated sentence with the figures
    QJsonObject figures;   // the numbers behind it
    // Declared by check(): the free cores the lesson needs to show (0: other programs' load cannot change the
    // result), and whether every bound that failed is one that load can break (a speed-up, a share of a core).
    // A bound load cannot break (a serial time, an upper bound, a blocked share) failing is always not observed.
    double freeCoresNeeded = 0;
    bool onlyLoadBoundsFailed = false;
    // Decided by Experiment::verdict() from the run's headroom.
    Outcome outcome = Outcome::NotObserved;
    QString loadNote; // when inconclusive: one translated line naming the load and the need

    // Decided by Experiment::verdict(): the prediction choice the figures proved (provedChoice()); -1 for none or
    // when inconclusive.
    int answer = -1;

    // "observed", "not_observed", "inconclusive": the phenomenon event's "verdict".
    QString verdictName() const;
};

// The question a learner answers before a run (2–4 choices, translated); the run's figures prove one of them.
struct Prediction
{
    QString question;
    QStringList choices;
};

// One experiment of the catalogue (one section of docs/experiments.md each): what it is, its parameters, how
// it drives the lab, and the check that decides from the recorded session whether the phenomenon was shown.
//
// Lifecycle, all on the thread that owns the ExperimentRun: start() once; tick() after every sample; observe() for
// each event recorded; changeLive()
// when the user changes a live parameter; finish() once before the lab is stopped. check() is pure: it reads only
// the events (it must work on a session file read back from disk).
class Experiment : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual QString id() const = 0;
    virtual QString title() const = 0;
    virtual QString summary() const = 0;
    // What to watch and why it happens, a few sentences for a student (translated).
    virtual QString explanation() const = 0;
    // The few lines of Python the tutorials use for the same lesson (code: not translated).
    virtual QString python() const = 0;
    virtual QList<ParameterSpec> parameters() const = 0;
    // Seconds after which the phenomenon has had time to show with these values (at most 5 with the defaults).
    virtual double settleSeconds(const ParameterValues &values) const;
    // How many threads step in step mode (ExperimentRun::Options::stepping) with these values — numbered from 1,
    // each parks before every one of the lesson's actions until granted; 0: the experiment has no step mode.
    virtual int steppingThreads(const ParameterValues &values) const;

    // Starts the lab processes and threads. Returns false (and has emitted an `error` event) when it could not.
    virtual bool start(ExperimentRun &run) = 0;
    virtual void tick(ExperimentRun &run, const Snapshot &snapshot);
    virtual void changeLive(ExperimentRun &run, const QString &name, const QVariant &value);
    // Every event the run records, as it is recorded, except task samples and the experiment's own `measure`
    // events: where a live figure comes from what the lab reported (an exit, a re-parenting, a cycle).
    virtual void observe(ExperimentRun &run, const SessionEvent &event);
    // Last word before the lab stops: emit the figures the check needs.
    virtual void finish(ExperimentRun &run);
    // The names of the `measure` figures this experiment records while it runs (ExperimentRun::report), the
    // headline first: what its live result card shows before Stop.
    virtual QStringList liveFigures() const = 0;
    virtual PhenomenonVerdict check(const QList<SessionEvent> &events, const ParameterValues &values) const = 0;
    // The question to predict before Start. Every experiment of the catalogue has one (tst_predictions).
    virtual Prediction prediction() const;
    // Which of prediction()'s choices check()'s `figures` prove (an index), or -1 when they prove none. Pure: only
    // the figures and the parameters, never a constant.
    virtual int provedChoice(const QJsonObject &figures, const ParameterValues &values) const;
    // check(), then the run's own headroom (LoadHeadroom): a lesson that needed more free cores than other
    // programs left it (or than the lab may use at all) and failed only on bounds load can break — or passed only
    // because there were too few cores to tell — is inconclusive rather than observed or not. Pure, like check().
    PhenomenonVerdict verdict(const QList<SessionEvent> &events, const ParameterValues &values) const;

    // The prediction as `proclab list --json` carries it: {"question", "choices"}.
    QJsonObject predictionJson() const;
    ParameterValues defaults() const { return ParameterValues(parameters()); }
    QJsonObject describe() const; // the `proclab list --json` entry

private:
    // check() and the headroom, without the answer.
    PhenomenonVerdict decide(const QList<SessionEvent> &events, const ParameterValues &values) const;
};
