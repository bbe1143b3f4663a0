#include "GilOffsetTable.h"

namespace {
struct Row {
    int major;
    int minor;
    GilLayout::Home home;
    quint64 gilInRuntime;
    quint64 gilPointerInInterpreter;
    quint64 currentInRuntime;
    quint64 locked;
    quint64 lastHolder;
    quint64 switchNumber;
    quint64 waitsBegin;
    quint64 gilSize;
    quint64 nativeThreadId;
};

// Printed by tools/python-offsets/generate.sh VERSION INCLUDE_DIR, x86-64, gcc 12:
//   3.11  /usr/include/python3.11 (Debian bookworm, libpython3.11-dev 3.11.2)
//   3.12  CPython 3.12.1's installed headers (include/python3.12)
//   3.13  CPython 3.13.0's installed headers (include/python3.13); 3.13 also publishes _Py_DebugOffsets, which
//         ProcLab prefers (GilDebugOffsets) and checks against this row
// 3.9 and 3.10 have no native_thread_id in PyThreadState: the holder's TID cannot be read, so they are absent.
#if defined(__x86_64__)
constexpr Row Rows[] = {
    {3, 11, GilLayout::Home::Runtime, 360, 0, 576, 16, 8, 24, 32, 208, 160},
    {3, 12, GilLayout::Home::Interpreter, 48, 384, 0, 16, 8, 24, 32, 208, 144},
    {3, 13, GilLayout::Home::Interpreter, 640, 16, 0, 16, 8, 24, 32, 208, 160},
};
#else
constexpr Row Rows[] = {{0, 0, GilLayout::Home::Runtime, 0, 0, 0, 0, 0, 0, 0, 0, 0}};
#endif
} // namespace

std::optional<GilLayout> GilOffsetTable::forVersion(int major, int minor)
{
    for (const Row &row : Rows) {
        if (row.major != major || row.minor != minor || major == 0)
            continue;
        GilLayout layout;
        layout.major = row.major;
        layout.minor = row.minor;
        layout.home = row.home;
        layout.gilInRuntime = row.gilInRuntime;
        layout.gilPointerInInterpreter = row.gilPointerInInterpreter;
        layout.currentInRuntime = row.currentInRuntime;
        layout.locked = row.locked;
        layout.lastHolder = row.lastHolder;
        layout.switchNumber = row.switchNumber;
        layout.waitsBegin = row.waitsBegin;
        layout.waitsEnd = row.gilSize;
        layout.nativeThreadId = row.nativeThreadId;
        return layout;
    }
    return std::nullopt;
}
