// The stat fields adoption needs, from the one stat parser (ProcParser): comm with spaces, parentheses and
// newlines, and malformed text; and ChildScanner reading a real process through the probe layer.
#include "control/ChildScanner.h"
#include "probe/ProcParser.h"

#include "control/ForeignExit.h"

#include <QScopeGuard>
#include <QTest>

#include <sys/wait.h>

#include <unistd.h>

class tst_ChildScanner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parseStat_data();
    void parseStat();
    void readsOwnStat();
    void seesARealZombieChild();
};

namespace {
// The tail of a stat line after comm: state, ppid, pgrp, session, then fields 7…21, then starttime (22).
QByteArray tail(char state, int ppid, int pgrp, int session, quint64 start)
{
    QByteArray text = QByteArray(1, state) + ' ' + QByteArray::number(ppid) + ' ' + QByteArray::number(pgrp) + ' '
        + QByteArray::number(session);
    for (int field = 7; field <= 21; ++field)
        text += " 0";
    return text + ' ' + QByteArray::number(start) + " 12345 678 18446744073709551615\n";
}
} // namespace

void tst_ChildScanner::parseStat_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<char>("state");
    QTest::addColumn<int>("parent");
    QTest::addColumn<int>("group");
    QTest::addColumn<int>("session");
    QTest::addColumn<quint64>("start");
    QTest::newRow("plain") << "812 (proclab-worker) " + tail('S', 1, 812, 700, 98765) << true << 'S' << 1 << 812
                           << 700 << quint64(98765);
    QTest::newRow("hostile comm") << "9 (a ) (b) " + tail('Z', 42, 9, 9, 5) << true << 'Z' << 42 << 9 << 9
                                  << quint64(5);
    QTest::newRow("newline in comm") << "9 (x\ny) " + tail('T', 3, 4, 5, 6) << true << 'T' << 3 << 4 << 5
                                     << quint64(6);
    QTest::newRow("big start time") << "1 (init) " + tail('R', 0, 1, 1, 18446744073709551ULL) << true << 'R' << 0
                                    << 1 << 1 << quint64(18446744073709551ULL);
    QTest::newRow("empty") << QByteArray() << false << '?' << 0 << 0 << 0 << quint64(0);
    QTest::newRow("no comm") << QByteArray("12 S 1 2 3") << false << '?' << 0 << 0 << 0 << quint64(0);
    QTest::newRow("cut short") << QByteArray("12 (x) S 1 2 3 0 0") << false << '?' << 0 << 0 << 0 << quint64(0);
    QTest::newRow("bad ppid") << "12 (x) " + tail('S', 1, 2, 3, 4).replace(" 1 ", " a ") << false << '?' << 0 << 0
                              << 0 << quint64(0);
}

void tst_ChildScanner::parseStat()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    const std::optional<TaskStat> stat = ProcParser::parseStat(text);
    QCOMPARE(stat.has_value(), valid);
    if (!valid)
        return;
    QFETCH(char, state);
    QFETCH(int, parent);
    QFETCH(int, group);
    QFETCH(int, session);
    QFETCH(quint64, start);
    QCOMPARE(stat->state, state);
    QCOMPARE(stat->ppid, parent);
    QCOMPARE(stat->pgrp, group);
    QCOMPARE(stat->session, session);
    QCOMPARE(stat->startTicks, start);
}

void tst_ChildScanner::readsOwnStat()
{
    const std::optional<ChildStat> stat = ChildScanner::readStat(::getpid());
    QVERIFY(stat);
    QCOMPARE(stat->parent, ::getppid());
    QCOMPARE(stat->processGroup, ::getpgrp());
    QCOMPARE(stat->session, ::getsid(0));
    QVERIFY(stat->startTime > 0);
    QVERIFY(ChildScanner::children().isEmpty());
}

void tst_ChildScanner::seesARealZombieChild()
{
    // A real child that exits with 7 and is not reaped yet: children() lists it, readStat() says Z with this
    // process as its parent, and ForeignExit reads its status from the same stat line.
    const pid_t child = ::fork();
    QVERIFY(child >= 0);
    if (child == 0)
        ::_exit(7);
    siginfo_t info{};
    QCOMPARE(::waitid(P_PID, id_t(child), &info, WEXITED | WNOWAIT), 0); // a zombie now, still unreaped
    const auto reap = qScopeGuard([child] { ::waitpid(child, nullptr, 0); });
    QVERIFY(ChildScanner::children().contains(child));
    const std::optional<ChildStat> stat = ChildScanner::readStat(child);
    QVERIFY(stat);
    QCOMPARE(stat->state, 'Z');
    QCOMPARE(stat->parent, ::getpid());
    const std::optional<ProcessExit> exit = ForeignExit::read(child, stat->startTime);
    QVERIFY(exit);
    QVERIFY(!exit->signalled);
    QCOMPARE(exit->code, 7);
    QVERIFY(!ForeignExit::read(child, stat->startTime + 1)); // another process's start time: not this one
}

QTEST_APPLESS_MAIN(tst_ChildScanner)
#include "tst_childscanner.moc"
