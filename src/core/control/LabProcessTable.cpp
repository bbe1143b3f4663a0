#include "LabProcessTable.h"

QList<LabProcessInfo> LabProcessTable::infos() const
{
    QList<LabProcessInfo> list;
    for (const pid_t pid : m_records.keys())
        list.append(m_records.value(pid)->info());
    return list;
}

std::optional<LabProcessInfo> LabProcessTable::info(pid_t pid) const
{
    const LabProcessRecord *record = find(pid);
    if (!record)
        return std::nullopt;
    return record->info();
}

int LabProcessTable::pendingForkCount() const
{
    int count = 0;
    for (const Record &process : m_records) {
        if (!process->ended)
            count += int(process->pendingForks.size());
    }
    return count;
}

int LabProcessTable::threadCount() const
{
    int count = 0;
    for (const Record &process : m_records)
        count += int(process->threads.size() + process->pendingThreads.size());
    return count;
}
