#pragma once

#include <QJsonObject>
#include <QMetaType>
#include <QString>

// One line of a session file: something that happened at time t. The kinds and their fields are listed in
// docs/session-format.md ("process.spawn" with pid, ppid, role, name; "task.state" with pid, tid, from, to,
// reason; …). PIDs and TIDs are JSON integers, state names lower case.
struct SessionEvent
{
    double t = 0;      // seconds since the session's start_unix, microsecond precision
    QString kind;      // e.g. "process.spawn"
    QJsonObject fields; // the event's own fields; they stand beside t and kind at the top level of the line

    // The JSON object of the line: {"t":…,"kind":…, fields…}.
    QJsonObject toJson() const;
    // One compact JSON line without the trailing newline.
    QByteArray toJsonLine() const;
    // The inverse of toJson(); false when t or kind is missing or of the wrong type.
    static bool fromJson(const QJsonObject &object, SessionEvent *event);
};

Q_DECLARE_METATYPE(SessionEvent)
