#include "LabNames.h"

QString LabNames::unique(const QString &role)
{
    QString name;
    do {
        const QString number = u'-' + QString::number(++m_counters[role]);
        name = role.left(15 - number.size()) + number;
    } while (m_taken.contains(name));
    m_taken.insert(name);
    return name;
}
