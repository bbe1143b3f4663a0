// FileLimit: the soft RLIMIT_NOFILE goes up to the hard limit, and children get the original back.
#include "probe/FileLimit.h"

#include <QFile>
#include <QTest>

#include <csignal>

#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

using namespace Qt::Literals::StringLiterals;

class tst_FileLimit : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void raises();
    void forkedChildGetsOriginal();
    void spawnedChildGetsOriginal();
    void cleanupTestCase();

private:
    rlim_t m_hard = 0;
    pid_t m_spawned = -1;
};

void tst_FileLimit::initTestCase()
{
    rlimit limit{};
    QCOMPARE(getrlimit(RLIMIT_NOFILE, &limit), 0);
    if (limit.rlim_max <= 256)
        QSKIP("the hard limit is too low to lower the soft one below it");
    m_hard = limit.rlim_max;
    // Start below the hard limit, as a desktop session does (1024 soft).
    limit.rlim_cur = 256;
    QCOMPARE(setrlimit(RLIMIT_NOFILE, &limit), 0);
}

void tst_FileLimit::raises()
{
    QCOMPARE(FileLimit::raiseToHard(), (unsigned long long)m_hard);
    QCOMPARE(FileLimit::originalSoft(), 256ULL);
    // Once per process: a second call neither fails nor forgets the original.
    QCOMPARE(FileLimit::raiseToHard(), (unsigned long long)m_hard);
    QCOMPARE(FileLimit::originalSoft(), 256ULL);
}

void tst_FileLimit::forkedChildGetsOriginal()
{
    const pid_t child = fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        FileLimit::restoreInChild();
        rlimit limit{};
        getrlimit(RLIMIT_NOFILE, &limit);
        _exit(limit.rlim_cur == 256 && limit.rlim_max == m_hard ? 0 : 1);
    }
    int status = 0;
    QCOMPARE(waitpid(child, &status, 0), child);
    QVERIFY(WIFEXITED(status));
    QCOMPARE(WEXITSTATUS(status), 0);
}

void tst_FileLimit::spawnedChildGetsOriginal()
{
    char sh[] = "/bin/sh";
    char c[] = "-c";
    char script[] = "read x";
    char *argv[] = {sh, c, script, nullptr};
    int toChild[2];
    QCOMPARE(pipe(toChild), 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, toChild[0], 0);
    posix_spawn_file_actions_addclose(&actions, toChild[1]);
    QCOMPARE(posix_spawn(&m_spawned, sh, &actions, nullptr, argv, environ), 0);
    posix_spawn_file_actions_destroy(&actions);
    ::close(toChild[0]);
    QVERIFY(FileLimit::restoreOn(m_spawned));
    QFile limits(u"/proc/%1/limits"_s.arg(m_spawned));
    QVERIFY(limits.open(QIODevice::ReadOnly));
    const QByteArray text = limits.readAll();
    const qsizetype at = text.indexOf("Max open files");
    QVERIFY(at >= 0);
    const QList<QByteArray> fields = text.mid(at + 14, 60).simplified().split(' ');
    QCOMPARE(fields.value(0), QByteArray("256"));
    ::close(toChild[1]); // the shell's read ends: it exits
    int status = 0;
    QCOMPARE(waitpid(m_spawned, &status, 0), m_spawned);
    m_spawned = -1;
}

void tst_FileLimit::cleanupTestCase()
{
    if (m_spawned > 0) {
        kill(m_spawned, SIGKILL);
        waitpid(m_spawned, nullptr, 0);
    }
    QVERIFY(waitpid(-1, nullptr, WNOHANG) == -1); // no child left, reaped or not
}

QTEST_APPLESS_MAIN(tst_FileLimit)
#include "tst_filelimit.moc"
