#include "FigureLabels.h"

#include "FigureText.h"

#include <QHash>
#include <QJsonArray>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace {
enum class Unit { Count, CountOfDone, Share, Seconds, Cores, Id, Holder, YesNo, OfCapacity, ParentValue, Adopted, Zombies };

struct Known
{
    const char *label;
    Unit unit;
};

// The figures the experiments record (docs/experiments.md), each with how its value reads.
const QHash<QString, Known> &known()
{
    static const QHash<QString, Known> figures = {
        {u"lost_updates"_s, {QT_TRANSLATE_NOOP("FigureLabels", "Updates lost"), Unit::CountOfDone}},
        {u"increments_done"_s, {QT_TRANSLATE_NOOP("FigureLabels", "Increments made"), Unit::Count}},
        {u"counter"_s, {QT_TRANSLATE_NOOP("FigureLabels", "Counter"), Unit::Count}},
        {u"parent_value"_s, {QT_TRANSLATE_NOOP("FigureLabels", "Parent's value"), Unit::ParentValue}},
        {u"makespan_apply"_s, {QT_TRANSLATE_NOOP("FigureLabels", "apply: all tasks took"), Unit::Seconds}},
        {u"makespan_apply_async"_s, {QT_TRANSLATE_NOOP("FigureLabels", "apply_async: all tasks took"), Unit::Seconds}},
        {u"makespan_map"_s, {QT_TRANSLATE_NOOP("FigureLabels", "map: all tasks took"), Unit::Seconds}},
        {u"cores_used"_s, {QT_TRANSLATE_NOOP("FigureLabels", "Cores used together"), Unit::Cores}},
        {u"gil_holder"_s, {QT_TRANSLATE_NOOP("FigureLabels", "GIL held by"), Unit::Holder}},
        {u"gil_held"_s, {QT_TRANSLATE_NOOP("FigureLabels", "GIL held (real CPython)"), Unit::Share}},
        {u"gil_handovers"_s, {QT_TRANSLATE_NOOP("FigureLabels", "GIL hand-overs"), Unit::Count}},
        {u"items_done"_s, {QT_TRANSLATE_NOOP("FigureLabels", "Items done"), Unit::Count}},
        {u"gil_acquisitions"_s, {QT_TRANSLATE_NOOP("FigureLabels", "GIL acquisitions"), Unit::Count}},
        {u"poller_running"_s, {QT_TRANSLATE_NOOP("FigureLabels", "Polling consumer on a core"), Unit::Share}},
        {u"consumer_running"_s, {QT_TRANSLATE_NOOP("FigureLabels", "Blocking consumer on a core"), Unit::Share}},
        {u"items_polling"_s, {QT_TRANSLATE_NOOP("FigureLabels", "Items the polling consumer got"), Unit::Count}},
        {u"items_blocking"_s, {QT_TRANSLATE_NOOP("FigureLabels", "Items the blocking consumer got"), Unit::Count}},
        {u"ready_share"_s, {QT_TRANSLATE_NOOP("FigureLabels", "Ready, waiting for a core"), Unit::Share}},
        {u"running_share"_s, {QT_TRANSLATE_NOOP("FigureLabels", "Running on a core"), Unit::Share}},
        {u"killed_holder"_s, {QT_TRANSLATE_NOOP("FigureLabels", "Lock holder killed"), Unit::Id}},
        {u"waiters_of_dead_owner"_s, {QT_TRANSLATE_NOOP("FigureLabels", "Waiting for the dead owner's lock"), Unit::Count}},
        {u"acquisitions_after_kill"_s, {QT_TRANSLATE_NOOP("FigureLabels", "Lock taken since the kill"), Unit::Count}},
        {u"owner_deaths"_s, {QT_TRANSLATE_NOOP("FigureLabels", "Owner deaths reported"), Unit::Count}},
        {u"orphans_adopted"_s, {QT_TRANSLATE_NOOP("FigureLabels", "Orphans adopted"), Unit::Adopted}},
        {u"zombies_held"_s, {QT_TRANSLATE_NOOP("FigureLabels", "Zombies holding a PID"), Unit::Zombies}},
        {u"cycle_length"_s, {QT_TRANSLATE_NOOP("FigureLabels", "Threads in the deadlock cycle"), Unit::Count}},
        {u"lock_acquisitions"_s, {QT_TRANSLATE_NOOP("FigureLabels", "Lock acquisitions"), Unit::Count}},
        {u"child_joined"_s, {QT_TRANSLATE_NOOP("FigureLabels", "Child finished and joined"), Unit::YesNo}},
        {u"queue_depth"_s, {QT_TRANSLATE_NOOP("FigureLabels", "Items in the queue"), Unit::OfCapacity}},
        {u"blocked_producers"_s, {QT_TRANSLATE_NOOP("FigureLabels", "Producers blocked (queue full)"), Unit::Count}},
        {u"blocked_consumers"_s, {QT_TRANSLATE_NOOP("FigureLabels", "Consumers blocked (queue empty)"), Unit::Count}},
        {u"items_through"_s, {QT_TRANSLATE_NOOP("FigureLabels", "Items through the queue"), Unit::Count}},
    };
    return figures;
}

