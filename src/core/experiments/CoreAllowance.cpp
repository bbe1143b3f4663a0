#include "CoreAllowance.h"

#include <QFile>
#include <QJsonArray>

#include <sched.h>

using namespace Qt::Literals::StringLiterals;

double CoreAllowance::cores() const
{
    double n = double(cpus.size());
    if (quota > 0)
        n = n > 0 ? std::min(n, quota) : quota;
    return n;
}

QJsonObject CoreAllowance::toJson() const
{
    QJsonArray list;
    for (int cpu : cpus)
        list.append(cpu);
    return {{u"cpus"_s, list}, {u"quota"_s, quota > 0 ? QJsonValue(quota) : QJsonValue(QJsonValue::Null)}};
}

CoreAllowance CoreAllowance::fromJson(const QJsonObject &object)
{
    CoreAllowance allowance;
    for (const QJsonValue &cpu : object.value(u"cpus"_s).toArray())
        allowance.cpus << cpu.toInt();
    allowance.quota = object.value(u"quota"_s).toDouble(-1);
    return allowance;
}

std::optional<double> CoreAllowance::parseCpuMax(QByteArrayView text)
{
    const QList<QByteArray> parts = text.toByteArray().trimmed().split(' ');
    if (parts.size() != 2)
        return std::nullopt;
    bool quotaOk = false;
    bool periodOk = false;
    const double quota = parts.at(0).toDouble(&quotaOk);
    const double period = parts.at(1).toDouble(&periodOk);
    if (!quotaOk || !periodOk || quota <= 0 || period <= 0) // "max": no quota
        return std::nullopt;
    return quota / period;
}

std::optional<QByteArray> CoreAllowance::parseUnifiedCgroup(QByteArrayView procSelfCgroup)
{
    for (const QByteArray &line : procSelfCgroup.toByteArray().split('\n')) {
        if (line.startsWith("0::"))
            return line.mid(3);
    }
    return std::nullopt;
}

CoreAllowance CoreAllowance::ofThisProcess()
{
    CoreAllowance allowance;
    cpu_set_t set;
    CPU_ZERO(&set);
    if (::sched_getaffinity(0, sizeof set, &set) == 0) {
        for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu) {
            if (CPU_ISSET(cpu, &set))
                allowance.cpus << cpu;
        }
    }
    QFile self(u"/proc/self/cgroup"_s);
    if (!self.open(QIODevice::ReadOnly))
        return allowance;
    const std::optional<QByteArray> path = parseUnifiedCgroup(self.readAll());
    if (!path)
        return allowance;
    // A quota anywhere up the tree limits us; the tightest one counts.
    QByteArray dir = *path;
    while (true) {
        QFile max(u"/sys/fs/cgroup"_s + QString::fromUtf8(dir) + u"/cpu.max"_s);
        if (max.open(QIODevice::ReadOnly)) {
            if (const std::optional<double> q = parseCpuMax(max.readAll()); q && (allowance.quota < 0 || *q < allowance.quota))
                allowance.quota = *q;
        }
        if (dir.isEmpty() || dir == "/")
            break;
        dir = dir.left(std::max<qsizetype>(0, dir.lastIndexOf('/')));
    }
    return allowance;
}
