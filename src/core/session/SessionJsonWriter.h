#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringView>

struct SessionEvent;

// A hand-written JSON formatter for session lines. QJsonDocument builds a whole document tree and costs several
// microseconds per event; the recorder must format 100 000 events a second on one thread, so it appends straight
// into one growing buffer instead. The output is compact, valid UTF-8 JSON that QJsonDocument reads back to the
// same values.
class SessionJsonWriter
{
public:
    // Appends {"t":…,"kind":…,fields…} and a newline. t is written with microsecond precision; a field named
    // "t" or "kind" inside event.fields is skipped (the event's own t and kind win).
    static void appendEventLine(QByteArray &out, const SessionEvent &event);
    // The same line without the newline.
    static QByteArray eventLine(const SessionEvent &event);

    static void appendValue(QByteArray &out, const QJsonValue &value);
    static void appendObject(QByteArray &out, const QJsonObject &object);
    static void appendArray(QByteArray &out, const QJsonArray &array);
    // A JSON string literal: quotes, backslashes and control characters escaped; a lone UTF-16 surrogate (which
    // UTF-8 cannot carry) becomes U+FFFD so the line stays valid UTF-8.
    static void appendString(QByteArray &out, QStringView text);
    // Integral values below 2^53 as integers (PIDs stay integers), others in the shortest form that reads back
    // exactly; NaN and infinities, which JSON cannot hold, as null.
    static void appendNumber(QByteArray &out, double value);
    // Seconds rounded to the microsecond, without trailing zeros ("12.5", "3").
    static void appendSeconds(QByteArray &out, double seconds);

private:
    // The members of an object, in key order, each preceded by a comma unless it is the first of a plain object.
    static void appendMembers(QByteArray &out, const QJsonObject &object, bool afterTAndKind);
};
