#include "analysis/FutexMapping.h"

#include <QFile>
#include <QScopeGuard>
#include <QTest>
#include <atomic>
#include <barrier>
#include <cerrno>
#include <ctime>
#include <pthread.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <thread>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

class tst_FutexMapping : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseMapsLine_data();
    void parseMapsLine();
    void observeNamesTheLock_data();
    void observeNamesTheLock();
    void realDeadlockInAMemfd();
};

void tst_FutexMapping::parseMapsLine_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<quint64>("start");
    QTest::addColumn<quint64>("offset");
    QTest::addColumn<quint64>("inode");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("deleted");

    QTest::newRow("memfd") << QByteArray("7f2030800000-7f2030a00000 rw-s 00001000 00:01 4711       "
                                         "/memfd:proclab-telemetry (deleted)")
                           << true << quint64(0x7f2030800000) << quint64(0x1000) << quint64(4711)
                           << u"/memfd:proclab-telemetry"_s << true;
    QTest::newRow("anonymous") << QByteArray("7ffc36737000-7ffc36758000 rw-p 00000000 00:00 0") << true
                               << quint64(0x7ffc36737000) << quint64(0) << quint64(0) << QString() << false;
    QTest::newRow("spaces in the name") << QByteArray(
                                               "00400000-00452000 r-xp 00000000 08:02 173521      /tmp/a ) (b/my prog")
                                        << true << quint64(0x400000) << quint64(0) << quint64(173521)
                                        << u"/tmp/a ) (b/my prog"_s << false;
    QTest::newRow("stack") << QByteArray("7ffc36737000-7ffc36758000 rw-p 00000000 00:00 0                  [stack]")
                           << true << quint64(0x7ffc36737000) << quint64(0) << quint64(0) << u"[stack]"_s << false;
    QTest::newRow("cut short") << QByteArray("7ffc36737000-7ffc36758000 rw-p 00000000") << false << quint64(0)
                               << quint64(0) << quint64(0) << QString() << false;
    QTest::newRow("end before start") << QByteArray("2000-1000 rw-p 00000000 00:00 0") << false << quint64(0)
                                      << quint64(0) << quint64(0) << QString() << false;
    QTest::newRow("not hex") << QByteArray("zz-1000 rw-p 00000000 00:00 0") << false << quint64(0) << quint64(0)
                             << quint64(0) << QString() << false;
}

void tst_FutexMapping::parseMapsLine()
{
    QFETCH(QByteArray, line);
    QFETCH(bool, valid);
    const auto mapping = FutexMapping::parseMapsLine(line);
    QCOMPARE(mapping.has_value(), valid);
    if (!valid)
        return;
    QTEST(mapping->start, "start");
    QTEST(mapping->offset, "offset");
    QTEST(mapping->inode, "inode");
    QTEST(mapping->path, "path");
    QTEST(mapping->deleted, "deleted");
}

void tst_FutexMapping::observeNamesTheLock_data()
{
    QTest::addColumn<QByteArray>("syscall");
    QTest::addColumn<int>("status");
    QTest::addColumn<qint64>("lock");
    QTest::addColumn<qint64>("queue");

    // Lock 1 at offset 0x100, lock 2 at 0x140 (40 bytes each), queue 0 at 0x200 (0x100 bytes) of the memfd, mapped
    // at 0x7f0000000000 from 0.
    const QByteArray tail = " 0x80 0x2 0x0 0x0 0x0 0x7ffc 0x7f20";
    const QByteArray futex = QByteArray::number(SYS_futex) + ' ';
    QTest::newRow("lock 1's word") << futex + "0x7f0000000100" + tail << int(FutexObservation::Status::Lock)
                                   << qint64(1) << qint64(0);
    QTest::newRow("inside lock 2") << futex + "0x7f0000000150" + tail << int(FutexObservation::Status::Lock)
                                   << qint64(2) << qint64(0);
    QTest::newRow("between the locks' records")
        << futex + "0x7f0000000130" + tail << int(FutexObservation::Status::OtherAddress) << qint64(0) << qint64(0);
    QTest::newRow("another mapping") << futex + "0x7f0000100010" + tail << int(FutexObservation::Status::OtherAddress)
                                     << qint64(0) << qint64(0);
    QTest::newRow("same name, other inode")
        << futex + "0x7f0000200100" + tail << int(FutexObservation::Status::OtherAddress) << qint64(0) << qint64(0);
    QTest::newRow("unmapped") << futex + "0x10" + tail << int(FutexObservation::Status::OtherAddress) << qint64(0) << qint64(0);
    QTest::newRow("read, not futex") << QByteArray("0 0x7f0000000100") + tail
                                     << int(FutexObservation::Status::NotInFutex) << qint64(0) << qint64(0);
    QTest::newRow("inside queue 0") << futex + "0x7f0000000288" + tail << int(FutexObservation::Status::Queue)
                                    << qint64(0) << qint64(0);
    QTest::newRow("past queue 0") << futex + "0x7f0000000300" + tail << int(FutexObservation::Status::OtherAddress)
                                  << qint64(0) << qint64(0);
    // Not asleep in a system call: nothing to compare, never a finding.
    QTest::newRow("running") << QByteArray("running") << int(FutexObservation::Status::NotChecked) << qint64(0)
                             << qint64(0);
    QTest::newRow("outside a call") << QByteArray("-1 0x7ffc 0x7f20") << int(FutexObservation::Status::NotChecked)
                                    << qint64(0) << qint64(0);
    QTest::newRow("unreadable") << QByteArray() << int(FutexObservation::Status::NotChecked) << qint64(0) << qint64(0);
}

