#include "FutexMapping.h"

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

FutexMapping::FutexMapping(const QString &mappingPath, quint64 inode, const QList<LockRecord> &locks)
    : m_mappingPath(mappingPath), m_inode(inode), m_locks(locks)
{
    std::sort(m_locks.begin(), m_locks.end(),
              [](const LockRecord &a, const LockRecord &b) { return a.offset < b.offset; });
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

std::optional<SyscallState> FutexMapping::parseSyscall(QByteArrayView text)
{
    text = text.trimmed();
    SyscallState state;
    if (text == "running") {
        state.kind = SyscallState::Kind::Running;
        return state;
    }
    QByteArrayView rest = text, field;
    if (!nextField(rest, &field))
        return std::nullopt;
    bool ok = false;
    state.number = field.toLongLong(&ok, 10);
    if (!ok || state.number < -1)
        return std::nullopt;
    const int argumentCount = state.number == -1 ? 0 : 6;
    state.kind = state.number == -1 ? SyscallState::Kind::NotInCall : SyscallState::Kind::InCall;
    for (int i = 0; i < argumentCount; ++i) {
        if (!nextField(rest, &field))
            return std::nullopt;
        const auto value = number(field, 0); // "0x…": base 0 reads the prefix
        if (!value)
            return std::nullopt;
        state.args[i] = *value;
    }
    QByteArrayView sp, pc;
    if (!nextField(rest, &sp) || !nextField(rest, &pc) || nextField(rest, &field))
        return std::nullopt;
    const auto stack = number(sp, 0), counter = number(pc, 0);
    if (!stack || !counter)
        return std::nullopt;
    state.stackPointer = *stack;
    state.programCounter = *counter;
    return state;
}

std::optional<quint64> FutexMapping::futexAddress(const SyscallState &state)
{
    if (state.kind != SyscallState::Kind::InCall || state.number != SYS_futex)
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

std::optional<qint64> FutexMapping::lockAt(quint64 mappingOffset) const
{
    auto it = std::upper_bound(m_locks.cbegin(), m_locks.cend(), mappingOffset,
                               [](quint64 offset, const LockRecord &lock) { return offset < lock.offset; });
    if (it == m_locks.cbegin())
        return std::nullopt;
    --it;
    if (mappingOffset < it->offset + it->size)
        return it->lockId;
    return std::nullopt;
}

FutexObservation FutexMapping::observe(const QList<MemoryMapping> &maps, QByteArrayView syscallText) const
{
    FutexObservation observation;
    const auto state = parseSyscall(syscallText);
    if (!state)
        return observation; // NotChecked: nothing readable, nothing to claim
    const auto address = futexAddress(*state);
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
    if (mapping.path != m_mappingPath || (m_inode != 0 && mapping.inode != m_inode))
        return observation;
    if (const auto lock = lockAt(location->fileOffset)) {
        observation.status = FutexObservation::Status::Lock;
        observation.lockId = *lock;
    }
    return observation;
}
