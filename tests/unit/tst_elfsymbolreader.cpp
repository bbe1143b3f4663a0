// ElfSymbolReader on real ELF files (this test's own program, Debian's python3.11) and on hostile copies of them:
// cut short, garbage, offsets and counts that point outside the file, tables too large to read.
#include "python/ElfSymbolReader.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <dlfcn.h>
#include <elf.h>
#include <functional>

using namespace Qt::Literals::StringLiterals;

extern "C" __attribute__((visibility("default"), noinline)) int proclabElfReaderTarget(int x)
{
    return x * 3 + 1;
}

namespace {
// This test's own program (an appless test has no QCoreApplication to ask).
QString selfPath()
{
    return QFile::symLinkTarget(QStringLiteral("/proc/self/exe"));
}

using Mutation = std::function<void(QByteArray &)>;

Elf64_Ehdr headerOf(const QByteArray &bytes)
{
    Elf64_Ehdr header;
    std::memcpy(&header, bytes.constData(), sizeof header);
    return header;
}

void setHeader(QByteArray &bytes, const Elf64_Ehdr &header)
{
    std::memcpy(bytes.data(), &header, sizeof header);
}

// Applies f to every section header of a symbol table.
void eachSymbolTable(QByteArray &bytes, const std::function<void(Elf64_Shdr &)> &f)
{
    const Elf64_Ehdr header = headerOf(bytes);
    for (int i = 0; i < header.e_shnum; ++i) {
        Elf64_Shdr sh;
        char *at = bytes.data() + header.e_shoff + quint64(i) * sizeof sh;
        std::memcpy(&sh, at, sizeof sh);
        if (sh.sh_type == SHT_SYMTAB || sh.sh_type == SHT_DYNSYM) {
            f(sh);
            std::memcpy(at, &sh, sizeof sh);
        }
    }
}
} // namespace

Q_DECLARE_METATYPE(Mutation)

class tst_ElfSymbolReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void findsItsOwnFunction();
    void findsPythonRuntime();
    void missingSymbolIsNotFound();
    void hostileFiles_data();
    void hostileFiles();
    void randomMutationsNeverLie();

private:
    QString write(const QByteArray &bytes);
    QByteArray m_self;
    QTemporaryDir m_dir;
    int m_files = 0;
};

