// SharedMemory: a memfd region, sealed against shrinking and growing, never a file in /dev/shm, attachable by fd.
#include "ipc/SharedMemory.h"

#include <QDir>
#include <QFile>
#include <QTemporaryFile>
#include <QTest>

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstring>

using namespace Qt::Literals::StringLiterals;

class tst_SharedMemory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void createIsSealedMemfd();
    void sizeCannotChange_data();
    void sizeCannotChange();
    void nothingInDevShm();
    void attachSharesBytes_data();
    void attachSharesBytes();
    void attachRefusesUnsealed();
    void zeroSizeRefused();
    void moveKeepsMapping();
};

void tst_SharedMemory::createIsSealedMemfd()
{
    const SharedMemory region = SharedMemory::create("proclab-test", 4096);
    QVERIFY2(region.isValid(), qPrintable(region.errorString()));
    QCOMPARE(region.size(), std::size_t(4096));
    const int seals = region.seals();
    QVERIFY(seals & F_SEAL_SHRINK);
    QVERIFY(seals & F_SEAL_GROW);
    QVERIFY(seals & F_SEAL_SEAL);
    QVERIFY(!(seals & F_SEAL_WRITE));
    QVERIFY(fcntl(region.fd(), F_GETFD) & FD_CLOEXEC);
    const QString target = QFile::symLinkTarget(u"/proc/self/fd/%1"_s.arg(region.fd()));
    QVERIFY2(target.startsWith(u"/memfd:proclab-test"_s), qPrintable(target));
    // Zero-filled.
    const auto *bytes = static_cast<const unsigned char *>(region.data());
    for (std::size_t i = 0; i < region.size(); ++i)
        QCOMPARE(bytes[i], 0u);
}

void tst_SharedMemory::sizeCannotChange_data()
{
    QTest::addColumn<off_t>("newSize");
    QTest::newRow("shrink") << off_t(1024);
    QTest::newRow("grow") << off_t(8192);
    QTest::newRow("to zero") << off_t(0);
}

void tst_SharedMemory::sizeCannotChange()
{
    QFETCH(off_t, newSize);
    const SharedMemory region = SharedMemory::create("proclab-test", 4096);
    QVERIFY(region.isValid());
    QCOMPARE(ftruncate(region.fd(), newSize), -1);
    QCOMPARE(errno, EPERM);
    // The seal itself is sealed: nobody can remove or add seals.
    QCOMPARE(fcntl(region.fd(), F_ADD_SEALS, F_SEAL_WRITE), -1);
}

void tst_SharedMemory::nothingInDevShm()
{
    const QStringList before = QDir(u"/dev/shm"_s).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System);
    {
        const SharedMemory region = SharedMemory::create("proclab-test", 1 << 16);
        QVERIFY(region.isValid());
        const QStringList during = QDir(u"/dev/shm"_s).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System);
        QCOMPARE(during, before);
    }
    const QStringList after = QDir(u"/dev/shm"_s).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System);
    QCOMPARE(after, before);
}

void tst_SharedMemory::attachSharesBytes_data()
{
    QTest::addColumn<bool>("duplicate");
    QTest::newRow("duplicate") << true;
    QTest::newRow("adopt") << false;
}

void tst_SharedMemory::attachSharesBytes()
{
    QFETCH(bool, duplicate);
    const SharedMemory region = SharedMemory::create("proclab-test", 100);
    QVERIFY(region.isValid());
    const int fd = duplicate ? region.fd() : dup(region.fd());
    const SharedMemory attached =
        SharedMemory::attach(fd, duplicate ? SharedMemory::FdOwnership::Duplicate : SharedMemory::FdOwnership::Adopt);
    QVERIFY2(attached.isValid(), qPrintable(attached.errorString()));
    QCOMPARE(attached.size(), std::size_t(100));
    QVERIFY(attached.fd() != region.fd());
    QCOMPARE(attached.fd() == fd, !duplicate);
    std::memcpy(region.data(), "shared", 7);
    QCOMPARE(static_cast<const char *>(attached.data()), "shared");
}

void tst_SharedMemory::attachRefusesUnsealed()
{
    // A plain file could be truncated under the mapping: refused.
    QTemporaryFile file;
    QVERIFY(file.open());
    QVERIFY(file.resize(4096));
    const SharedMemory fromFile = SharedMemory::attach(file.handle(), SharedMemory::FdOwnership::Duplicate);
    QVERIFY(!fromFile.isValid());
    QVERIFY(!fromFile.errorString().isEmpty());
    // An unsealed memfd: refused too.
    const int unsealed = memfd_create("unsealed", MFD_CLOEXEC);
    QVERIFY(unsealed >= 0);
    QCOMPARE(ftruncate(unsealed, 4096), 0);
    const SharedMemory fromMemfd = SharedMemory::attach(unsealed, SharedMemory::FdOwnership::Adopt);
    QVERIFY(!fromMemfd.isValid());
    // Adopt closes the fd even when refusing it.
    QCOMPARE(fcntl(unsealed, F_GETFD), -1);
    const SharedMemory fromNothing = SharedMemory::attach(-1);
    QVERIFY(!fromNothing.isValid());
}

void tst_SharedMemory::zeroSizeRefused()
{
    const SharedMemory region = SharedMemory::create("proclab-test", 0);
    QVERIFY(!region.isValid());
    QVERIFY(!region.errorString().isEmpty());
    QCOMPARE(region.fd(), -1);
}

void tst_SharedMemory::moveKeepsMapping()
{
    SharedMemory region = SharedMemory::create("proclab-test", 64);
    QVERIFY(region.isValid());
    void *data = region.data();
    const int fd = region.fd();
    SharedMemory moved = std::move(region);
    QVERIFY(!region.isValid()); // NOLINT(bugprone-use-after-move): checking the moved-from state is the point
    QCOMPARE(moved.data(), data);
    QCOMPARE(moved.fd(), fd);
    moved = SharedMemory();
    QCOMPARE(fcntl(fd, F_GETFD), -1); // closed when the owner went away
}

QTEST_APPLESS_MAIN(tst_SharedMemory)
#include "tst_sharedmemory.moc"
