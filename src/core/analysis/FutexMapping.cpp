#include "FutexMapping.h"

#include "probe/ProcParser.h"

#include <algorithm>
#include <sys/syscall.h>

using namespace Qt::Literals::StringLiterals;

namespace {

// Splits off the next field separated by spaces; returns false when there is none.
bool nextField(QByteArrayView &rest, QByteArrayView *field)
{
    qsizetype begin = 0;
    while (begin < rest.size() && rest[begin] == ' ')
        ++begin;
    qsizetype end = begin;
    while (end < rest.size() && rest[end] != ' ')
        ++end;
    if (end == begin)
        return false;
    *field = rest.sliced(begin, end - begin);
    rest = rest.sliced(end);
    return true;
}

std::optional<quint64> number(QByteArrayView text, int base)
{
    if (text.isEmpty())
        return std::nullopt;
    bool ok = false;
    const quint64 value = text.toULongLong(&ok, base);
    return ok ? std::optional<quint64>(value) : std::nullopt;
}

} // namespace

FutexMapping::FutexMapping(const QString &mappingPath, quint64 inode, const QList<LockRecord> &locks,
                           const QList<QueueRecord> &queues)
    : m_mappingPath(mappingPath), m_inode(inode), m_locks(locks), m_queues(queues)
{
    std::sort(m_locks.begin(), m_locks.end(),
              [](const LockRecord &a, const LockRecord &b) { return a.offset < b.offset; });
    std::sort(m_queues.begin(), m_queues.end(),
              [](const QueueRecord &a, const QueueRecord &b) { return a.offset < b.offset; });
}

QString FutexMapping::memfdPath(const QString &memfdName)
{
    return u"/memfd:"_s + memfdName;
}

std::optional<MemoryMapping> FutexMapping::parseMapsLine(QByteArrayView line)
{
    // start-end perms offset major:minor inode [path]; the path may hold spaces, so it is the rest of the line.
    QByteArrayView rest = line;
    QByteArrayView range, perms, offset, device, inode;
    if (!nextField(rest, &range) || !nextField(rest, &perms) || !nextField(rest, &offset) ||
        !nextField(rest, &device) || !nextField(rest, &inode))
        return std::nullopt;
    const qsizetype dash = range.indexOf('-');
    if (dash <= 0 || perms.size() != 4 || !device.contains(':'))
        return std::nullopt;
    const auto start = number(range.first(dash), 16);
    const auto end = number(range.sliced(dash + 1), 16);
    const auto fileOffset = number(offset, 16);
    const auto inodeNumber = number(inode, 10);
    if (!start || !end || !fileOffset || !inodeNumber || *end < *start)
        return std::nullopt;
    MemoryMapping mapping;
    mapping.start = *start;
    mapping.end = *end;
    mapping.perms = perms.toByteArray();
    mapping.offset = *fileOffset;
    mapping.inode = *inodeNumber;
    QByteArrayView path = rest.trimmed();
    constexpr QByteArrayView deletedSuffix(" (deleted)");
    if (path.endsWith(deletedSuffix)) {
        mapping.deleted = true;
        path.chop(deletedSuffix.size());
    }
    mapping.path = QString::fromUtf8(path);
    return mapping;
}

QList<MemoryMapping> FutexMapping::parseMaps(QByteArrayView text)
{
    QList<MemoryMapping> maps;
    qsizetype begin = 0;
    while (begin < text.size()) {
        qsizetype end = text.indexOf('\n', begin);
        if (end < 0)
            end = text.size();
        if (const auto mapping = parseMapsLine(text.sliced(begin, end - begin)))
            maps.append(*mapping);
        begin = end + 1;
    }
    return maps;
}

std::optional<quint64> FutexMapping::futexAddress(const SyscallState &state)
{
    if (state.kind != SyscallState::Kind::InSyscall || state.number != SYS_futex)
        return std::nullopt;
    return state.args[0];
}

std::optional<FutexMapping::Location> FutexMapping::locate(const QList<MemoryMapping> &maps, quint64 address)
{
    for (qsizetype i = 0; i < maps.size(); ++i) {
        if (address >= maps[i].start && address < maps[i].end)
            return Location{i, address - maps[i].start + maps[i].offset};
    }
    return std::nullopt;
}

namespace {
// The record of `records` (sorted by offset) that contains `offset`.
template<typename Record> const Record *recordAt(const QList<Record> &records, quint64 offset)
{
    auto it = std::upper_bound(records.cbegin(), records.cend(), offset,
                               [](quint64 value, const Record &record) { return value < record.offset; });
    if (it == records.cbegin())
        return nullptr;
    --it;
    return offset < it->offset + it->size ? &*it : nullptr;
}
} // namespace

std::optional<qint64> FutexMapping::lockAt(quint64 mappingOffset) const
{
    if (const LockRecord *lock = recordAt(m_locks, mappingOffset))
        return lock->lockId;
    return std::nullopt;
}

std::optional<qint64> FutexMapping::queueAt(quint64 mappingOffset) const
{
    if (const QueueRecord *queue = recordAt(m_queues, mappingOffset))
        return queue->queueId;
    return std::nullopt;
}

bool FutexMapping::knowsLock(qint64 lockId) const
{
    return std::any_of(m_locks.cbegin(), m_locks.cend(), [lockId](const LockRecord &l) { return l.lockId == lockId; });
}

bool FutexMapping::knowsQueue(qint64 queueId) const
{
    return std::any_of(m_queues.cbegin(), m_queues.cend(),
                       [queueId](const QueueRecord &q) { return q.queueId == queueId; });
}

FutexObservation FutexMapping::observe(const QList<MemoryMapping> &maps, QByteArrayView syscallText) const
{
    const auto state = ProcParser::parseSyscall(syscallText);
    if (!state)
        return {}; // NotChecked: nothing readable, nothing to claim
    return observe(maps, *state);
}

FutexObservation FutexMapping::observe(const QList<MemoryMapping> &maps, const SyscallState &state) const
{
    FutexObservation observation;
    // "running" also stands for a runnable thread the kernel could not stop to look at, and "-1 …" for one that
    // sleeps outside a system call: neither is blocked on anything, so there is nothing to compare.
    if (state.kind != SyscallState::Kind::InSyscall)
        return observation;
    const auto address = futexAddress(state);
    if (!address) {
        observation.status = FutexObservation::Status::NotInFutex;
        return observation;
    }
    observation.address = *address;
    observation.status = FutexObservation::Status::OtherAddress;
    const auto location = locate(maps, *address);
    if (!location)
        return observation;
    const MemoryMapping &mapping = maps[location->mapping];
    if (m_mappingPath.isEmpty() || mapping.path != m_mappingPath || (m_inode != 0 && mapping.inode != m_inode))
        return observation;
    observation.inMapping = true;
    observation.mappingOffset = location->fileOffset;
    if (const auto lock = lockAt(location->fileOffset)) {
        observation.status = FutexObservation::Status::Lock;
        observation.lockId = *lock;
    } else if (const auto queue = queueAt(location->fileOffset)) {
        observation.status = FutexObservation::Status::Queue;
        observation.queueId = *queue;
    }
    return observation;
}
