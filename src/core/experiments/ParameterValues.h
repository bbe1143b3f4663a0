#pragma once

#include "ParameterSpec.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QVariantMap>

// The values of an experiment's parameters: every spec's default, overridden by KEY=VALUE assignments that were
// checked against the specs (type and range). The same path serves `--set` on the command line and a change in
// the window's parameter form.
class ParameterValues
{
    Q_DECLARE_TR_FUNCTIONS(ParameterValues)
public:
    ParameterValues() = default;
    explicit ParameterValues(const QList<ParameterSpec> &specs);

    // "KEY=VALUE": unknown keys and bad values are refused with one line in *error naming what is allowed.
    bool assign(const QString &assignment, QString *error);
    bool set(const QString &name, const QString &text, QString *error);
    bool setValue(const QString &name, const QVariant &value, QString *error);

    int integer(const QString &name) const { return m_values.value(name).toInt(); }
    double real(const QString &name) const { return m_values.value(name).toDouble(); }
    bool boolean(const QString &name) const { return m_values.value(name).toBool(); }
    QString text(const QString &name) const { return m_values.value(name).toString(); }
    QVariant value(const QString &name) const { return m_values.value(name); }
    const QList<ParameterSpec> &specs() const { return m_specs; }
    const ParameterSpec *spec(const QString &name) const;

    QJsonObject toJson() const;

private:
    QList<ParameterSpec> m_specs;
    QVariantMap m_values;
};
