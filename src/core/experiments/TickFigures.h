#pragma once

#include "control/LabProcessInfo.h"
#include "ipc/TelemetrySnapshot.h"
#include "probe/Snapshot.h"

#include <QHash>
#include <QSet>
#include <QStringView>

// The figures an experiment reads off one tick while it runs (its live result): which lab threads have a role,
// how much of a core they use together now, what their telemetry counted. The recorded check asks the same
// questions of the whole run through RecordedRun.
class TickFigures
{
public:
    // Without a snapshot (at finish()) only the telemetry's counters are known: the shares are -1. `roles`: each
    // lab thread's recorded role by TID (ExperimentRun::threadRoles), which says whose counters a slot holds.
    TickFigures(const TelemetrySnapshot &telemetry, const QHash<qint64, QString> &roles,
                const Snapshot *snapshot = nullptr)
        : m_telemetry(telemetry), m_roles(roles), m_snapshot(snapshot) {}

    // TIDs of the lab threads with this role, as the LabController knows them (every experiment has them, with
    // or without a telemetry block).
    static QSet<pid_t> threadsWithRole(const QList<LabProcessInfo> &processes, const QString &role);
    // The sum of a share (TaskSample::running, ::ready, ::blocked) over these threads at this tick; -1 when none
    // of them was sampled.
    double sumOf(double TaskSample::*share, const QSet<pid_t> &tids) const;
    // Its mean per sampled thread; -1 when none was sampled.
    double meanOf(double TaskSample::*share, const QSet<pid_t> &tids) const;
    // Items done, by the telemetry counters of the threads with this role (exited ones included).
    quint64 itemsOf(const QString &role) const;
    // How many threads with this role have finished (their telemetry slot says Exited), and how many there are.
    int exitedWithRole(const QString &role) const;
    int countWithRole(const QString &role) const;

private:
    struct Total
    {
        double sum = 0;
        int sampled = 0;
    };
    Total totalOf(double TaskSample::*share, const QSet<pid_t> &tids) const;

    bool hasRole(const ThreadTelemetrySample &thread, const QString &role) const;

    const TelemetrySnapshot &m_telemetry;
    const QHash<qint64, QString> &m_roles;
    const Snapshot *m_snapshot;
};
