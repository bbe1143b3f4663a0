#include "LiveFigures.h"

bool LiveFigures::shouldRecord(const QString &name, double value, const QJsonObject &extra, double t, Moment moment)
{
    const auto it = m_last.find(name);
    if (it == m_last.end()) {
        m_last.insert(name, Last{value, extra, t, moment == Moment::Settled});
        return true;
    }
    if (it->settled)
        return false;
    const bool changed = it->value != value || it->extra != extra;
    const bool settles = moment == Moment::Settled;
    if (settles)
        it->settled = true;
    // A little slack: figures first recorded at the same tick stay recorded together, whatever the rounding.
    if (!changed || (!settles && t - it->t < m_periodS - 0.005))
        return false;
    it->value = value;
    it->extra = extra;
    it->t = t;
    return true;
}

bool LiveFigures::isSettled(const QString &name) const
{
    const auto it = m_last.constFind(name);
    return it != m_last.constEnd() && it->settled;
}