QString tst_ElfSymbolReader::write(const QByteArray &bytes)
{
    const QString path = m_dir.filePath(u"elf-%1"_s.arg(++m_files));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

void tst_ElfSymbolReader::initTestCase()
{
    QFile self(selfPath());
    QVERIFY(self.open(QIODevice::ReadOnly));
    m_self = self.readAll();
    QVERIFY(m_self.size() > qsizetype(sizeof(Elf64_Ehdr)));
    QVERIFY(m_dir.isValid());
}

void tst_ElfSymbolReader::findsItsOwnFunction()
{
    const ElfSymbol symbol = ElfSymbolReader::find(selfPath(), "proclabElfReaderTarget");
    QVERIFY2(symbol.error.isEmpty(), qPrintable(symbol.error));
    QVERIFY(symbol.found);
    // The address it is at in this process: the load bias (where offset 0 is mapped) plus the linked address.
    Dl_info info{};
    QVERIFY(dladdr(reinterpret_cast<void *>(&proclabElfReaderTarget), &info) != 0);
    const quint64 bias = quint64(quintptr(info.dli_fbase)) - symbol.offsetZeroVaddr;
    QCOMPARE(bias + symbol.value, quint64(quintptr(reinterpret_cast<void *>(&proclabElfReaderTarget))));
    QCOMPARE(proclabElfReaderTarget(2), 7);
}

void tst_ElfSymbolReader::findsPythonRuntime()
{
    const QString python = u"/usr/bin/python3.11"_s;
    if (!QFileInfo(python).exists())
        QSKIP("no /usr/bin/python3.11");
    const ElfSymbol symbol = ElfSymbolReader::find(python, "_PyRuntime");
    QVERIFY2(symbol.error.isEmpty(), qPrintable(symbol.error));
    QVERIFY(symbol.found);
    QVERIFY(symbol.size > 1000); // a struct of many KB, not a stray symbol of that name
}

void tst_ElfSymbolReader::missingSymbolIsNotFound()
{
    const ElfSymbol symbol = ElfSymbolReader::find(selfPath(), "no_such_symbol_here");
    QVERIFY(symbol.error.isEmpty());
    QVERIFY(!symbol.found);
    QVERIFY(!ElfSymbolReader::find(m_dir.filePath(u"absent"_s), "x").error.isEmpty());
}

void tst_ElfSymbolReader::hostileFiles_data()
{
    QTest::addColumn<Mutation>("mutation");
    QTest::addColumn<bool>("error"); // an error is expected (else: simply not found, or found as before)
    QTest::newRow("empty") << Mutation([](QByteArray &b) { b.clear(); }) << true;
    QTest::newRow("10 bytes") << Mutation([](QByteArray &b) { b.truncate(10); }) << true;
    QTest::newRow("header cut") << Mutation([](QByteArray &b) { b.truncate(63); }) << true;
    QTest::newRow("header only") << Mutation([](QByteArray &b) { b.truncate(64); }) << true;
    QTest::newRow("first half") << Mutation([](QByteArray &b) { b.truncate(b.size() / 2); }) << true;
    QTest::newRow("all but the last byte") << Mutation([](QByteArray &b) { b.chop(1); }) << true;
    QTest::newRow("not ELF") << Mutation([](QByteArray &b) { b[0] = 'X'; }) << true;
    QTest::newRow("32-bit class") << Mutation([](QByteArray &b) { b[EI_CLASS] = ELFCLASS32; }) << true;
    QTest::newRow("garbage after the magic") << Mutation([](QByteArray &b) {
        QRandomGenerator random(7);
        for (qsizetype i = SELFMAG; i < 4096 && i < b.size(); ++i)
            b[i] = char(random.bounded(256));
        b[EI_CLASS] = ELFCLASS64;
        b[EI_DATA] = ELFDATA2LSB;
    }) << true;
    QTest::newRow("section headers far away") << Mutation([](QByteArray &b) {
        Elf64_Ehdr h = headerOf(b);
        h.e_shoff = ~quint64(0) - 10;
        setHeader(b, h);
    }) << true;
    QTest::newRow("too many sections") << Mutation([](QByteArray &b) {
        Elf64_Ehdr h = headerOf(b);
        h.e_shnum = 0xfeff;
        setHeader(b, h);
    }) << true;
    QTest::newRow("section entry size 1") << Mutation([](QByteArray &b) {
        Elf64_Ehdr h = headerOf(b);
        h.e_shentsize = 1;
        setHeader(b, h);
    }) << true;
    QTest::newRow("no program headers") << Mutation([](QByteArray &b) {
        Elf64_Ehdr h = headerOf(b);
        h.e_phnum = 0;
        setHeader(b, h);
    }) << true;
    QTest::newRow("program headers far away") << Mutation([](QByteArray &b) {
        Elf64_Ehdr h = headerOf(b);
        h.e_phoff = quint64(b.size()) - 8;
        setHeader(b, h);
    }) << true;
    QTest::newRow("symbol table of 2^62 bytes") << Mutation([](QByteArray &b) {
        eachSymbolTable(b, [](Elf64_Shdr &sh) { sh.sh_size = quint64(1) << 62; });
    }) << true;
    QTest::newRow("symbol table past the end") << Mutation([](QByteArray &b) {
        const quint64 size = quint64(b.size());
        eachSymbolTable(b, [size](Elf64_Shdr &sh) { sh.sh_offset = size - 16; });
    }) << true;
    QTest::newRow("string table link out of range") << Mutation([](QByteArray &b) {
        eachSymbolTable(b, [](Elf64_Shdr &sh) { sh.sh_link = 0xffff; });
    }) << true;
    QTest::newRow("symbol entry size 1") << Mutation([](QByteArray &b) {
        eachSymbolTable(b, [](Elf64_Shdr &sh) { sh.sh_entsize = 1; });
    }) << true;
    QTest::newRow("symbol tables link to themselves") << Mutation([](QByteArray &b) {
        // sh_link to a section that is not a string table.
        const Elf64_Ehdr h = headerOf(b);
        for (int i = 0; i < h.e_shnum; ++i) {
            Elf64_Shdr sh;
            char *at = b.data() + h.e_shoff + quint64(i) * sizeof sh;
            std::memcpy(&sh, at, sizeof sh);
            if (sh.sh_type == SHT_SYMTAB || sh.sh_type == SHT_DYNSYM) {
                sh.sh_link = quint32(i);
                std::memcpy(at, &sh, sizeof sh);
            }
        }
    }) << true;
}

void tst_ElfSymbolReader::hostileFiles()
{
    QFETCH(Mutation, mutation);
    QFETCH(bool, error);
    QByteArray bytes = m_self;
    mutation(bytes);
    const QString path = write(bytes);
    QVERIFY(!path.isEmpty());
    const ElfSymbol symbol = ElfSymbolReader::find(path, "proclabElfReaderTarget");
    QCOMPARE(!symbol.error.isEmpty(), error);
    QVERIFY(!symbol.found);
}

void tst_ElfSymbolReader::randomMutationsNeverLie()
{
    // Bytes flipped anywhere in the headers and tables: the reader may fail or miss, but what it finds is either
    // the true symbol's value or comes from a mutated name — never a crash, never a read outside the file.
    const ElfSymbol truth = ElfSymbolReader::find(selfPath(), "proclabElfReaderTarget");
    QVERIFY(truth.found);
    QRandomGenerator random(19);
    const Elf64_Ehdr header = headerOf(m_self);
    for (int round = 0; round < 200; ++round) {
        QByteArray bytes = m_self;
        for (int flip = 0; flip < 8; ++flip) {
            // Half the flips in the ELF header and section headers, where a flip matters most.
            const bool headers = random.bounded(2) == 0;
            qsizetype at = headers ? (random.bounded(2) == 0 ? random.bounded(qsizetype(sizeof(Elf64_Ehdr)))
                                                             : qsizetype(header.e_shoff)
                                                                   + random.bounded(qsizetype(header.e_shnum)
                                                                                    * qsizetype(sizeof(Elf64_Shdr))))
                                   : random.bounded(bytes.size());
            at = qBound<qsizetype>(0, at, bytes.size() - 1);
            bytes[at] = char(random.bounded(256));
        }
        const QString path = write(bytes);
        const ElfSymbol symbol = ElfSymbolReader::find(path, "proclabElfReaderTarget");
        QVERIFY(symbol.error.isEmpty() || !symbol.found);
        QFile::remove(path);
    }
}

QTEST_APPLESS_MAIN(tst_ElfSymbolReader)
#include "tst_elfsymbolreader.moc"
