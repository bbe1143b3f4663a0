// ProcParser: pure parsers over /proc text, fed the fixtures in tests/fixtures/proc — hostile thread names
// (a ')' inside, spaces, a newline), truncated and empty reads.
#include "probe/ProcParser.h"

#include <QFile>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {
QByteArray fixture(const char *name)
{
    QFile file(QStringLiteral(PROCLAB_FIXTURES_DIR "/proc/") + QLatin1StringView(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return file.readAll();
}
} // namespace

class tst_ProcParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void stat_data();
    void stat();
    void statRejects_data();
    void statRejects();
    void schedstat_data();
    void schedstat();
    void cpuTimes();
    void cpuTimesOldKernel();
    void cpuTimesTruncated();
    void cpuTimesRejects_data();
    void cpuTimesRejects();
    void procsRunning_data();
    void procsRunning();
    void status();
    void statusEscapedName();
    void statusRejects_data();
    void statusRejects();
    void wchan_data();
    void wchan();
    void syscall_data();
    void syscall();
    void cmdline_data();
    void cmdline();
    void pidList_data();
    void pidList();
};

void tst_ProcParser::stat_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QByteArray>("comm");
    QTest::addColumn<int>("processor");
    QTest::newRow("plain") << QByteArray("stat_plain.txt") << QByteArray("timeout") << 1;
    QTest::newRow("paren inside") << QByteArray("stat_paren.txt") << QByteArray("a ) (b") << 1;
    QTest::newRow("spaces") << QByteArray("stat_spaces.txt") << QByteArray("two words") << 1;
    QTest::newRow("newline") << QByteArray("stat_newline.txt") << QByteArray("new\nline") << 1;
    QTest::newRow("only a paren") << QByteArray("stat_closing_paren.txt") << QByteArray(")") << 1;
    QTest::newRow("old kernel, no processor") << QByteArray("stat_old_kernel.txt") << QByteArray("timeout") << -1;
}

void tst_ProcParser::stat()
{
    QFETCH(QByteArray, file);
    QFETCH(QByteArray, comm);
    QFETCH(int, processor);
    const std::optional<TaskStat> stat = ProcParser::parseStat(fixture(file.constData()));
    QVERIFY(stat);
    QCOMPARE(stat->pid, 8270);
    QCOMPARE(stat->comm, comm);
    QCOMPARE(stat->state, 'S');
    QCOMPARE(stat->ppid, 8267);
    QCOMPARE(stat->pgrp, 8270);
    QCOMPARE(stat->session, 5468);
    QCOMPARE(stat->utimeTicks, 17u);
    QCOMPARE(stat->stimeTicks, 4u);
    QCOMPARE(stat->nice, -5);
    QCOMPARE(stat->numThreads, 3);
    QCOMPARE(stat->startTicks, 42104u);
    QCOMPARE(stat->rssPages, 426);
    QCOMPARE(stat->processor, processor);
}

void tst_ProcParser::statRejects_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("empty") << fixture("empty.txt");
    QTest::newRow("truncated after utime") << fixture("stat_truncated.txt");
    QTest::newRow("cut inside comm") << QByteArray("8270 (time");
    QTest::newRow("no pid") << QByteArray("(x) S 1 2 3");
    QTest::newRow("letter missing") << QByteArray("1 (x)");
    QTest::newRow("number garbage") << fixture("stat_plain.txt").replace("8267", "82x7");
    QTest::newRow("two-letter state") << fixture("stat_plain.txt").replace(") S ", ") SS ");
}

void tst_ProcParser::statRejects()
{
    QFETCH(QByteArray, text);
    QVERIFY(!ProcParser::parseStat(text));
}

void tst_ProcParser::schedstat_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<quint64>("cpu");
    QTest::addColumn<quint64>("wait");
    QTest::addColumn<quint64>("slices");
    QTest::newRow("fixture") << fixture("schedstat.txt") << true << quint64(1126239) << quint64(50515) << quint64(3);
    QTest::newRow("no newline") << QByteArray("1 2 3") << true << quint64(1) << quint64(2) << quint64(3);
    QTest::newRow("huge") << QByteArray("18446744073709551615 0 0\n") << true << quint64(18446744073709551615ULL)
                          << quint64(0) << quint64(0);
    QTest::newRow("truncated") << fixture("schedstat_truncated.txt") << false << quint64(0) << quint64(0) << quint64(0);
    QTest::newRow("empty") << QByteArray() << false << quint64(0) << quint64(0) << quint64(0);
    QTest::newRow("negative") << QByteArray("-1 2 3\n") << false << quint64(0) << quint64(0) << quint64(0);
}

