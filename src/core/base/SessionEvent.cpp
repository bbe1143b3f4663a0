#include "SessionEvent.h"

#include <QJsonDocument>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

QJsonObject SessionEvent::toJson() const
{
    QJsonObject object = fields;
    // Microsecond precision: rounding here keeps the files short and comparable.
    object.insert(u"t"_s, std::round(t * 1e6) / 1e6);
    object.insert(u"kind"_s, kind);
    return object;
}

QByteArray SessionEvent::toJsonLine() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
}

bool SessionEvent::fromJson(const QJsonObject &object, SessionEvent *event)
{
    const QJsonValue t = object.value(u"t"_s);
    const QJsonValue kind = object.value(u"kind"_s);
    if (!t.isDouble() || !kind.isString() || kind.toString().isEmpty())
        return false;
    event->t = t.toDouble();
    event->kind = kind.toString();
    event->fields = object;
    event->fields.remove(u"t"_s);
    event->fields.remove(u"kind"_s);
    return true;
}