void tst_FutexMapping::observeNamesTheLock()
{
    QFETCH(QByteArray, syscall);
    QFETCH(int, status);
    QFETCH(qint64, lock);
    QFETCH(qint64, queue);
    const QList<MemoryMapping> maps =
        FutexMapping::parseMaps("7f0000000000-7f0000001000 rw-s 00000000 00:01 77 /memfd:proclab-locks (deleted)\n"
                                "7f0000100000-7f0000101000 rw-p 00000000 00:00 0\n"
                                "7f0000200000-7f0000201000 rw-s 00000000 00:01 78 /memfd:proclab-locks (deleted)\n");
    QCOMPARE(maps.size(), 3);
    const FutexMapping mapping(FutexMapping::memfdPath(u"proclab-locks"_s), 77, {{2, 0x140, 40}, {1, 0x100, 40}},
                               {{0, 0x200, 0x100}});
    const FutexObservation observation = mapping.observe(maps, syscall);
    QCOMPARE(int(observation.status), status);
    QCOMPARE(observation.lockId, lock);
    QCOMPARE(observation.queueId, queue);
    // The offset is known exactly when the address lies in the telemetry mapping.
    QCOMPARE(observation.inMapping, status == int(FutexObservation::Status::Lock)
                                        || status == int(FutexObservation::Status::Queue)
                                        || QByteArray(QTest::currentDataTag()).startsWith("between")
                                        || QByteArray(QTest::currentDataTag()).startsWith("past"));
}

void tst_FutexMapping::realDeadlockInAMemfd()
{
    // Two threads of this process deadlock on two process-shared mutexes that live in a memfd: each holds one and
    // waits (with a deadline, so the test ends) for the other. Their syscall files must name the other's lock.
    const int fd = memfd_create("proclab-test-locks", MFD_CLOEXEC);
    QVERIFY(fd >= 0);
    QCOMPARE(ftruncate(fd, 4096), 0);
    struct stat status
    {
    };
    QCOMPARE(fstat(fd, &status), 0);
    void *memory = mmap(nullptr, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    QVERIFY(memory != MAP_FAILED);
    constexpr quint64 offsets[2] = {256, 1024};
    pthread_mutex_t *locks[2];
    pthread_mutexattr_t attributes;
    pthread_mutexattr_init(&attributes);
    pthread_mutexattr_setpshared(&attributes, PTHREAD_PROCESS_SHARED);
    for (int i = 0; i < 2; ++i) {
        locks[i] = reinterpret_cast<pthread_mutex_t *>(static_cast<char *>(memory) + offsets[i]);
        QCOMPARE(pthread_mutex_init(locks[i], &attributes), 0);
    }
    pthread_mutexattr_destroy(&attributes);

    std::atomic<pid_t> tids[2] = {0, 0};
    std::atomic<int> results[2] = {-1, -1};
    std::barrier bothHoldOne(2);
    // Each waits with a deadline so that the test ends: thread 1 gives up first (3 s, far beyond the milliseconds
    // the checks below need even on a loaded machine), which hands its lock to thread 0.
    timespec deadlines[2]{};
    for (int i = 0; i < 2; ++i) {
        clock_gettime(CLOCK_REALTIME, &deadlines[i]);
        deadlines[i].tv_sec += i == 0 ? 6 : 3;
    }
    const auto taker = [&](int self) {
        tids[self] = gettid();
        pthread_mutex_lock(locks[self]);
        bothHoldOne.arrive_and_wait();
        results[self] = pthread_mutex_timedlock(locks[1 - self], &deadlines[self]);
        if (results[self] == 0)
            pthread_mutex_unlock(locks[1 - self]);
        pthread_mutex_unlock(locks[self]);
    };
    std::thread first(taker, 0), second(taker, 1);
    // Joined on every way out, a failed check included: they end at the deadline at the latest.
    auto joinBoth = qScopeGuard([&] {
        if (first.joinable())
            first.join();
        if (second.joinable())
            second.join();
        for (pthread_mutex_t *lock : locks)
            pthread_mutex_destroy(lock);
        munmap(memory, 4096);
        close(fd);
    });

    const FutexMapping mapping(FutexMapping::memfdPath(u"proclab-test-locks"_s), status.st_ino,
                               {{1, offsets[0], sizeof(pthread_mutex_t)}, {2, offsets[1], sizeof(pthread_mutex_t)}});
    const auto observe = [&](int self) {
        QFile maps(u"/proc/self/maps"_s), syscall(u"/proc/self/task/%1/syscall"_s.arg(tids[self].load()));
        if (!maps.open(QIODevice::ReadOnly) || !syscall.open(QIODevice::ReadOnly))
            return FutexObservation{};
        return mapping.observe(FutexMapping::parseMaps(maps.readAll()), syscall.readAll());
    };
    // Thread 0 holds lock 1 and waits for lock 2; thread 1 the other way round.
    QTRY_COMPARE_WITH_TIMEOUT(int(observe(0).status), int(FutexObservation::Status::Lock), 2500);
    QTRY_COMPARE_WITH_TIMEOUT(int(observe(1).status), int(FutexObservation::Status::Lock), 2500);
    QCOMPARE(observe(0).lockId, 2);
    QCOMPARE(observe(1).lockId, 1);
    const quint64 address = observe(0).address;
    QCOMPARE(address, quint64(reinterpret_cast<quintptr>(locks[1])));

    first.join();
    second.join();
    // They really were deadlocked: only giving up broke it.
    QCOMPARE(results[1].load(), ETIMEDOUT);
    QCOMPARE(results[0].load(), 0);
}

QTEST_APPLESS_MAIN(tst_FutexMapping)
#include "tst_futexmapping.moc"
