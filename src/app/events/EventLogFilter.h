#pragma once

#include "base/SessionEvent.h"

#include <QStringList>

// The event log's filter rules, free of widgets: by kind family and by task.
// - kinds: the families shown ("process", "thread", "task", "signal", "deadlock", …: the part of the kind before
//   the dot); empty shows every family. Samples (*.sample) are hidden unless showSamples is set: ten a second per
//   task would bury everything else.
// - task: a PID or TID; an event matches when its pid, tid, ppid, from or to field equals it, or one of the
//   threads its cycle names does. Empty matches every event.
class EventLogFilter
{
public:
    void setFamilies(const QStringList &families) { m_families = families; }
    QStringList families() const { return m_families; }
    void setShowSamples(bool show) { m_showSamples = show; }
    bool showSamples() const { return m_showSamples; }
    // Text that is not a number matches the kind or the event's text fields instead.
    void setTask(const QString &task);
    QString task() const { return m_task; }

    bool accepts(const SessionEvent &event) const;
    static QString familyOf(const QString &kind);
    // The families the log offers in its kind menu, in display order.
    static QStringList knownFamilies();

private:
    bool matchesTask(const SessionEvent &event) const;

    QStringList m_families;
    bool m_showSamples = false;
    QString m_task;
    qint64 m_taskId = 0;
};
