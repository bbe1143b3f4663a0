#pragma once

#include <QCoreApplication>
#include <QString>

struct SessionEvent;

// The fields without which an event of a known kind means nothing: a task.sample without a tid would be drawn as
// thread 0, a queue.sample without a capacity as a queue that can hold nothing. Kinds it does not know, and events
// the recorder marked as shortened ("truncated_bytes") or refused ("invalid_fields"), need nothing.
class SessionRequiredFields
{
    Q_DECLARE_TR_FUNCTIONS(SessionRequiredFields)
public:
    // Empty when every field the event's kind needs is there, else which one is missing, in words for the user.
    static QString problemWith(const SessionEvent &event);
};
