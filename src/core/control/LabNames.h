#pragma once

#include <QHash>
#include <QSet>
#include <QString>

// The names of one session's processes and threads. Each role is numbered session-wide, processes and threads
// alike — four processes of one cpu thread each show cpu-1 … cpu-4 —, no name is given out twice, and the thread
// name limit (15 bytes, TASK_COMM_LEN - 1) cuts the role, never the number.
class LabNames
{
public:
    // "<role>-<n>" with the next n that makes a name nobody has.
    QString unique(const QString &role);
    // A name given by the caller: never given out again.
    void take(const QString &name) { m_taken.insert(name); }

private:
    QHash<QString, int> m_counters;
    QSet<QString> m_taken;
};
