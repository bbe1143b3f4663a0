#pragma once

#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>
#include <QtGlobal>

class QFile;

// What ElfSymbolReader found in one ELF file.
struct ElfSymbol
{
    bool found = false;
    QString error;             // why the file could not be read, for the user; empty when it could
    quint64 value = 0;         // the symbol's address as linked (st_value)
    quint64 size = 0;          // st_size
    // The address the file's offset 0 is linked at (the first PT_LOAD's p_vaddr − p_offset, page-aligned): the
    // load bias of a mapping is its start (the mapping of file offset 0 in /proc/PID/maps) minus this.
    quint64 offsetZeroVaddr = 0;
};

// Finds one symbol in the symbol tables (.dynsym, then .symtab) of a 64-bit little-endian ELF file: where
// CPython's _PyRuntime is in python3.X or libpython3.X.so.
//
// The file is hostile input (a program anyone may write maps it): every offset and count in it is checked against
// the file's size before it is used, entry sizes must be the ones of the format, no table larger than
// MaxTableBytes is read, and a name must end inside its string table. Reads go through QFile at checked offsets —
// no mmap, so a file truncated while it is read gives a short read (an error), not SIGBUS.
class ElfSymbolReader
{
    Q_DECLARE_TR_FUNCTIONS(ElfSymbolReader)
public:
    static constexpr qint64 MaxTableBytes = 64 * 1024 * 1024;
    static constexpr int MaxProgramHeaders = 4096;

    static ElfSymbol find(const QString &path, QByteArrayView name);
    static ElfSymbol find(QFile &file, QByteArrayView name);
};
