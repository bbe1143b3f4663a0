#include "DeadlockFindings.h"

#include <algorithm>

QList<qint64> DeadlockCycle::tids() const
{
    QList<qint64> result;
    result.reserve(members.size());
    for (const CycleMember &member : members)
        result.append(member.thread.tid);
    std::sort(result.begin(), result.end());
    return result;
}
