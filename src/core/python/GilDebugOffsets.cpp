#include "GilDebugOffsets.h"

#include <cstring>

namespace {
// Field positions in the 3.13 struct, in 64-bit words: cookie (1), version, free_threaded, runtime_state {size,
// finalizing, interpreters_head}, interpreter_state {size, id, next, threads_head, gc, imports_modules, sysdict,
// builtins, ceval_gil, gil_runtime_state, gil_runtime_state_enabled, gil_runtime_state_locked,
// gil_runtime_state_holder}, thread_state {size, prev, next, interp, current_frame, thread_id, native_thread_id,
// …}.
enum Word {
    Version = 1,
    FreeThreaded = 2,
    RuntimeSize = 3,
    InterpretersHead = 5,
    InterpreterSize = 6,
    GilRuntimeState = 15,
    GilLocked = 17,
    GilHolder = 18,
    ThreadStateSize = 19,
    NativeThreadId = 25,
};

quint64 word(QByteArrayView bytes, int index)
{
    quint64 value = 0;
    std::memcpy(&value, bytes.data() + qsizetype(index) * 8, 8);
    return value;
}
} // namespace

GilDebugOffsets::Parsed GilDebugOffsets::parse(QByteArrayView bytes)
{
    Parsed parsed;
    if (bytes.size() < Size || std::memcmp(bytes.data(), "xdebugpy", 8) != 0)
        return parsed;
    parsed.cookie = true;
    parsed.version = word(bytes, Version);
    parsed.freeThreaded = word(bytes, FreeThreaded) != 0;
    const quint64 runtimeSize = word(bytes, RuntimeSize);
    const quint64 head = word(bytes, InterpretersHead);
    const quint64 interpreterSize = word(bytes, InterpreterSize);
    const quint64 gil = word(bytes, GilRuntimeState);
    const quint64 locked = word(bytes, GilLocked);
    const quint64 holder = word(bytes, GilHolder);
    const quint64 threadStateSize = word(bytes, ThreadStateSize);
    const quint64 nativeThreadId = word(bytes, NativeThreadId);
    // Sizes of real interpreters are a few hundred KB at most; the GIL's fields lie in its first words.
    constexpr quint64 Plausible = 16 * 1024 * 1024;
    constexpr quint64 GilFieldsWithin = 64;
    const bool sizesPlausible = runtimeSize > 0 && runtimeSize < Plausible && interpreterSize > 0
        && interpreterSize < Plausible && threadStateSize > 0 && threadStateSize < Plausible;
    const bool inside = sizesPlausible && head + 8 <= runtimeSize && gil < interpreterSize
        && locked >= gil && locked - gil < GilFieldsWithin && locked + 4 <= interpreterSize
        && holder >= gil && holder - gil < GilFieldsWithin && holder + 8 <= interpreterSize
        && nativeThreadId + 8 <= threadStateSize;
    if (!inside)
        return parsed;
    parsed.coherent = true;
    GilLayout &layout = parsed.layout;
    layout.major = parsed.major();
    layout.minor = parsed.minor();
    layout.home = GilLayout::Home::OwnGil;
    layout.gilInRuntime = head;
    layout.gilPointerInInterpreter = gil;
    layout.locked = locked - gil;
    layout.lastHolder = holder - gil;
    layout.hasSwitchNumber = false;
    layout.nativeThreadId = nativeThreadId;
    return parsed;
}
