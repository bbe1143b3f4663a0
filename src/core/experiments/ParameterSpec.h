#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>
#include <QVariant>

// One typed parameter of an experiment: its name (the KEY of --set KEY=VALUE), type, default and range.
struct ParameterSpec
{
    Q_DECLARE_TR_FUNCTIONS(ParameterSpec)
public:
    enum class Type { Int, Double, Bool, Choice };

    QString name;
    Type type = Type::Int;
    QVariant defaultValue;
    double minimum = 0; // Int and Double
    double maximum = 0;
    QStringList choices; // Choice
    bool live = false;   // may change while the experiment runs
    QString description; // translated, for the form's tool tip and `proclab list`

    static ParameterSpec integer(const QString &name, int value, int minimum, int maximum, const QString &description,
                                 bool live = false);
    static ParameterSpec real(const QString &name, double value, double minimum, double maximum,
                              const QString &description, bool live = false);
    static ParameterSpec boolean(const QString &name, bool value, const QString &description);
    static ParameterSpec choice(const QString &name, const QString &value, const QStringList &choices,
                                const QString &description);

    // "int", "double", "bool" or "choice".
    QString typeName() const;
    // What the parameter accepts, in words: "an integer from 1 to 256", "true or false", "shm or pipe".
    QString allowed() const;
    // Converts text to a value of this type within range. On failure returns an invalid QVariant and sets *error
    // to one line naming the key and what is allowed.
    QVariant parse(const QString &text, QString *error) const;
    // The `proclab list --json` form: {"name","type","default","min","max","choices"}.
    QJsonObject toJson() const;
};
