// Attach where reading the program's memory is refused: ProcLab as root without CAP_SYS_PTRACE watches a python3
// of another user (uid 65534). The GIL cannot be read (process_vm_readv and maps need ptrace access): the session
// says so once — "GIL not shown: reading another program's memory is not allowed here" — and everything else
// (the process, its threads, their samples) is still shown. Needs root (to start a process of another user);
// skipped otherwise.
#include "base/EventKind.h"
#include "experiments/ProgramRun.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <linux/capability.h>
#include <sys/syscall.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

class tst_GilAttach : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void refusedReadSaidOnceRestShown();

private:
    QTemporaryDir m_dir;
};

namespace {
// Drops CAP_SYS_PTRACE from this process's effective and permitted sets (for good): as the lab's root would be
// in a container that lacks it.
bool dropPtraceCapability()
{
    __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
    __user_cap_data_struct data[2]{};
    if (::syscall(SYS_capget, &header, data) != 0)
        return false;
    const int index = CAP_SYS_PTRACE / 32;
    const quint32 bit = 1u << (CAP_SYS_PTRACE % 32);
    data[index].effective &= ~bit;
    data[index].permitted &= ~bit;
    data[index].inheritable &= ~bit;
    return ::syscall(SYS_capset, &header, data) == 0;
}
} // namespace

void tst_GilAttach::initTestCase()
{
    if (::geteuid() != 0)
        QSKIP("needs root: the target runs as another user (setpriv --reuid=65534)");
    if (!QFileInfo(u"/usr/bin/python3"_s).isExecutable() || QStandardPaths::findExecutable(u"setpriv"_s).isEmpty())
        QSKIP("needs /usr/bin/python3 and setpriv");
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void tst_GilAttach::refusedReadSaidOnceRestShown()
{
    // The other user must be able to read the script: the checkout may sit in a folder only root can enter
    // (/root), so it runs from a copy in a folder of its own that everyone may read.
    QVERIFY(QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
                                                    | QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther
                                                    | QFile::ExeOther));
    const QString script = m_dir.filePath(u"gil_cpu_threads.py"_s);
    QFile::remove(script);
    QVERIFY(QFile::copy(QStringLiteral(PROCLAB_FIXTURES_DIR "/python/gil_cpu_threads.py"), script));
    QVERIFY(QFile::setPermissions(script, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
    QProcess target;
    target.setWorkingDirectory(m_dir.path());
    target.start(u"setpriv"_s, {u"--reuid=65534"_s, u"--regid=65534"_s, u"--clear-groups"_s, u"/usr/bin/python3"_s,
                                script, u"30"_s, u"2"_s});
    QVERIFY(target.waitForStarted());
    const qint64 pid = target.processId();
    // setpriv execs python3 in place: wait until the PID is the python (its threads have started).
    QTRY_VERIFY2_WITH_TIMEOUT(
        QDir(u"/proc/%1/task"_s.arg(pid)).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size() >= 3,
        qPrintable(u"the target did not start its threads: "_s + QString::fromLocal8Bit(target.readAllStandardError())),
        5000);
    QVERIFY(dropPtraceCapability());

    ProgramRun::Options options;
    options.record = false;
    ProgramRun run(pid_t(pid), options);
    QVERIFY2(run.start(), qPrintable(run.errorString()));
    QTest::qWait(1500);
    run.stopAndWait();
    int findings = 0;
    QString message;
    QSet<qint64> sampledThreads;
    bool anyGil = false;
    for (const SessionEvent &event : run.events()) {
        if (event.kind == EventKind::PythonInterpreter) {
            ++findings;
            QCOMPARE(event.fields.value(u"gil"_s).toString(), u"not_allowed"_s);
            message = event.fields.value(u"message"_s).toString();
        }
        if (event.kind == EventKind::TaskSample && event.fields.value(u"pid"_s).toInteger() == pid) {
            sampledThreads.insert(event.fields.value(u"tid"_s).toInteger());
            anyGil = anyGil || event.fields.contains(u"gil"_s);
        }
        QVERIFY(event.kind != EventKind::PythonGil);
    }
    qInfo("%s", qPrintable(message));
    QCOMPARE(findings, 1); // once
    QVERIFY(message.startsWith(u"GIL not shown: reading another program's memory is not allowed here"_s));
    QVERIFY(!anyGil);
    QVERIFY2(sampledThreads.size() >= 3, "the threads of the attached python3 were not shown"); // the rest works
    target.kill();
    target.waitForFinished();
}

QTEST_GUILESS_MAIN(tst_GilAttach)
#include "tst_gilattach.moc"
