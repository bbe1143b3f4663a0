#include "InterpreterLocator.h"

#include "ElfSymbolReader.h"
#include "GilDebugOffsets.h"
#include "GilOffsetTable.h"

#include <QFile>
#include <QFileInfo>

#include <unistd.h>

#include <array>

using namespace Qt::Literals::StringLiterals;

namespace {
QByteArray readMaps(int pid, bool *denied)
{
    QFile file(u"/proc/%1/maps"_s.arg(pid));
    // maps needs the same ptrace access as reading the memory: another user's process (without CAP_SYS_PTRACE),
    // or Yama's ptrace_scope, closes it. The open may succeed and the read fail.
    if (!file.open(QIODevice::ReadOnly)) {
        *denied = file.error() == QFileDevice::OpenError && QFile::exists(u"/proc/%1/cmdline"_s.arg(pid));
        return {};
    }
    // /proc files report size 0: read in pieces up to the bound.
    QByteArray text;
    while (text.size() < PythonImage::MaxMapsBytes) {
        const QByteArray piece = file.read(64 * 1024);
        if (piece.isEmpty()) {
            *denied = text.isEmpty() && file.error() != QFileDevice::NoError;
            break;
        }
        text += piece;
    }
    return text;
}

// Whether the program is a python: its command line's first word (world-readable, unlike maps).
bool looksLikePython(int pid)
{
    QFile file(u"/proc/%1/cmdline"_s.arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray program = file.read(4096).split('\0').value(0);
    return program.mid(program.lastIndexOf('/') + 1).startsWith("python");
}

// The table's row agrees with what the process itself publishes: then its extra facts (the hand-over counter,
// where waiters sleep) hold for this process too.
bool sameShape(const GilLayout &table, const GilLayout &published)
{
    return table.locked == published.locked && table.lastHolder == published.lastHolder
        && table.nativeThreadId == published.nativeThreadId;
}
} // namespace

QString InterpreterLocator::notAllowedMessage(int pid)
{
    QFile scope(u"/proc/sys/kernel/yama/ptrace_scope"_s);
    QString rule;
    if (scope.open(QIODevice::ReadOnly)) {
        const int value = scope.readAll().trimmed().toInt();
        rule = value == 1 ? tr("Yama's ptrace_scope is 1: only programs ProcLab started may be read")
                          : tr("Yama's ptrace_scope is %1").arg(value);
    } else if (QFileInfo(u"/proc/%1"_s.arg(pid)).ownerId() != ::geteuid()) {
        rule = tr("it belongs to another user");
    } else {
        rule = tr("the kernel refused process_vm_readv");
    }
    return tr("GIL not shown: reading another program's memory is not allowed here (process %1: %2)").arg(pid).arg(rule);
}

GilTarget InterpreterLocator::locate(int pid)
{
    GilTarget target;
    target.pid = pid;
    bool denied = false;
    const std::optional<PythonImage> image = PythonImage::fromMaps(readMaps(pid, &denied));
    if (!image) {
        if (denied && looksLikePython(pid)) {
            target.status = GilTarget::Status::NotAllowed;
            target.message = notAllowedMessage(pid);
        }
        return target;
    }
    return fromImage(pid, *image, RemoteMemory(pid));
}

GilTarget InterpreterLocator::fromImage(int pid, const PythonImage &image, const RemoteMemory &memory)
{
    GilTarget target;
    target.pid = pid;
    target.image = image;
    const auto with = [&target](GilTarget::Status status, const QString &message) {
        target.status = status;
        target.message = message;
        return target;
    };
    const QString version = image.version();
    if (image.freeThreaded())
        return with(GilTarget::Status::FreeThreaded, tr("no GIL (free-threaded build)"));
    if (!image.abiFlags.isEmpty() || image.major != 3 || image.minor < 11)
        return with(GilTarget::Status::Unsupported, tr("GIL not shown for Python %1").arg(version + image.abiFlags));

    // A file of the process's own (/proc/PID/root) resolves paths in its mount namespace as it sees them.
    ElfSymbol symbol = ElfSymbolReader::find(u"/proc/%1/root%2"_s.arg(pid).arg(image.path), "_PyRuntime");
    if (!symbol.error.isEmpty())
        symbol = ElfSymbolReader::find(image.path, "_PyRuntime");
    if (!symbol.error.isEmpty())
        return with(GilTarget::Status::Unreadable,
                    tr("GIL not shown for Python %1: %2").arg(version, symbol.error));
    if (!symbol.found)
        return with(GilTarget::Status::Unsupported,
                    tr("GIL not shown for Python %1: %2 has no _PyRuntime symbol").arg(version, image.path));
    target.runtimeAddress = image.mapStart - symbol.offsetZeroVaddr + symbol.value;

    std::array<char, GilDebugOffsets::Size> head{};
    const RemoteMemory::Result read = memory.read(target.runtimeAddress, head.data(), qsizetype(head.size()));
    if (read == RemoteMemory::Result::Denied)
        return with(GilTarget::Status::NotAllowed, notAllowedMessage(pid));
    if (read == RemoteMemory::Result::Gone)
        return with(GilTarget::Status::NotPython, {});
    if (read != RemoteMemory::Result::Ok)
        return with(GilTarget::Status::Unreadable,
                    tr("GIL not shown for Python %1: _PyRuntime is not readable").arg(version));

    const std::optional<GilLayout> row = GilOffsetTable::forVersion(image.major, image.minor);
    if (image.minor >= 13) {
        const GilDebugOffsets::Parsed published = GilDebugOffsets::parse(QByteArrayView(head.data(), head.size()));
        if (published.cookie && published.freeThreaded)
            return with(GilTarget::Status::FreeThreaded, tr("no GIL (free-threaded build)"));
        if (!published.cookie || !published.coherent || published.major() != image.major
            || published.minor() != image.minor)
            return with(GilTarget::Status::Unsupported, tr("GIL not shown for Python %1").arg(version));
        target.layout = published.layout;
        target.fromDebugOffsets = true;
        if (row && sameShape(*row, published.layout)) {
            target.layout.hasSwitchNumber = row->hasSwitchNumber;
            target.layout.switchNumber = row->switchNumber;
            target.layout.waitsBegin = row->waitsBegin;
            target.layout.waitsEnd = row->waitsEnd;
        }
    } else if (row) {
        target.layout = *row;
    } else {
        return with(GilTarget::Status::Unsupported, tr("GIL not shown for Python %1").arg(version));
    }
    return with(GilTarget::Status::Readable,
                target.fromDebugOffsets ? tr("GIL shown for Python %1 (from its debug offsets)").arg(version)
                                        : tr("GIL shown for Python %1").arg(version));
}
