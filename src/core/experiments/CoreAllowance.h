#pragma once

#include <QByteArrayView>
#include <QJsonObject>
#include <QList>

#include <optional>

// The cores this process may use: the CPUs of its affinity mask, and the cgroup's CPU quota (cgroup v2 cpu.max,
// "max" when there is none). A lesson about running on several cores at once can only be shown within both: on a
// 1-core machine, under `taskset -c 0` or in a container limited to one CPU's worth of time it cannot be.
struct CoreAllowance
{
    QList<int> cpus;   // the affinity mask, ascending
    double quota = -1; // cores' worth of time per period from cpu.max; -1: no quota

    // min(affinity CPUs, quota); at least a fraction above 0 when the mask could not be read.
    double cores() const;
    // Recorded in experiment.start as "allowance": {"cpus":[…], "quota":q|null}.
    QJsonObject toJson() const;
    static CoreAllowance fromJson(const QJsonObject &object);

    static CoreAllowance ofThisProcess();
    // "max 100000" → nullopt; "150000 100000" → 1.5. Nullopt on anything else too.
    static std::optional<double> parseCpuMax(QByteArrayView text);
    // The cgroup v2 path of /proc/self/cgroup's "0::/path" line; nullopt when there is none (cgroup v1 only).
    static std::optional<QByteArray> parseUnifiedCgroup(QByteArrayView procSelfCgroup);
};
