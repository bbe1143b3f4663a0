#include "ParameterValues.h"

using namespace Qt::Literals::StringLiterals;

ParameterValues::ParameterValues(const QList<ParameterSpec> &specs)
    : m_specs(specs)
{
    for (const ParameterSpec &spec : specs)
        m_values.insert(spec.name, spec.defaultValue);
}

const ParameterSpec *ParameterValues::spec(const QString &name) const
{
    for (const ParameterSpec &spec : m_specs) {
        if (spec.name == name)
            return &spec;
    }
    return nullptr;
}

bool ParameterValues::assign(const QString &assignment, QString *error)
{
    const qsizetype equals = assignment.indexOf(u'=');
    if (equals <= 0) {
        *error = tr("--set takes KEY=VALUE, got '%1'").arg(assignment);
        return false;
    }
    return set(assignment.left(equals).trimmed(), assignment.mid(equals + 1), error);
}

bool ParameterValues::set(const QString &name, const QString &text, QString *error)
{
    const ParameterSpec *found = spec(name);
    if (!found) {
        QStringList names;
        for (const ParameterSpec &s : m_specs)
            names << s.name;
        *error = names.isEmpty() ? tr("unknown parameter '%1'; this experiment takes none").arg(name)
                                 : tr("unknown parameter '%1'; allowed: %2").arg(name, names.join(u", "_s));
        return false;
    }
    const QVariant value = found->parse(text, error);
    if (!value.isValid())
        return false;
    m_values.insert(name, value);
    return true;
}

bool ParameterValues::setValue(const QString &name, const QVariant &value, QString *error)
{
    return set(name, value.typeId() == QMetaType::Bool ? (value.toBool() ? u"true"_s : u"false"_s) : value.toString(),
               error);
}

QJsonObject ParameterValues::toJson() const
{
    QJsonObject object;
    for (const ParameterSpec &spec : m_specs)
        object.insert(spec.name, QJsonValue::fromVariant(m_values.value(spec.name)));
    return object;
}
