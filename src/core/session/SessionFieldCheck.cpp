#include "SessionFieldCheck.h"

#include "SessionHeader.h"
#include "SessionRequiredFields.h"
#include "base/EventKind.h"
#include "base/SessionEvent.h"
#include "probe/TaskStateName.h"

#include <QJsonArray>
#include <QStringList>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

static_assert(SessionFieldCheck::MaxCores == SessionHeader::MaxCores);

namespace {
bool isIntegerIn(const QJsonValue &value, double low, double high)
{
    if (!value.isDouble())
        return false;
    const double d = value.toDouble();
    return std::isfinite(d) && d == std::trunc(d) && d >= low && d <= high;
}

// A task identifier: -1 stands for "none" in a few events; the kernel never gives more than PID_MAX_LIMIT.
QString checkId(const QJsonObject &fields, const QString &key, bool mayBeText)
{
    const QJsonValue value = fields.value(key);
    if (value.isUndefined() || value.isNull() || (mayBeText && value.isString()))
        return {};
    if (!isIntegerIn(value, -1, double(SessionFieldCheck::MaxPid)))
        return SessionFieldCheck::tr("\"%1\" must be a whole number from -1 to %2")
            .arg(key)
            .arg(SessionFieldCheck::MaxPid);
    return {};
}

QString checkCore(const QJsonObject &fields, const QString &key)
{
    const QJsonValue value = fields.value(key);
    if (value.isUndefined() || value.isNull())
        return {};
    if (!isIntegerIn(value, -1, SessionFieldCheck::MaxCores - 1))
        return SessionFieldCheck::tr("\"%1\" must be a core number from -1 to %2")
            .arg(key)
            .arg(SessionFieldCheck::MaxCores - 1);
    return {};
}

// A share of the sampling interval: 0…1, with room for the rounding of a sum (user + system).
QString checkShares(const QJsonObject &fields, std::initializer_list<QString> keys)
{
    for (const QString &key : keys) {
        const QJsonValue value = fields.value(key);
        if (value.isUndefined() || value.isNull())
            continue;
        const double d = value.toDouble(-1);
        if (!value.isDouble() || !std::isfinite(d) || d < -SessionFieldCheck::ShareTolerance ||
            d > 1 + SessionFieldCheck::ShareTolerance)
            return SessionFieldCheck::tr("\"%1\" must be a share from 0 to 1").arg(key);
    }
    return {};
}

QString checkStateNames(const QJsonObject &fields, std::initializer_list<QString> keys)
{
    for (const QString &key : keys) {
        const QJsonValue value = fields.value(key);
        if (value.isUndefined() || value.isNull())
            continue;
        if (!value.isString() || !TaskStateName::fromName(value.toString())) {
            QStringList names;
            for (const TaskState state : TaskStateName::all())
                names << TaskStateName::name(state);
            return SessionFieldCheck::tr("\"%1\" must be a state name: %2").arg(key, names.join(u", "_s));
        }
    }
    return {};
}

QString checkQueueCounters(const QJsonObject &fields)
{
    for (const QString &key : {u"depth"_s, u"capacity"_s, u"puts"_s, u"gets"_s, u"blocked_putters"_s,
                               u"blocked_getters"_s}) {
        const QJsonValue value = fields.value(key);
        if (value.isUndefined() || value.isNull())
            continue;
        if (!isIntegerIn(value, 0, SessionFieldCheck::MaxCount))
            return SessionFieldCheck::tr("\"%1\" must be a whole number from 0 to %2")
                .arg(key)
                .arg(qint64(SessionFieldCheck::MaxCount));
    }
    const QJsonValue depth = fields.value(u"depth"_s);
    const QJsonValue capacity = fields.value(u"capacity"_s);
    if (depth.isDouble() && capacity.isDouble() && depth.toDouble() > capacity.toDouble())
        return SessionFieldCheck::tr("\"depth\" (%1) must not be more than \"capacity\" (%2)")
            .arg(qint64(depth.toDouble()))
            .arg(qint64(capacity.toDouble()));
    return {};
}

// What only some kinds carry: states and shares of a thread, a queue's counters, a reparent's PIDs.
QString checkKindFields(const SessionEvent &event)
{
    const QJsonObject &fields = event.fields;
    if (event.kind == EventKind::TaskSample) {
        if (QString problem = checkStateNames(fields, {u"state"_s}); !problem.isEmpty())
            return problem;
        return checkShares(fields, {u"running"_s, u"ready"_s, u"blocked"_s, u"gil"_s});
    }
    if (event.kind == EventKind::TaskState)
        return checkStateNames(fields, {u"from"_s, u"to"_s});
    if (event.kind == EventKind::QueueSample)
        return checkQueueCounters(fields);
    if (event.kind == EventKind::ProcessReparent) {
        for (const QString &key : {u"from"_s, u"to"_s})
            if (QString problem = checkId(fields, key, false); !problem.isEmpty())
                return problem;
    }
    return {};
}
} // namespace

QString SessionFieldCheck::problemWith(const SessionEvent &event)
{
    if (!std::isfinite(event.t) || std::abs(event.t) > MaxSeconds)
        return tr("\"t\" must be a number of seconds up to %1").arg(MaxSeconds);
    const QJsonObject &fields = event.fields;
    for (const QString &key : {u"pid"_s, u"tid"_s, u"ppid"_s, u"parent"_s, u"supervisor"_s})
        if (QString problem = checkId(fields, key, false); !problem.isEmpty())
            return problem;
    // "from" and "to" are PIDs in process.reparent and state names in task.state.
    for (const QString &key : {u"from"_s, u"to"_s})
        if (QString problem = checkId(fields, key, true); !problem.isEmpty())
            return problem;
    if (QString problem = checkCore(fields, u"core"_s); !problem.isEmpty())
        return problem;
    const QJsonValue cores = fields.value(u"cores"_s);
    if (!cores.isUndefined() && !isIntegerIn(cores, 0, MaxCores))
        return tr("\"cores\" must be a whole number from 0 to %1").arg(MaxCores);
    const QJsonValue cpus = fields.value(u"cpus"_s);
    if (!cpus.isUndefined()) {
        if (!cpus.isArray() || cpus.toArray().size() > MaxCores)
            return tr("\"cpus\" must be a list of at most %1 cores").arg(MaxCores);
        for (const QJsonValue &cpu : cpus.toArray()) {
            if (!cpu.isObject())
                return tr("every entry of \"cpus\" must be an object");
            if (QString problem = checkCore(cpu.toObject(), u"core"_s); !problem.isEmpty())
                return u"cpus: "_s + problem;
            if (QString problem = checkShares(cpu.toObject(), {u"busy"_s, u"user"_s, u"system"_s, u"iowait"_s,
                                                               u"steal"_s});
                !problem.isEmpty())
                return u"cpus: "_s + problem;
        }
    }
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        if (it.value().isArray() && it.value().toArray().size() > MaxListEntries)
            return tr("\"%1\" has more than %2 entries").arg(it.key()).arg(MaxListEntries);
    }
    if (QString problem = checkKindFields(event); !problem.isEmpty())
        return problem;
    return SessionRequiredFields::problemWith(event);
}
