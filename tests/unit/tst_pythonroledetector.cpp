// PythonRoleDetector: the pure classification, the /proc/net/unix parser, and detect() over a fake /proc tree
// laid out like what Python 3.11 shows (fd links to pipe:[N] and socket:[N], task/ entries, net/unix).
#include "probe/LinuxProcSource.h"
#include "probe/PythonRoleDetector.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {

struct FakeProcess
{
    int pid = 0;
    int ppid = 0;
    QByteArray comm;
    QList<QByteArray> cmdline;
    QList<QByteArray> fds; // link targets
    int threads = 1;
};

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

bool addProcess(const QString &root, const FakeProcess &p)
{
    const QString base = root + u'/' + QString::number(p.pid);
    if (!QDir().mkpath(base + u"/fd"_s))
        return false;
    // A hostile comm: spaces and ')' — the ppid is read after the LAST ')'.
    const QByteArray stat = QByteArray::number(p.pid) + " (" + p.comm + ") S " + QByteArray::number(p.ppid)
        + " 1 1 0 -1 4194304 0 0 0 0 0 0 0 0 20 0 " + QByteArray::number(p.threads) + " 0 100 0 0\n";
    QByteArray cmdline;
    for (const QByteArray &argument : p.cmdline)
        cmdline += argument + '\0';
    if (!writeFile(base + u"/stat"_s, stat) || !writeFile(base + u"/cmdline"_s, cmdline))
        return false;
    for (int t = 0; t < p.threads; ++t) {
        if (!QDir().mkpath(base + u"/task/"_s + QString::number(p.pid + t)))
            return false;
    }
    for (qsizetype i = 0; i < p.fds.size(); ++i) {
        const QByteArray link = QFile::encodeName(base + u"/fd/"_s + QString::number(i + 3));
        if (::symlink(p.fds.at(i).constData(), link.constData()) != 0)
            return false;
    }
    return true;
}

const QByteArray NetUnixHeader = "Num       RefCount Protocol Flags    Type St Inode Path\n";

} // namespace

class tst_PythonRoleDetector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void linkInode_data();
    void linkInode();
    void isPython_data();
    void isPython();
    void parsePympListeners();
    void classify_data();
    void classify();
    void detectOnFakeProc();
    void vanishedPidHasNoEntry();
};

void tst_PythonRoleDetector::linkInode_data()
{
    QTest::addColumn<QByteArray>("link");
    QTest::addColumn<QByteArray>("kind");
    QTest::addColumn<quint64>("inode");
    QTest::newRow("pipe") << "pipe:[4026]"_ba << "pipe"_ba << quint64(4026);
    QTest::newRow("socket") << "socket:[77]"_ba << "socket"_ba << quint64(77);
    QTest::newRow("other kind") << "socket:[77]"_ba << "pipe"_ba << quint64(0);
    QTest::newRow("file") << "/dev/pts/0"_ba << "pipe"_ba << quint64(0);
    QTest::newRow("no number") << "pipe:[]"_ba << "pipe"_ba << quint64(0);
    QTest::newRow("unterminated") << "pipe:[12"_ba << "pipe"_ba << quint64(0);
}

void tst_PythonRoleDetector::linkInode()
{
    QFETCH(QByteArray, link);
    QFETCH(QByteArray, kind);
    QFETCH(quint64, inode);
    QCOMPARE(PythonRoleDetector::linkInode(link, kind), inode);
}

void tst_PythonRoleDetector::isPython_data()
{
    QTest::addColumn<QStringList>("cmdline");
    QTest::addColumn<bool>("python");
    QTest::newRow("python3") << QStringList{u"python3"_s, u"x.py"_s} << true;
    QTest::newRow("path") << QStringList{u"/usr/bin/python3.11"_s} << true;
    QTest::newRow("bash") << QStringList{u"/bin/bash"_s} << false;
    QTest::newRow("python in a folder name only") << QStringList{u"/opt/python/bin/node"_s} << false;
    QTest::newRow("empty") << QStringList{} << false;
}

void tst_PythonRoleDetector::isPython()
{
    QFETCH(QStringList, cmdline);
    QFETCH(bool, python);
    QCOMPARE(PythonRoleDetector::isPython(cmdline), python);
}

void tst_PythonRoleDetector::parsePympListeners()
{
    const QByteArray text = NetUnixHeader
        // the Manager's listener (Flags 00010000: accepting connections)
        + "0000000000000000: 00000002 00000000 00010000 0001 01 5001 /tmp/pymp-ab12/listener-xy\n"
        // an accepted connection shows the same path without the flag
        + "0000000000000000: 00000003 00000000 00000000 0001 03 5002 /tmp/pymp-ab12/listener-xy\n"
        // a listener that is not multiprocessing's
        + "0000000000000000: 00000002 00000000 00010000 0001 01 5003 /run/dbus/system_bus_socket\n"
        // an unnamed socket, and a garbled line
        + "0000000000000000: 00000002 00000000 00000000 0001 03 5004\n"
        + "garbage\n";
    QCOMPARE(PythonRoleDetector::parsePympListeners(text), QSet<quint64>{5001});
    QCOMPARE(PythonRoleDetector::parsePympListeners(""), QSet<quint64>{});
}

