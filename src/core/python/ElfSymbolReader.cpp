#include "ElfSymbolReader.h"

#include <QFile>

#include <cstring>
#include <elf.h>

namespace {
// Reads exactly `size` bytes at `offset`, or nothing: the range is checked against the file's size first.
bool readAt(QFile &file, quint64 offset, quint64 size, void *into)
{
    const quint64 fileSize = quint64(file.size());
    if (offset > fileSize || size > fileSize - offset)
        return false;
    if (!file.seek(qint64(offset)))
        return false;
    return file.read(static_cast<char *>(into), qint64(size)) == qint64(size);
}

bool readTable(QFile &file, quint64 offset, quint64 size, QByteArray *into)
{
    if (size > quint64(ElfSymbolReader::MaxTableBytes))
        return false;
    into->resize(qsizetype(size));
    return readAt(file, offset, size, into->data());
}
} // namespace

ElfSymbol ElfSymbolReader::find(const QString &path, QByteArrayView name)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ElfSymbol result;
        result.error = tr("cannot open %1: %2").arg(path, file.errorString());
        return result;
    }
    return find(file, name);
}

ElfSymbol ElfSymbolReader::find(QFile &file, QByteArrayView name)
{
    ElfSymbol result;
    const auto fail = [&result](const QString &why) {
        result.error = why;
        return result;
    };
    Elf64_Ehdr header;
    if (!readAt(file, 0, sizeof header, &header))
        return fail(tr("not an ELF file (too short)"));
    if (std::memcmp(header.e_ident, ELFMAG, SELFMAG) != 0)
        return fail(tr("not an ELF file"));
    if (header.e_ident[EI_CLASS] != ELFCLASS64 || header.e_ident[EI_DATA] != ELFDATA2LSB)
        return fail(tr("not a 64-bit little-endian ELF file"));
    if (header.e_phentsize != sizeof(Elf64_Phdr) || header.e_phnum == 0 || header.e_phnum > MaxProgramHeaders)
        return fail(tr("ELF program headers malformed"));
    // e_shnum 0 with e_shoff set means more than 0xff00 sections, counted in section 0: not seen in CPython.
    if (header.e_shentsize != sizeof(Elf64_Shdr) || header.e_shnum == 0 || header.e_shnum >= SHN_LORESERVE)
        return fail(tr("ELF section headers malformed"));

    QByteArray programHeaders;
    if (!readTable(file, header.e_phoff, quint64(header.e_phnum) * sizeof(Elf64_Phdr), &programHeaders))
        return fail(tr("ELF program headers lie outside the file"));
    bool haveLoad = false;
    quint64 lowestOffset = 0;
    for (int i = 0; i < header.e_phnum; ++i) {
        Elf64_Phdr ph;
        std::memcpy(&ph, programHeaders.constData() + qsizetype(i) * qsizetype(sizeof ph), sizeof ph);
        if (ph.p_type != PT_LOAD || ph.p_offset > ph.p_vaddr)
            continue;
        if (!haveLoad || ph.p_offset < lowestOffset) {
            haveLoad = true;
            lowestOffset = ph.p_offset;
            result.offsetZeroVaddr = (ph.p_vaddr - ph.p_offset) & ~quint64(0xfff);
        }
    }
    if (!haveLoad)
        return fail(tr("ELF file has no loadable segment"));

    QByteArray sections;
    if (!readTable(file, header.e_shoff, quint64(header.e_shnum) * sizeof(Elf64_Shdr), &sections))
        return fail(tr("ELF section headers lie outside the file"));
    const auto section = [&sections](int index) {
        Elf64_Shdr sh;
        std::memcpy(&sh, sections.constData() + qsizetype(index) * qsizetype(sizeof sh), sizeof sh);
        return sh;
    };
    // .dynsym first: it is small and survives stripping; .symtab, when present, also has the local symbols.
    for (const quint32 wanted : {quint32(SHT_DYNSYM), quint32(SHT_SYMTAB)}) {
        for (int i = 0; i < header.e_shnum; ++i) {
            const Elf64_Shdr symbols = section(i);
            if (symbols.sh_type != wanted)
                continue;
            if (symbols.sh_entsize != sizeof(Elf64_Sym) || symbols.sh_link >= header.e_shnum)
                return fail(tr("ELF symbol table malformed"));
            const Elf64_Shdr strings = section(int(symbols.sh_link));
            if (strings.sh_type != SHT_STRTAB)
                return fail(tr("ELF symbol table malformed"));
            QByteArray symbolBytes;
            QByteArray stringBytes;
            if (!readTable(file, symbols.sh_offset, symbols.sh_size, &symbolBytes)
                || !readTable(file, strings.sh_offset, strings.sh_size, &stringBytes))
                return fail(tr("ELF symbol table lies outside the file or is too large"));
            const qsizetype count = symbolBytes.size() / qsizetype(sizeof(Elf64_Sym));
            for (qsizetype s = 0; s < count; ++s) {
                Elf64_Sym sym;
                std::memcpy(&sym, symbolBytes.constData() + s * qsizetype(sizeof sym), sizeof sym);
                if (sym.st_name == 0 || sym.st_shndx == SHN_UNDEF || sym.st_name >= quint64(stringBytes.size()))
                    continue;
                const char *start = stringBytes.constData() + sym.st_name;
                const qsizetype room = stringBytes.size() - qsizetype(sym.st_name);
                const void *end = std::memchr(start, '\0', size_t(room));
                if (!end)
                    continue; // a name that runs off its table is not a name
                if (QByteArrayView(start, static_cast<const char *>(end) - start) == name) {
                    result.found = true;
                    result.value = sym.st_value;
                    result.size = sym.st_size;
                    return result;
                }
            }
        }
    }
    return result;
}
