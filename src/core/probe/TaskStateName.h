#pragma once

#include "TaskState.h"

#include <QCoreApplication>
#include <QString>
#include <QStringView>

#include <optional>

// The names of a TaskState. name() is the stable lower-case word used in JSON, session files and the CLI
// ("ready"); displayName() is the translated word for people.
class TaskStateName
{
    Q_DECLARE_TR_FUNCTIONS(TaskStateName)
public:
    // "new", "running", "ready", "blocked", "stopped", "zombie", "terminated".
    static QString name(TaskState state);
    // The inverse of name(); nullopt for anything else (case-sensitive: the stable names are lower case).
    static std::optional<TaskState> fromName(QStringView name);
    // The translated, capitalised word for a table or a legend.
    static QString displayName(TaskState state);
    // Every state, in declaration order (for legends and counters).
    static const QList<TaskState> &all();
};