void tst_PythonRoleDetector::classify_data()
{
    QTest::addColumn<int>("pid");
    QTest::addColumn<QString>("role");
    // The tree the rows classify: 100 runs a Pool (4 threads, pipes 1 2 3) with workers 101, 102; 103 is a Manager
    // server; 104 and 105 are helpers started by exec; 110 is a plain process of a single-threaded parent 109 that
    // shares its pipes; 120 forked by a forkserver 119; 130 is not Python.
    QTest::newRow("pool worker") << 101 << u"pool worker"_s;
    QTest::newRow("second pool worker") << 102 << u"pool worker"_s;
    QTest::newRow("manager") << 103 << u"manager"_s;
    QTest::newRow("resource tracker") << 104 << u"resource tracker"_s;
    QTest::newRow("spawned child") << 105 << u"spawned child"_s;
    QTest::newRow("queue user, not a pool") << 110 << QString();
    QTest::newRow("forkserver") << 119 << u"forkserver"_s;
    QTest::newRow("child of the forkserver") << 120 << u"spawned child"_s;
    QTest::newRow("not python") << 130 << QString();
    QTest::newRow("the program") << 100 << QString();
}

void tst_PythonRoleDetector::classify()
{
    QFETCH(int, pid);
    QFETCH(QString, role);
    const QStringList program{u"python3"_s, u"prog.py"_s};
    const QStringList spawned{u"/usr/bin/python3"_s, u"-c"_s,
                              u"from multiprocessing.spawn import spawn_main; spawn_main(tracker_fd=5, pipe_handle=7)"_s,
                              u"--multiprocessing-fork"_s};
    const QStringList tracker{u"/usr/bin/python3"_s, u"-c"_s, u"from multiprocessing.resource_tracker import main;main(4)"_s};
    const QStringList forkserver{u"/usr/bin/python3"_s, u"-c"_s, u"from multiprocessing.forkserver import main; main(8, 9, ['__main__'])"_s};
    QHash<int, PythonProcessFacts> known;
    auto add = [&known](int pid, int ppid, QStringList cmdline, QSet<quint64> pipes, QSet<quint64> sockets, int threads) {
        known.insert(pid, PythonProcessFacts{pid, ppid, cmdline, pipes, sockets, threads});
    };
    add(100, 1, program, {1, 2, 3}, {}, 4);
    add(101, 100, program, {1, 2, 3}, {}, 1);
    add(102, 100, program, {1, 2, 3}, {}, 1);
    add(103, 100, program, {1, 2, 3}, {900, 901}, 2);
    add(104, 100, tracker, {4}, {}, 1);
    add(105, 100, spawned, {5}, {}, 1);
    add(109, 1, program, {7, 8}, {}, 1);
    add(110, 109, program, {7, 8}, {}, 1);
    add(111, 109, program, {7, 8}, {}, 1);
    add(119, 100, forkserver, {}, {}, 1);
    add(120, 119, forkserver, {}, {}, 1);
    add(130, 100, {u"/bin/sleep"_s, u"5"_s}, {1, 2, 3}, {}, 1);
    QCOMPARE(PythonRoleDetector::classify(known.value(pid), known, {900}), role);
}

void tst_PythonRoleDetector::detectOnFakeProc()
{
    QTemporaryDir root;
    QVERIFY(root.isValid());
    const QList<QByteArray> python{"/usr/bin/python3.11", "pool.py"};
    QVERIFY(addProcess(root.path(), {300, 1, "python3", python, {"pipe:[11]", "pipe:[11]", "pipe:[12]", "/dev/null"}, 4}));
    QVERIFY(addProcess(root.path(), {301, 300, "a ) (b", python, {"pipe:[11]", "pipe:[12]", "socket:[40]"}, 1}));
    QVERIFY(addProcess(root.path(), {302, 300, "python3", python, {"pipe:[11]", "pipe:[12]"}, 1}));
    QVERIFY(addProcess(root.path(), {303, 300, "python3", python, {"socket:[41]", "socket:[42]"}, 2}));
    QVERIFY(QDir().mkpath(root.path() + u"/net"_s));
    QVERIFY(writeFile(root.path() + u"/net/unix"_s,
                      NetUnixHeader + "0000000000000000: 00000002 00000000 00010000 0001 01 42 /tmp/pymp-q/listener-1\n"));
    const PythonRoleDetector detector(std::make_unique<LinuxProcSource>(root.path()));
    PythonProcessFacts facts;
    QVERIFY(detector.readFacts(301, &facts));
    QCOMPARE(facts.ppid, 300);
    QCOMPARE(facts.pipes, (QSet<quint64>{11, 12}));
    QCOMPARE(facts.sockets, QSet<quint64>{40});
    QCOMPARE(facts.cmdline, (QStringList{u"/usr/bin/python3.11"_s, u"pool.py"_s}));
    QVERIFY(detector.readFacts(300, &facts));
    QCOMPARE(facts.threads, 4);

    const QHash<int, QString> roles = detector.detect({301, 302, 303});
    QCOMPARE(roles.value(301), u"pool worker"_s);
    QCOMPARE(roles.value(302), u"pool worker"_s);
    QCOMPARE(roles.value(303), u"manager"_s);
    QCOMPARE(roles.size(), 3);
}

void tst_PythonRoleDetector::vanishedPidHasNoEntry()
{
    QTemporaryDir root;
    const PythonRoleDetector detector(std::make_unique<LinuxProcSource>(root.path()));
    QVERIFY(detector.detect({999}).isEmpty());
    PythonProcessFacts facts;
    QVERIFY(!detector.readFacts(999, &facts));
}

QTEST_APPLESS_MAIN(tst_PythonRoleDetector)
#include "tst_pythonroledetector.moc"
