#pragma once

#include "ParameterSpec.h"
#include "ParameterValues.h"
#include "session/SessionEvent.h"

#include <QJsonObject>
#include <QList>
#include <QObject>

class ExperimentRun;
struct Snapshot;

// The verdict of an experiment's check: did the run show its lesson, for its parameters?
struct PhenomenonVerdict
{
    bool observed = false;
    QString detail;      // one translated sentence with the figures
    QJsonObject figures; // the numbers behind it
};

// One experiment of the catalogue (one section of docs/experiments.md each): what it is, its parameters, how
// it drives the lab, and the check that decides from the recorded session whether the phenomenon was shown.
//
// Lifecycle, all on the thread that owns the ExperimentRun: start() once; tick() after every sample; changeLive()
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

    // Starts the lab processes and threads. Returns false (and has emitted an `error` event) when it could not.
    virtual bool start(ExperimentRun &run) = 0;
    virtual void tick(ExperimentRun &run, const Snapshot &snapshot);
    virtual void changeLive(ExperimentRun &run, const QString &name, const QVariant &value);
    // Last word before the lab stops: emit the figures the check needs.
    virtual void finish(ExperimentRun &run);
    virtual PhenomenonVerdict check(const QList<SessionEvent> &events, const ParameterValues &values) const = 0;

    ParameterValues defaults() const { return ParameterValues(parameters()); }
    QJsonObject describe() const; // the `proclab list --json` entry
};
