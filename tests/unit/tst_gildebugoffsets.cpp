// GilDebugOffsets::parse over the bytes a 3.13 process has at _PyRuntime, crafted here with the offsets CPython
// 3.13.0 publishes on x86-64 (facts from its _Py_DebugOffsets), and over bytes that are not, or not coherently,
// such a struct. And the generated table's rows: the 3.13 row agrees with the published offsets.
#include "python/GilDebugOffsets.h"
#include "python/GilOffsetTable.h"

#include <QTest>

#include <cstring>

using namespace Qt::Literals::StringLiterals;

namespace {
// Words of the struct: cookie, version, free_threaded, runtime_state {size, finalizing, interpreters_head},
// interpreter_state {size, id, next, threads_head, gc, imports_modules, sysdict, builtins, ceval_gil,
// gil_runtime_state, enabled, locked, holder}, thread_state {size, prev, next, interp, current_frame, thread_id,
// native_thread_id, datastack_chunk, status}.
QByteArray published(quint64 version = 0x030D00F0, quint64 freeThreaded = 0)
{
    const quint64 gil = 7000;
    const quint64 words[] = {0, version, freeThreaded, 167000, 1600, 632,
                             90000, 8, 16, 56, 1100, 4000, 4100, 4200, 16, gil, 0, gil + 16, gil + 8,
                             360, 0, 8, 16, 24, 56, 160, 168, 176};
    QByteArray bytes(GilDebugOffsets::Size, '\0');
    std::memcpy(bytes.data(), words, sizeof words);
    std::memcpy(bytes.data(), "xdebugpy", 8);
    return bytes;
}

void setWord(QByteArray &bytes, int index, quint64 value)
{
    std::memcpy(bytes.data() + index * 8, &value, 8);
}
} // namespace

class tst_GilDebugOffsets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesThe313Layout();
    void freeThreadedIsSaid();
    void refusals_data();
    void refusals();
    void tableRows();
};

void tst_GilDebugOffsets::parsesThe313Layout()
{
    const GilDebugOffsets::Parsed parsed = GilDebugOffsets::parse(published());
    QVERIFY(parsed.cookie);
    QVERIFY(parsed.coherent);
    QVERIFY(!parsed.freeThreaded);
    QCOMPARE(parsed.major(), 3);
    QCOMPARE(parsed.minor(), 13);
    QCOMPARE(int(parsed.layout.home), int(GilLayout::Home::OwnGil));
    QCOMPARE(parsed.layout.gilInRuntime, quint64(632));
    QCOMPARE(parsed.layout.gilPointerInInterpreter, quint64(7000));
    QCOMPARE(parsed.layout.locked, quint64(16));
    QCOMPARE(parsed.layout.lastHolder, quint64(8));
    QCOMPARE(parsed.layout.nativeThreadId, quint64(160));
    QVERIFY(!parsed.layout.hasSwitchNumber);
}

void tst_GilDebugOffsets::freeThreadedIsSaid()
{
    const GilDebugOffsets::Parsed parsed = GilDebugOffsets::parse(published(0x030D00F0, 1));
    QVERIFY(parsed.cookie);
    QVERIFY(parsed.freeThreaded);
}

void tst_GilDebugOffsets::refusals_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("cookie");
    QByteArray shortBytes = published();
    shortBytes.truncate(100);
    QTest::newRow("too short") << shortBytes << false;
    QByteArray noCookie = published();
    noCookie[0] = 'y';
    QTest::newRow("no cookie") << noCookie << false;
    QTest::newRow("zeros") << QByteArray(GilDebugOffsets::Size, '\0') << false;
    // A later layout with one more interpreter field before the GIL's: every field after it one word later.
    QByteArray shifted = published();
    std::memmove(shifted.data() + 11 * 8, shifted.data() + 10 * 8, (GilDebugOffsets::Size - 11 * 8));
    setWord(shifted, 10, 4444);
    QTest::newRow("a field inserted") << shifted << true;
    QByteArray outside = published();
    setWord(outside, 17, 1u << 30); // locked far outside the interpreter
    QTest::newRow("locked outside") << outside << true;
    QByteArray holderBefore = published();
    setWord(holderBefore, 18, 10); // the holder before the GIL struct
    QTest::newRow("holder before the GIL") << holderBefore << true;
    QByteArray hugeSizes = published();
    setWord(hugeSizes, 6, ~quint64(0));
    QTest::newRow("interpreter of 2^64 bytes") << hugeSizes << true;
    QByteArray tidOutside = published();
    setWord(tidOutside, 25, 400); // past the thread state's size
    QTest::newRow("native_thread_id outside") << tidOutside << true;
}

void tst_GilDebugOffsets::refusals()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, cookie);
    const GilDebugOffsets::Parsed parsed = GilDebugOffsets::parse(bytes);
    QCOMPARE(parsed.cookie, cookie);
    QVERIFY(!parsed.coherent);
}

void tst_GilDebugOffsets::tableRows()
{
    const std::optional<GilLayout> v311 = GilOffsetTable::forVersion(3, 11);
    QVERIFY(v311);
    QCOMPARE(int(v311->home), int(GilLayout::Home::Runtime));
    QVERIFY(v311->waitsEnd > v311->waitsBegin);
    QVERIFY(v311->locked + 4 <= v311->waitsBegin && v311->lastHolder + 8 <= v311->waitsBegin);
    QVERIFY(GilOffsetTable::forVersion(3, 12));
    const std::optional<GilLayout> v313 = GilOffsetTable::forVersion(3, 13);
    QVERIFY(v313);
    const GilLayout published313 = GilDebugOffsets::parse(published()).layout;
    QCOMPARE(v313->locked, published313.locked);
    QCOMPARE(v313->lastHolder, published313.lastHolder);
    QCOMPARE(v313->nativeThreadId, published313.nativeThreadId);
    QVERIFY(!GilOffsetTable::forVersion(3, 10));
    QVERIFY(!GilOffsetTable::forVersion(3, 99));
    QVERIFY(!GilOffsetTable::forVersion(0, 0));
}

QTEST_APPLESS_MAIN(tst_GilDebugOffsets)
#include "tst_gildebugoffsets.moc"