void tst_ProcParser::schedstat()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    const std::optional<SchedStat> stat = ProcParser::parseSchedStat(text);
    QCOMPARE(bool(stat), valid);
    if (!valid)
        return;
    QTEST(stat->cpuNs, "cpu");
    QTEST(stat->waitNs, "wait");
    QTEST(stat->timeslices, "slices");
}

void tst_ProcParser::cpuTimes()
{
    const QList<CpuTimes> times = ProcParser::parseCpuTimes(fixture("proc_stat.txt"));
    QCOMPARE(times.size(), 3);
    QCOMPARE(times[0].core, -1);
    QCOMPARE(times[0].user, 5967u);
    QCOMPARE(times[0].guestNice, 2u);
    QCOMPARE(times[1].core, 0);
    QCOMPARE(times[1].steal, 4u);
    QCOMPARE(times[1].guest, 20u);
    QCOMPARE(times[2].core, 1);
    QCOMPARE(times[2].iowait, 417u);
    QCOMPARE(times[2].softirq, 37u);
}

void tst_ProcParser::cpuTimesOldKernel()
{
    const QList<CpuTimes> times = ProcParser::parseCpuTimes(fixture("proc_stat_old_kernel.txt"));
    QCOMPARE(times.size(), 2);
    QCOMPARE(times[1].idle, 38364u);
    QCOMPARE(times[1].iowait, 0u);
    QCOMPARE(times[1].steal, 0u);
}

void tst_ProcParser::cpuTimesTruncated()
{
    // The last line was cut inside its numbers: keep the whole lines before it only.
    const QList<CpuTimes> times = ProcParser::parseCpuTimes(fixture("proc_stat_truncated.txt"));
    QCOMPARE(times.size(), 1);
    QCOMPARE(times[0].core, -1);
}

void tst_ProcParser::cpuTimesRejects_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("no aggregate first") << QByteArray("cpu0 1 2 3 4\n");
    QTest::newRow("not a stat file") << QByteArray("intr 1 2 3\n");
    QTest::newRow("garbage number") << QByteArray("cpu  1 2 x 4\n");
}

void tst_ProcParser::cpuTimesRejects()
{
    QFETCH(QByteArray, text);
    QVERIFY(ProcParser::parseCpuTimes(text).isEmpty());
}

void tst_ProcParser::procsRunning_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("expected"); // -1: rejected
    QTest::newRow("fixture") << fixture("proc_stat.txt") << 3;
    QTest::newRow("alone") << QByteArray("procs_running 1\n") << 1;
    QTest::newRow("missing") << fixture("proc_stat_old_kernel.txt") << -1;
    QTest::newRow("cut after the number") << QByteArray("cpu  1 2 3 4\nprocs_running 12") << -1;
    QTest::newRow("cut after the key") << QByteArray("cpu  1 2 3 4\nprocs_running ") << -1;
    QTest::newRow("not a number") << QByteArray("procs_running x\n") << -1;
    QTest::newRow("inside another line") << QByteArray("intr 0 procs_running 4\nprocs_running 2\n") << 2;
    QTest::newRow("empty") << QByteArray() << -1;
}

void tst_ProcParser::procsRunning()
{
    QFETCH(QByteArray, text);
    QFETCH(int, expected);
    QCOMPARE(ProcParser::parseProcsRunning(text).value_or(-1), expected);
}

void tst_ProcParser::status()
{
    const std::optional<ProcStatus> status = ProcParser::parseStatus(fixture("status.txt"));
    QVERIFY(status);
    QCOMPARE(status->name, QByteArray("a ) (b"));
    QCOMPARE(status->state, 'S');
    QCOMPARE(status->tgid, 8270);
    QCOMPARE(status->pid, 8271);
    QCOMPARE(status->ppid, 8267);
    QCOMPARE(status->threads, 3);
    QCOMPARE(status->vmRssKb, 1704);
    QCOMPARE(status->voluntarySwitches, 152u);
    QCOMPARE(status->involuntarySwitches, 7u);
}

