#include "SessionRequiredFields.h"

#include "SessionEvent.h"

#include <QHash>
#include <QStringList>

using namespace Qt::Literals::StringLiterals;

namespace {
const QHash<QString, QStringList> &requiredByKind()
{
    static const QHash<QString, QStringList> required = {
        {u"task.sample"_s, {u"pid"_s, u"tid"_s, u"state"_s}},
        {u"task.state"_s, {u"pid"_s, u"tid"_s, u"to"_s}},
        {u"thread.start"_s, {u"pid"_s, u"tid"_s}},
        {u"thread.exit"_s, {u"pid"_s, u"tid"_s}},
        {u"process.spawn"_s, {u"pid"_s}},
        {u"process.role"_s, {u"pid"_s}},
        {u"process.exit"_s, {u"pid"_s}},
        {u"process.zombie"_s, {u"pid"_s}},
        {u"process.reap"_s, {u"pid"_s}},
        {u"process.reparent"_s, {u"pid"_s, u"from"_s, u"to"_s}},
        {u"signal.sent"_s, {u"pid"_s}},
        {u"cpu.sample"_s, {u"cpus"_s}},
        {u"queue.sample"_s, {u"queue"_s, u"depth"_s, u"capacity"_s}},
        {u"python.interpreter"_s, {u"pid"_s, u"gil"_s}},
        {u"python.gil"_s, {u"pid"_s, u"reads"_s, u"threads"_s}},
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
