// OutputTarget: what ProcLab may write where it is told to — devices in place, planted links refused, new files
// 0600, and files known by device and inode.
#include "session/OutputTarget.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {
QByteArray encoded(const QString &path)
{
    return QFile::encodeName(path);
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A folder like /tmp: sticky and writable by everyone.
QString sharedFolder(const QTemporaryDir &dir)
{
    const QString shared = dir.filePath(u"shared"_s);
    QDir().mkpath(shared);
    ::chmod(encoded(shared).constData(), 01777);
    return shared;
}
} // namespace

class tst_OutputTarget : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void kinds();
    void plantedLinkIsRefused();
    void ownLinkIsFollowed();
    void identityFollowsLinksAndHardLinks();
    void recordingANewFileIs0600();
    void recordingTruncatesOnlyTheInspectedFile();
    void recordingIntoACharacterDeviceWritesInPlace();
};

void tst_OutputTarget::kinds()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString regular = dir.filePath(u"old.jsonl"_s);
    QVERIFY(writeFile(regular, "x\n"));
    const QString fifo = dir.filePath(u"pipe"_s);
    QCOMPARE(::mkfifo(encoded(fifo).constData(), 0600), 0);
    const QString dangling = dir.filePath(u"dangling"_s);
    QCOMPARE(::symlink("no-such-file", encoded(dangling).constData()), 0);

    QCOMPARE(OutputTarget::inspect(dir.filePath(u"new.jsonl"_s)).kind(), OutputTarget::Kind::New);
    QCOMPARE(OutputTarget::inspect(regular).kind(), OutputTarget::Kind::Regular);
    QCOMPARE(OutputTarget::inspect(u"/dev/null"_s).kind(), OutputTarget::Kind::InPlace);
    QCOMPARE(OutputTarget::inspect(fifo).kind(), OutputTarget::Kind::InPlace);
    QVERIFY(!OutputTarget::inspect(fifo).allowsCompanions());
    QVERIFY(OutputTarget::inspect(regular).allowsCompanions());
    for (const QString &bad : {dir.path(), dir.filePath(u"missing/x.jsonl"_s), dangling, QString()}) {
        const OutputTarget target = OutputTarget::inspect(bad);
        QVERIFY2(target.isRefused(), qPrintable(bad));
        QVERIFY(!target.error().isEmpty());
        QVERIFY(!target.error().contains(u'\n'));
    }
}

void tst_OutputTarget::plantedLinkIsRefused()
{
    if (::geteuid() != 0)
        QSKIP("planting a link as another user needs root");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString shared = sharedFolder(dir);
    const QString secret = dir.filePath(u"secret"_s);
    QVERIFY(writeFile(secret, "root's own\n"));
    const QString link = shared + u"/s.jsonl"_s;
    QCOMPARE(::symlink(encoded(secret).constData(), encoded(link).constData()), 0);
    QCOMPARE(::lchown(encoded(link).constData(), 65534, 65534), 0); // planted by "nobody"

    const OutputTarget target = OutputTarget::inspect(link);
    QVERIFY(target.isRefused());
    QVERIFY2(target.error().contains(u"protected_symlinks"_s), qPrintable(target.error()));
    QString error;
    QCOMPARE(target.openForRecording(&error), -1);
    QCOMPARE(readFile(secret), QByteArray("root's own\n"));
}

void tst_OutputTarget::ownLinkIsFollowed()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString shared = sharedFolder(dir);
    const QString mine = dir.filePath(u"mine.jsonl"_s);
    QVERIFY(writeFile(mine, "old\n"));
    const QString link = shared + u"/mine.jsonl"_s;
    QCOMPARE(::symlink(encoded(mine).constData(), encoded(link).constData()), 0);
    const OutputTarget target = OutputTarget::inspect(link);
    QCOMPARE(target.kind(), OutputTarget::Kind::Regular);
    QCOMPARE(target.resolvedPath(), QFileInfo(mine).canonicalFilePath());
    QCOMPARE(target.path(), link);
}

