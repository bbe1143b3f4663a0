#include "SessionFieldCheck.h"

#include "SessionEvent.h"
#include "SessionHeader.h"

#include <QJsonArray>
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
        }
    }
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        if (it.value().isArray() && it.value().toArray().size() > MaxListEntries)
            return tr("\"%1\" has more than %2 entries").arg(it.key()).arg(MaxListEntries);
    }
    return {};
}
