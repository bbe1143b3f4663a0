#pragma once

#include "LabProcessInfo.h"
#include "LabProcessRecord.h"

#include <QHash>
#include <QList>

#include <memory>
#include <optional>

// The lab processes of one session by PID, as LabController keeps them, and what its caps count: the processes
// alive or kept as zombies, the forks and threads asked for and not answered yet.
class LabProcessTable
{
public:
    using Record = std::shared_ptr<LabProcessRecord>;

    void insert(Record record) { m_records.insert(record->pid, std::move(record)); }
    // Null when `pid` is not a lab process (any more).
    LabProcessRecord *find(pid_t pid) const { return m_records.value(pid).get(); }
    Record shared(pid_t pid) const { return m_records.value(pid); }
    Record take(pid_t pid) { return m_records.take(pid); }
    bool contains(pid_t pid) const { return m_records.contains(pid); }
    bool isEmpty() const { return m_records.isEmpty(); }
    QList<pid_t> pids() const { return m_records.keys(); }
    QList<Record> records() const { return m_records.values(); }

    QList<LabProcessInfo> infos() const;
    std::optional<LabProcessInfo> info(pid_t pid) const;
    int count() const { return int(m_records.size()); }
    // Forks asked of processes that have not ended, not answered yet.
    int pendingForkCount() const;
    // Lab threads acknowledged, or asked for and not answered yet.
    int threadCount() const;

private:
    QHash<pid_t, Record> m_records;
};