void tst_OutputTarget::identityFollowsLinksAndHardLinks()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(u"s.tasks.csv"_s);
    QVERIFY(writeFile(file, "t\n"));
    const QString hard = dir.filePath(u"hard.csv"_s);
    QCOMPARE(::link(encoded(file).constData(), encoded(hard).constData()), 0);
    const QString soft = dir.filePath(u"soft.csv"_s);
    QCOMPARE(::symlink(encoded(file).constData(), encoded(soft).constData()), 0);
    const OutputTarget::Identity id = OutputTarget::identityOf(file);
    QVERIFY(id.exists);
    QVERIFY(OutputTarget::identityOf(hard) == id);
    QVERIFY(OutputTarget::identityOf(soft) == id);
    QVERIFY(OutputTarget::inspect(soft).identity() == id);
    QVERIFY(OutputTarget::inspect(dir.filePath(u"./s.tasks.csv"_s)).identity() == id);
    QVERIFY(!(OutputTarget::identityOf(dir.filePath(u"other"_s)) == id));
    QVERIFY(!(OutputTarget::identityOf(dir.filePath(u"missing"_s)) == OutputTarget::identityOf(u"missing2"_s)));
}

void tst_OutputTarget::recordingANewFileIs0600()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const mode_t old = ::umask(0);
    const QString path = dir.filePath(u"log.jsonl"_s);
    QString error;
    const int fd = OutputTarget::inspect(path).openForRecording(&error);
    ::umask(old);
    QVERIFY2(fd >= 0, qPrintable(error));
    struct stat st{};
    QCOMPARE(::fstat(fd, &st), 0);
    ::close(fd);
    QCOMPARE(st.st_mode & 07777, mode_t(0600));
}

void tst_OutputTarget::recordingTruncatesOnlyTheInspectedFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"log.jsonl"_s);
    QVERIFY(writeFile(path, "an older recording\n"));
    const OutputTarget target = OutputTarget::inspect(path);
    QCOMPARE(target.kind(), OutputTarget::Kind::Regular);
    QString error;
    int fd = target.openForRecording(&error);
    QVERIFY2(fd >= 0, qPrintable(error));
    ::close(fd);
    QCOMPARE(readFile(path), QByteArray());

    // Swapped for a link to another file after the check: that file is not truncated.
    const QString other = dir.filePath(u"other"_s);
    QVERIFY(writeFile(other, "keep me\n"));
    const OutputTarget checked = OutputTarget::inspect(path);
    QVERIFY(QFile::remove(path));
    QCOMPARE(::symlink(encoded(other).constData(), encoded(path).constData()), 0);
    fd = checked.openForRecording(&error);
    QCOMPARE(fd, -1);
    QCOMPARE(readFile(other), QByteArray("keep me\n"));
}

void tst_OutputTarget::recordingIntoACharacterDeviceWritesInPlace()
{
    if (::geteuid() != 0)
        QSKIP("making a device node needs root");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString node = dir.filePath(u"null"_s);
    QCOMPARE(::mknod(encoded(node).constData(), S_IFCHR | 0666, makedev(1, 3)), 0);
    const OutputTarget target = OutputTarget::inspect(node);
    QCOMPARE(target.kind(), OutputTarget::Kind::InPlace);
    QString error;
    const int fd = target.openForRecording(&error);
    QVERIFY2(fd >= 0, qPrintable(error));
    QCOMPARE(::write(fd, "x\n", 2), ssize_t(2));
    ::close(fd);
    struct stat st{};
    QCOMPARE(::lstat(encoded(node).constData(), &st), 0);
    QVERIFY(S_ISCHR(st.st_mode));
}

QTEST_APPLESS_MAIN(tst_OutputTarget)
#include "tst_outputtarget.moc"
