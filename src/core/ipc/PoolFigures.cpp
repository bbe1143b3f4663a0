#include "PoolFigures.h"

using namespace Qt::Literals::StringLiterals;

PoolFigures::PoolFigures(const QList<qint64> &figures)
    : m_figures(figures)
{
}

QString PoolFigures::modeName(int mode)
{
    static const QStringList names = {u"apply"_s, u"apply_async"_s, u"map"_s};
    return names.value(mode);
}

int PoolFigures::modeIndex(const QString &name)
{
    for (int mode = 0; mode < ModeCount; ++mode) {
        if (modeName(mode) == name)
            return mode;
    }
    return -1;
}

double PoolFigures::makespanS(int mode) const
{
    return m_figures.value(makespanIndex(mode)) / 1e9;
}

PoolFigures::Task PoolFigures::task(int mode, int task) const
{
    const int at = taskIndex(mode, task);
    return {m_figures.value(at), m_figures.value(at + 1) / 1e9, m_figures.value(at + 2) / 1e9};
}