void tst_ProcParser::statusEscapedName()
{
    // status escapes a newline in the name as backslash-n; the parser keeps the kernel's text as it is.
    const std::optional<ProcStatus> status = ProcParser::parseStatus(fixture("status_escaped_newline.txt"));
    QVERIFY(status);
    QCOMPARE(status->name, QByteArray("new\\nline"));
    QCOMPARE(status->state, 'R');
    QCOMPARE(status->voluntarySwitches, 0u);
}

void tst_ProcParser::statusRejects_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("truncated before Pid") << fixture("status_truncated.txt");
    QTest::newRow("not a status file") << fixture("stat_plain.txt");
}

void tst_ProcParser::statusRejects()
{
    QFETCH(QByteArray, text);
    QVERIFY(!ProcParser::parseStatus(text));
}

void tst_ProcParser::wchan_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("symbol");
    QTest::newRow("symbol") << QByteArray("futex_do_wait") << QByteArray("futex_do_wait");
    QTest::newRow("with newline") << QByteArray("do_wait\n") << QByteArray("do_wait");
    QTest::newRow("running") << QByteArray("0") << QByteArray();
    QTest::newRow("empty") << QByteArray() << QByteArray();
}

void tst_ProcParser::wchan()
{
    QFETCH(QByteArray, text);
    QTEST(ProcParser::parseWchan(text), "symbol");
}

void tst_ProcParser::syscall_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("number");
    QTest::addColumn<quint64>("arg0");
    const int running = int(SyscallState::Kind::Running);
    const int outside = int(SyscallState::Kind::OutsideSyscall);
    const int inside = int(SyscallState::Kind::InSyscall);
    QTest::newRow("futex") << fixture("syscall_futex.txt") << true << inside << 202 << quint64(0x7f1c2a1fe910);
    QTest::newRow("running") << fixture("syscall_running.txt") << true << running << -1 << quint64(0);
    QTest::newRow("outside") << fixture("syscall_outside.txt") << true << outside << -1 << quint64(0);
    QTest::newRow("truncated") << fixture("syscall_truncated.txt") << false << 0 << 0 << quint64(0);
    QTest::newRow("empty") << QByteArray() << false << 0 << 0 << quint64(0);
    QTest::newRow("not hex") << QByteArray("0 12 0x0 0x0 0x0 0x0 0x0 0x0 0x0\n") << false << 0 << 0 << quint64(0);
}

void tst_ProcParser::syscall()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    const std::optional<SyscallState> state = ProcParser::parseSyscall(text);
    QCOMPARE(bool(state), valid);
    if (!valid)
        return;
    QTEST(int(state->kind), "kind");
    QTEST(int(state->number), "number");
    QTEST(state->args[0], "arg0");
}

void tst_ProcParser::cmdline_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QList<QByteArray>>("arguments");
    QTest::newRow("kernel thread") << QByteArray() << QList<QByteArray>{};
    QTest::newRow("two") << QByteArray("sleep\0" "10\0", 9) << QList<QByteArray>{"sleep", "10"};
    QTest::newRow("no trailing nul") << QByteArray("a b\0c", 5) << QList<QByteArray>{"a b", "c"};
    QTest::newRow("empty argument") << QByteArray("x\0\0y\0", 5) << QList<QByteArray>{"x", "", "y"};
}

void tst_ProcParser::cmdline()
{
    QFETCH(QByteArray, text);
    QTEST(ProcParser::parseCmdline(text), "arguments");
}

void tst_ProcParser::pidList_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QList<int>>("pids");
    QTest::newRow("empty") << QByteArray() << QList<int>{};
    QTest::newRow("kernel's format") << QByteArray("812 813 ") << QList<int>{812, 813};
    QTest::newRow("lines") << QByteArray("1\n2\n") << QList<int>{1, 2};
    QTest::newRow("garbage skipped") << QByteArray("5 x -3 7") << QList<int>{5, 7};
}

void tst_ProcParser::pidList()
{
    QFETCH(QByteArray, text);
    QTEST(ProcParser::parsePidList(text), "pids");
}

QTEST_APPLESS_MAIN(tst_ProcParser)
#include "tst_procparser.moc"