QString plain(double value)
{
    return value == std::round(value) && std::fabs(value) < 1e15 ? FigureText::count(qint64(value))
                                                                 : FigureText::significant(value);
}
} // namespace

bool FigureLabels::isKnown(const QString &name)
{
    return known().contains(name);
}

QString FigureLabels::label(const QString &name)
{
    const auto it = known().constFind(name);
    return it == known().constEnd() ? name : tr(it->label);
}

QString FigureLabels::valueText(const QString &name, double value, const QJsonObject &extra)
{
    const auto it = known().constFind(name);
    if (it == known().constEnd())
        return plain(value);
    switch (it->unit) {
    case Unit::Count:
        return plain(value);
    case Unit::CountOfDone: {
        // "95,832,264 (56.6 %)": how many of the increments made were lost.
        const double done = extra.value(u"of"_s).toDouble();
        return done > 0 ? tr("%1 (%2 %)").arg(plain(value), FigureText::percent(value / done)) : plain(value);
    }
    case Unit::Share:
        return tr("%1 %").arg(FigureText::percent(value));
    case Unit::Seconds:
        return tr("%1 s").arg(FigureText::significant(value));
    case Unit::Cores:
        return extra.contains(u"cores"_s)
            ? tr("%1 of %2").arg(FigureText::significant(value), plain(extra.value(u"cores"_s).toDouble()))
            : FigureText::significant(value);
    case Unit::Id:
        return tr("PID %1").arg(qint64(value));
    case Unit::Holder:
        return value > 0 ? tr("TID %1").arg(qint64(value)) : tr("nobody (free)");
    case Unit::YesNo:
        return value >= 1 ? tr("yes") : tr("not yet");
    case Unit::OfCapacity:
        return extra.contains(u"capacity"_s)
            ? tr("%1 of %2").arg(plain(value), plain(extra.value(u"capacity"_s).toDouble()))
            : plain(value);
    case Unit::ParentValue: {
        QStringList seen;
        for (const QJsonValue &child : extra.value(u"children_saw"_s).toArray())
            seen << (child.toInteger() == 0 ? tr("not yet") : QString::number(child.toInteger()));
        return seen.isEmpty() ? plain(value)
                              : tr("%1 (the children saw %2)").arg(plain(value), seen.join(u", "_s));
    }
    case Unit::Adopted:
        return extra.contains(u"new_parent"_s)
            ? tr("%1 of %2, by PID %3")
                  .arg(plain(value), plain(extra.value(u"expected"_s).toDouble()))
                  .arg(extra.value(u"new_parent"_s).toInteger())
            : plain(value);
    case Unit::Zombies: {
        QStringList pids;
        for (const QJsonValue &zombie : extra.value(u"zombies"_s).toArray()) {
            const QJsonObject z = zombie.toObject();
            const QString how = z.contains(u"signal_name"_s) ? tr("killed by %1").arg(z.value(u"signal_name"_s).toString())
                : z.contains(u"code"_s) ? tr("exit code %1").arg(z.value(u"code"_s).toInt())
                                        : QString();
            pids << (how.isEmpty() ? QString::number(z.value(u"pid"_s).toInteger())
                                   : tr("%1, %2").arg(z.value(u"pid"_s).toInteger()).arg(how));
        }
        return pids.isEmpty() ? plain(value) : tr("%1 (PID %2)").arg(plain(value), pids.join(u"; "_s));
    }
    }
    return plain(value);
}
