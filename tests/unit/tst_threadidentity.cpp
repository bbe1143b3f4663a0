// ThreadIdentity: the cached TID and PID are those of the calling thread and process — also in a forked child, whose
// forking thread had cached its parent's values.
#include "ipc/ThreadIdentity.h"

#include <QTest>

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <thread>

class tst_ThreadIdentity : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void matchesKernel();
    void eachThreadItsOwn();
    void forkedChildSeesItsOwn();
};

void tst_ThreadIdentity::matchesKernel()
{
    QCOMPARE(ThreadIdentity::currentTid(), gettid());
    QCOMPARE(ThreadIdentity::currentTid(), gettid()); // cached the second time, still right
    QCOMPARE(ThreadIdentity::currentPid(), getpid());
}

void tst_ThreadIdentity::eachThreadItsOwn()
{
    std::atomic<pid_t> cached{0};
    std::atomic<pid_t> real{0};
    std::atomic<pid_t> pid{0};
    std::thread other([&] {
        cached = ThreadIdentity::currentTid();
        real = gettid();
        pid = ThreadIdentity::currentPid();
    });
    other.join();
    QCOMPARE(cached.load(), real.load());
    QVERIFY(cached.load() != gettid());
    QCOMPARE(pid.load(), getpid());
}

void tst_ThreadIdentity::forkedChildSeesItsOwn()
{
    // Both cached in the parent first.
    QCOMPARE(ThreadIdentity::currentTid(), gettid());
    QCOMPARE(ThreadIdentity::currentPid(), getpid());
    const pid_t child = fork();
    if (child == 0) {
        const bool right = ThreadIdentity::currentTid() == gettid() && ThreadIdentity::currentPid() == getpid()
                           && ThreadIdentity::currentPid() != getppid();
        _exit(right ? 0 : 1);
    }
    QVERIFY(child > 0);
    int status = 0;
    QCOMPARE(waitpid(child, &status, 0), child); // this child only, by its PID
    QVERIFY(WIFEXITED(status));
    QCOMPARE(WEXITSTATUS(status), 0);
}

QTEST_APPLESS_MAIN(tst_ThreadIdentity)
#include "tst_threadidentity.moc"
