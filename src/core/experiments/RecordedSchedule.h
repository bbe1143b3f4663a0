#pragma once

#include "base/SessionEvent.h"

#include <QJsonObject>
#include <QList>
#include <QString>

// The grants of a stepped run as its session recorded them: the experiment and parameters of its last
// experiment.start and the `thread` of every `step` event after it, in the order granted — what "Run this schedule
// again" grants to a new run of the same experiment (StepSchedule). Pure, over recorded events (live or a file).
struct RecordedSchedule
{
    QString experiment;
    QJsonObject parameters;
    QList<int> grants;

    bool isEmpty() const { return grants.isEmpty(); }
    static RecordedSchedule of(const QList<SessionEvent> &events);
};
