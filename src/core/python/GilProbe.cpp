#include "GilProbe.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace {
GilProbe::Reading::Result resultOf(RemoteMemory::Result read)
{
    switch (read) {
    case RemoteMemory::Result::Ok: return GilProbe::Reading::Result::Ok;
    case RemoteMemory::Result::Denied: return GilProbe::Reading::Result::Denied;
    case RemoteMemory::Result::Gone: return GilProbe::Reading::Result::Gone;
    case RemoteMemory::Result::BadAddress: return GilProbe::Reading::Result::NotReady;
    }
    return GilProbe::Reading::Result::NotReady;
}

// The GIL's fields all lie in its first words (GilDebugOffsets checks that much for published layouts).
constexpr quint64 MaxSpan = 64;
} // namespace

GilProbe::GilProbe(const GilTarget &target)
    : m_target(target)
    , m_memory(target.pid)
{
}

bool GilProbe::resolve(Reading::Result *failure)
{
    const GilLayout &layout = m_target.layout;
    const quint64 runtime = m_target.runtimeAddress;
    if (layout.home == GilLayout::Home::Runtime) {
        m_gil = runtime + layout.gilInRuntime;
        return true;
    }
    quint64 interpreter = 0;
    RemoteMemory::Result read = m_memory.readValue(runtime + layout.gilInRuntime, &interpreter);
    if (read != RemoteMemory::Result::Ok || interpreter == 0) {
        *failure = read == RemoteMemory::Result::Ok ? Reading::Result::NotReady : resultOf(read);
        return false;
    }
    if (layout.home == GilLayout::Home::OwnGil) {
        m_gil = interpreter + layout.gilPointerInInterpreter;
        return true;
    }
    quint64 gil = 0;
    read = m_memory.readValue(interpreter + layout.gilPointerInInterpreter, &gil);
    if (read != RemoteMemory::Result::Ok || gil == 0) {
        *failure = read == RemoteMemory::Result::Ok ? Reading::Result::NotReady : resultOf(read);
        return false;
    }
    m_gil = gil;
    return true;
}

GilProbe::Reading GilProbe::read()
{
    Reading reading;
    if (m_gil == 0 && !resolve(&reading.result))
        return reading;
    const GilLayout &layout = m_target.layout;
    quint64 span = std::max(layout.locked + 4, layout.lastHolder + 8);
    if (layout.hasSwitchNumber)
        span = std::max(span, layout.switchNumber + 8);
    span = std::min(span, MaxSpan);
    std::array<char, MaxSpan> words{};
    const RemoteMemory::Result read = m_memory.read(m_gil, words.data(), qsizetype(span));
    reading.result = resultOf(read);
    if (read != RemoteMemory::Result::Ok)
        return reading;
    qint32 locked = 0;
    if (layout.locked + 4 <= span)
        std::memcpy(&locked, words.data() + layout.locked, 4);
    if (layout.lastHolder + 8 <= span)
        std::memcpy(&reading.holder, words.data() + layout.lastHolder, 8);
    if (layout.hasSwitchNumber && layout.switchNumber + 8 <= span)
        std::memcpy(&reading.switches, words.data() + layout.switchNumber, 8);
    // -1 is "not made yet", 0 free, 1 held; anything else means these are not the GIL's words.
    if (locked < -1 || locked > 1) {
        reading.result = Reading::Result::Garbled;
        return reading;
    }
    reading.locked = locked == 1 && reading.holder != 0;
    if (!reading.locked)
        return reading;
    // The TID is read at every read, not remembered per thread state: a thread that ends frees its state, and the
    // next thread's state is often allocated at the very same address.
    quint64 tid = 0;
    if (m_memory.readValue(reading.holder + layout.nativeThreadId, &tid) == RemoteMemory::Result::Ok && tid > 0
        && tid < quint64(1) << 31)
        reading.holderTid = int(tid);
    return reading;
}

GilProbe::Range GilProbe::waitRange() const
{
    const GilLayout &layout = m_target.layout;
    if (m_gil == 0 || layout.waitsEnd <= layout.waitsBegin)
        return {};
    return {m_gil + layout.waitsBegin, m_gil + layout.waitsEnd};
}
