#include "SessionRequiredFields.h"

#include "base/EventKind.h"
#include "base/SessionEvent.h"

#include <QHash>
#include <QStringList>

using namespace Qt::Literals::StringLiterals;

namespace {
const QHash<QString, QStringList> &requiredByKind()
{
    static const QHash<QString, QStringList> required = {
        {EventKind::TaskSample, {u"pid"_s, u"tid"_s, u"state"_s}},
        {EventKind::TaskState, {u"pid"_s, u"tid"_s, u"to"_s}},
        {EventKind::ThreadStart, {u"pid"_s, u"tid"_s}},
        {EventKind::ThreadExit, {u"pid"_s, u"tid"_s}},
        {EventKind::ProcessSpawn, {u"pid"_s}},
        {EventKind::ProcessRole, {u"pid"_s}},
        {EventKind::ProcessExit, {u"pid"_s}},
        {EventKind::ProcessZombie, {u"pid"_s}},
        {EventKind::ProcessReap, {u"pid"_s}},
        {EventKind::ProcessReparent, {u"pid"_s, u"from"_s, u"to"_s}},
        {EventKind::SignalSent, {u"pid"_s}},
        {EventKind::CpuSample, {u"cpus"_s}},
        {EventKind::QueueSample, {u"queue"_s, u"depth"_s, u"capacity"_s}},
        {EventKind::PythonInterpreter, {u"pid"_s, u"gil"_s}},
        {EventKind::PythonGil, {u"pid"_s, u"reads"_s, u"threads"_s}},
    };
    return required;
}
} // namespace

QString SessionRequiredFields::problemWith(const SessionEvent &event)
{
    const QJsonObject &fields = event.fields;
    if (fields.contains(u"truncated_bytes"_s) || fields.contains(u"invalid_fields"_s))
        return {};
    const auto found = requiredByKind().constFind(event.kind);
    if (found == requiredByKind().constEnd())
        return {};
    for (const QString &key : *found) {
        const QJsonValue value = fields.value(key);
        if (value.isUndefined() || value.isNull())
            return tr("a \"%1\" event needs \"%2\"").arg(event.kind, key);
    }
    return {};
}
