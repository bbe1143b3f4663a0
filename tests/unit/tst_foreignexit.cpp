// ForeignExit: the exit status of a zombie that is not our child, from stat's field 52 (exit_code), as the one stat
// parser (ProcParser) reads it.
#include "control/ForeignExit.h"
#include "probe/ProcParser.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {
// A stat line with the given comm, state, start time (field 22) and exit_code (field 52).
QByteArray statLine(const QByteArray &comm, char state, int startTime, int exitCode, int fields = 52)
{
    QByteArray line = "4242 (" + comm + ") " + QByteArray(1, state);
    for (int field = 4; field <= fields; ++field) {
        int value = 0;
        if (field == 22)
            value = startTime;
        else if (field == 52)
            value = exitCode;
        line += ' ' + QByteArray::number(value);
    }
    return line + '\n';
}
} // namespace

class tst_ForeignExit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromStat_data();
    void fromStat();
};

void tst_ForeignExit::fromStat_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<quint64>("startTime");
    QTest::addColumn<bool>("known");
    QTest::addColumn<bool>("signalled");
    QTest::addColumn<int>("value");
    QTest::newRow("exit 3") << statLine("python3", 'Z', 77, 3 << 8) << quint64(77) << true << false << 3;
    QTest::newRow("exit 0") << statLine("python3", 'Z', 77, 0) << quint64(0) << true << false << 0;
    QTest::newRow("SIGTERM") << statLine("python3", 'Z', 77, 15) << quint64(77) << true << true << 15;
    QTest::newRow("SIGKILL with core flag off") << statLine("x", 'Z', 1, 9) << quint64(1) << true << true << 9;
    QTest::newRow("SIGSEGV with core") << statLine("x", 'Z', 1, 0x80 | 11) << quint64(1) << true << true << 11;
    QTest::newRow("hostile comm") << statLine("a ) Z (b", 'Z', 5, 2 << 8) << quint64(5) << true << false << 2;
    QTest::newRow("not a zombie") << statLine("python3", 'S', 77, 0) << quint64(77) << false << false << 0;
    QTest::newRow("recycled PID") << statLine("python3", 'Z', 78, 0) << quint64(77) << false << false << 0;
    QTest::newRow("kernel before 3.5: 44 fields") << statLine("x", 'Z', 1, 0, 44) << quint64(0) << false << false << 0;
    QTest::newRow("cut short") << "4242 (x) Z 1 1 1 0 -1\n"_ba << quint64(0) << false << false << 0;
    QTest::newRow("empty") << QByteArray() << quint64(0) << false << false << 0;
}

void tst_ForeignExit::fromStat()
{
    QFETCH(QByteArray, text);
    QFETCH(quint64, startTime);
    QFETCH(bool, known);
    QFETCH(bool, signalled);
    QFETCH(int, value);
    const std::optional<TaskStat> stat = ProcParser::parseStat(text);
    const std::optional<ProcessExit> exit = stat ? ForeignExit::fromStat(*stat, startTime) : std::nullopt;
    QCOMPARE(exit.has_value(), known);
    if (!exit)
        return;
    QCOMPARE(exit->signalled, signalled);
    QCOMPARE(signalled ? exit->signal : exit->code, value);
}

QTEST_APPLESS_MAIN(tst_ForeignExit)
#include "tst_foreignexit.moc"
