#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>

// Decides when one of an experiment's figures is recorded. A figure the lesson shows while it runs — the race's
// lost updates, the pool's makespans, the cores the GIL lets threads use — is a `measure` event the moment it is
// known, so the JSON stream, the session file, replay and the report have it live: when it first appears; when it
// changed and at least `periodS` of session time passed since it was last recorded; and when it settles (its final
// value: recorded at once if it differs from the last one, after which the name takes no more values).
class LiveFigures
{
public:
    enum class Moment { Running, Settled };

    explicit LiveFigures(double periodS = 1.0) : m_periodS(periodS) {}

    // True when a `measure` event with these values should be recorded now, at session time `t`.
    bool shouldRecord(const QString &name, double value, const QJsonObject &extra, double t, Moment moment);
    bool isSettled(const QString &name) const;
    bool hasRecorded(const QString &name) const { return m_last.contains(name); }

private:
    struct Last
    {
        double value = 0;
        QJsonObject extra;
        double t = 0;
        bool settled = false;
    };
    double m_periodS;
    QHash<QString, Last> m_last;
};
