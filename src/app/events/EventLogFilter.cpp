#include "EventLogFilter.h"
#include "base/EventKind.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

void EventLogFilter::setTask(const QString &task)
{
    m_task = task.trimmed();
    bool ok = false;
    m_taskId = m_task.toLongLong(&ok);
    if (!ok)
        m_taskId = 0;
}

QString EventLogFilter::familyOf(const QString &kind)
{
    const qsizetype dot = kind.indexOf(u'.');
    return dot < 0 ? kind : kind.left(dot);
}

QStringList EventLogFilter::knownFamilies()
{
    return {u"experiment"_s, u"process"_s, u"thread"_s, u"task"_s, u"signal"_s, u"queue"_s,
            u"lock"_s,       u"deadlock"_s, u"lock_order"_s, EventKind::Phenomenon, EventKind::Measure, EventKind::Output,
            EventKind::Error};
}

bool EventLogFilter::accepts(const SessionEvent &event) const
{
    if (!m_showSamples && event.kind.endsWith(u".sample"_s))
        return false;
    if (!m_families.isEmpty() && !m_families.contains(familyOf(event.kind)))
        return false;
    return m_task.isEmpty() || matchesTask(event);
}

bool EventLogFilter::matchesTask(const SessionEvent &event) const
{
    if (m_taskId == 0) {
        if (event.kind.contains(m_task, Qt::CaseInsensitive))
            return true;
        for (auto it = event.fields.constBegin(); it != event.fields.constEnd(); ++it) {
            if (it->isString() && it->toString().contains(m_task, Qt::CaseInsensitive))
                return true;
        }
        return false;
    }
    static const QString idKeys[] = {u"pid"_s, u"tid"_s, u"ppid"_s, u"from"_s, u"to"_s, u"owner_pid"_s, u"owner_tid"_s};
    for (const QString &key : idKeys) {
        const QJsonValue value = event.fields.value(key);
        if (value.isDouble() && qint64(value.toDouble()) == m_taskId)
            return true;
    }
    const QJsonArray tids = event.fields.value(u"tids"_s).toArray();
    for (const QJsonValue &tid : tids) {
        if (qint64(tid.toDouble()) == m_taskId)
            return true;
    }
    return false;
}
