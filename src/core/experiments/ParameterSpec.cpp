#include "ParameterSpec.h"

#include "NumberText.h"

#include <QJsonArray>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

ParameterSpec ParameterSpec::integer(const QString &name, int value, int minimum, int maximum,
                                     const QString &description, bool live)
{
    return {name, Type::Int, value, double(minimum), double(maximum), {}, live, description};
}

ParameterSpec ParameterSpec::real(const QString &name, double value, double minimum, double maximum,
                                  const QString &description, bool live)
{
    return {name, Type::Double, value, minimum, maximum, {}, live, description};
}

ParameterSpec ParameterSpec::boolean(const QString &name, bool value, const QString &description)
{
    return {name, Type::Bool, value, 0, 1, {}, false, description};
}

ParameterSpec ParameterSpec::choice(const QString &name, const QString &value, const QStringList &choices,
                                    const QString &description)
{
    return {name, Type::Choice, value, 0, 0, choices, false, description};
}

QString ParameterSpec::typeName() const
{
    switch (type) {
    case Type::Int:
        return u"int"_s;
    case Type::Double:
        return u"double"_s;
    case Type::Bool:
        return u"bool"_s;
    case Type::Choice:
        return u"choice"_s;
    }
    return {};
}

QString ParameterSpec::allowed() const
{
    switch (type) {
    case Type::Int:
        return tr("an integer from %1 to %2").arg(qint64(minimum)).arg(qint64(maximum));
    case Type::Double:
        return tr("a number from %1 to %2").arg(minimum).arg(maximum);
    case Type::Bool:
        return tr("true or false");
    case Type::Choice:
        return tr("one of %1").arg(choices.join(u", "_s));
    }
    return {};
}

QVariant ParameterSpec::parse(const QString &text, QString *error) const
{
    const QString value = text.trimmed();
    QVariant result;
    switch (type) {
    case Type::Int: {
        if (const std::optional<qint64> number = NumberText::whole(value, qint64(minimum), qint64(maximum)))
            result = int(*number);
        break;
    }
    case Type::Double: {
        if (const std::optional<double> number = NumberText::real(value, minimum, maximum))
            result = *number;
        break;
    }
    case Type::Bool: {
        const QString lower = value.toLower();
        if (lower == u"true"_s || lower == u"1"_s || lower == u"yes"_s || lower == u"on"_s)
            result = true;
        else if (lower == u"false"_s || lower == u"0"_s || lower == u"no"_s || lower == u"off"_s)
            result = false;
        break;
    }
    case Type::Choice:
        if (choices.contains(value))
            result = value;
        break;
    }
    if (!result.isValid() && error)
        *error = tr("%1 takes %2, got '%3'").arg(name, allowed(), text);
    return result;
}

QJsonObject ParameterSpec::toJson() const
{
    QJsonObject object{{u"name"_s, name}, {u"type"_s, typeName()}, {u"description"_s, description},
                       {u"live"_s, live}};
    object.insert(u"default"_s, QJsonValue::fromVariant(defaultValue));
    if (type == Type::Int || type == Type::Double) {
        object.insert(u"min"_s, minimum);
        object.insert(u"max"_s, maximum);
    }
    if (type == Type::Choice)
        object.insert(u"choices"_s, QJsonArray::fromStringList(choices));
    return object;
}
