// `proclab export`: bad input exits 2 with one line on stderr and writes nothing; good input writes every format.
#include <QDir>
#include <QProcess>
#include <QTemporaryFile>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <thread>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {
QString fixture(const char *name)
{
    return QStringLiteral(PROCLAB_FIXTURES_DIR "/sessions/") + QString::fromLatin1(name);
}
} // namespace

class tst_ExportCommand : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void badInput_data();
    void badInput();
    void exports_data();
    void exports();
    void truncatedExportsWithAWarning();
    void help();
    void characterDeviceIsWrittenInPlace_data();
    void characterDeviceIsWrittenInPlace();
    void fifoIsWrittenInPlace();
    void inputIsNeverAnOutput_data();
    void inputIsNeverAnOutput();
    void plantedLinkIsRefused();
    void exportsFollowTheUmask();

private:
    struct Result
    {
        int status = -1;
        QByteArray out;
        QByteArray err;
    };
    Result run(const QStringList &arguments, mode_t umask = 022);
    QTemporaryDir m_dir;
};

tst_ExportCommand::Result tst_ExportCommand::run(const QStringList &arguments, mode_t umask)
{
    QProcess process;
    process.setChildProcessModifier([umask] { ::umask(umask); });
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"DISPLAY"_s);
    env.remove(u"WAYLAND_DISPLAY"_s);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(PROCLAB_BIN_DIR "/proclab"), QStringList{u"export"_s} + arguments);
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
            process.readAllStandardError()};
}

void tst_ExportCommand::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // A session broken at line 5 of 6, and one that is not a session at all.
    QFile good(fixture("complete.jsonl"));
    QVERIFY(good.open(QIODevice::ReadOnly));
    QList<QByteArray> lines = good.readAll().split('\n').mid(0, 6);
    lines[4] = "{\"t\":0.1,\"kind\":\"cpu.sample\",\"cpus\":[}";
    QFile broken(m_dir.filePath(u"broken.jsonl"_s));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write(lines.join('\n') + '\n');
    QFile notes(m_dir.filePath(u"notes.txt"_s));
    QVERIFY(notes.open(QIODevice::WriteOnly));
    notes.write("shopping list\n");
}

void tst_ExportCommand::badInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("says");
    const QString good = fixture("complete.jsonl");
    const QString out = m_dir.filePath(u"out.html"_s);
    QTest::newRow("nothing") << QStringList() << u"no session file"_s;
    QTest::newRow("no format") << QStringList{good, u"--output"_s, out} << u"--format"_s;
    QTest::newRow("no output") << QStringList{good, u"--format"_s, u"html"_s} << u"--output"_s;
    QTest::newRow("unknown format") << QStringList{good, u"--format"_s, u"pdf"_s, u"--output"_s, out}
                                    << u"allowed: jsonl, csv, html"_s;
    QTest::newRow("unknown option") << QStringList{good, u"--colour"_s} << u"colour"_s;
    QTest::newRow("two sessions") << QStringList{good, good, u"--format"_s, u"html"_s, u"--output"_s, out}
                                  << u"one session"_s;
    QTest::newRow("missing file") << QStringList{m_dir.filePath(u"gone.jsonl"_s), u"--format"_s, u"html"_s,
                                                 u"--output"_s, out}
                                  << u"gone.jsonl"_s;
    QTest::newRow("corrupt at line 5") << QStringList{m_dir.filePath(u"broken.jsonl"_s), u"--format"_s, u"csv"_s,
                                                      u"--output"_s, m_dir.filePath(u"out.csv"_s)}
                                       << u"line 5: not valid JSON"_s;
    QTest::newRow("not a session") << QStringList{m_dir.filePath(u"notes.txt"_s), u"--format"_s, u"jsonl"_s,
                                                  u"--output"_s, m_dir.filePath(u"out.jsonl"_s)}
                                   << u"line 1"_s;
    QTest::newRow("output folder missing")
        << QStringList{good, u"--format"_s, u"html"_s, u"--output"_s, m_dir.filePath(u"no/such/dir/out.html"_s)}
        << u"does not exist"_s;
    QTest::newRow("output is the input") << QStringList{good, u"--format"_s, u"jsonl"_s, u"--output"_s, good}
                                         << u"session file itself"_s;
}

void tst_ExportCommand::badInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, says);
    const QStringList before = QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden);
    const Result r = run(arguments);
    QCOMPARE(r.status, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.startsWith("proclab export: "), r.err.constData());
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY2(QString::fromUtf8(r.err).contains(says), r.err.constData());
    QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden), before);
}

void tst_ExportCommand::exports_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("files");
    QTest::newRow("jsonl") << u"jsonl"_s << u"copy.jsonl"_s << 1;
    QTest::newRow("csv") << u"csv"_s << u"tables.csv"_s << 4;
    QTest::newRow("html") << u"html"_s << u"report.html"_s << 1;
}

void tst_ExportCommand::exports()
{
    QFETCH(QString, format);
    QFETCH(QString, file);
    QFETCH(int, files);
    const QString out = m_dir.filePath(file);
    const Result r = run({fixture("complete.jsonl"), u"--format"_s, format, u"--output"_s, out});
    QCOMPARE(r.status, 0);
    QVERIFY2(r.err.isEmpty(), r.err.constData());
    const QStringList written = QString::fromUtf8(r.out).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(written.size(), files);
    QCOMPARE(written.first(), out);
    for (const QString &path : written)
        QVERIFY2(QFileInfo(path).size() > 0, qPrintable(path));
    QFile result(out);
    QVERIFY(result.open(QIODevice::ReadOnly));
    const QByteArray head = result.read(64);
    if (format == u"jsonl"_s)
        QVERIFY(head.startsWith("{\"format\":\"proclab-session\",\"version\":1,"));
    else if (format == u"csv"_s)
        QVERIFY2(head.startsWith("t,kind,pid,tid,ppid,role,name,"), head.constData()); // then the detail columns
    else
        QVERIFY(head.startsWith("<!DOCTYPE html>"));
}

void tst_ExportCommand::truncatedExportsWithAWarning()
{
    const QString out = m_dir.filePath(u"cut.jsonl"_s);
    const Result r = run({fixture("truncated.jsonl"), u"--format"_s, u"jsonl"_s, u"--output"_s, out});
    QCOMPARE(r.status, 0);
    QVERIFY2(r.err.contains("cut short at line 74"), r.err.constData());
    QCOMPARE(r.err.count('\n'), 1);
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll().count('\n'), 73);
}

void tst_ExportCommand::help()
{
    const Result r = run({u"--help"_s});
    QCOMPARE(r.status, 0);
    QVERIFY(r.out.startsWith("Usage: proclab export [options] SESSION\n"));
    QVERIFY(r.out.contains("--format"));
}

namespace {
bool copyFile(const QString &from, const QString &to)
{
    QFile::remove(to);
    return QFile::copy(from, to);
}

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool isCharacterDevice(const QString &path)
{
    struct stat st{};
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 && S_ISCHR(st.st_mode);
}
} // namespace

void tst_ExportCommand::characterDeviceIsWrittenInPlace_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("jsonl") << u"jsonl"_s;
    QTest::newRow("csv") << u"csv"_s;
    QTest::newRow("html") << u"html"_s;
}

void tst_ExportCommand::characterDeviceIsWrittenInPlace()
{
    // As root, QSaveFile once renamed a regular file over /dev/null. A node of our own stands in for /dev/null so
    // that a regression cannot break the machine's.
    QFETCH(QString, format);
    QTemporaryDir dir;
    QString node = u"/dev/null"_s;
    if (::geteuid() == 0) {
        node = dir.filePath(u"null.csv"_s);
        QCOMPARE(::mknod(QFile::encodeName(node).constData(), S_IFCHR | 0666, makedev(1, 3)), 0);
    }
    const Result r = run({fixture("complete.jsonl"), u"--format"_s, format, u"--output"_s, node});
    QCOMPARE(r.status, 0);
    QVERIFY2(r.err.isEmpty(), r.err.constData());
    QCOMPARE(r.out, node.toUtf8() + '\n'); // one file: no tables beside a device
    QVERIFY(isCharacterDevice(node));
    if (node != u"/dev/null"_s)
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System),
                 QStringList{u"null.csv"_s});
}

void tst_ExportCommand::fifoIsWrittenInPlace()
{
    QTemporaryDir dir;
    const QString fifo = dir.filePath(u"pipe.jsonl"_s);
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    // Held open for writing (O_RDWR never blocks on a FIFO) so that the reader below opens at once and sees the
    // end once this and the export are closed — even when an export replaced the FIFO instead of writing into it.
    const int keep = ::open(QFile::encodeName(fifo).constData(), O_RDWR | O_NONBLOCK);
    QVERIFY(keep >= 0);
    QByteArray received;
    std::thread reader([&] {
        QFile in(fifo);
        if (in.open(QIODevice::ReadOnly))
            received = in.readAll();
    });
    const Result r = run({fixture("complete.jsonl"), u"--format"_s, u"jsonl"_s, u"--output"_s, fifo});
    ::close(keep);
    reader.join();
    QCOMPARE(r.status, 0);
    QVERIFY(received.startsWith("{\"format\":\"proclab-session\""));
    struct stat st{};
    QCOMPARE(::lstat(QFile::encodeName(fifo).constData(), &st), 0);
    QVERIFY(S_ISFIFO(st.st_mode));
}

void tst_ExportCommand::inputIsNeverAnOutput_data()
{
    QTest::addColumn<QString>("input");  // a name in the test's folder
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("output"); // likewise
    QTest::addColumn<QString>("relation"); // how the output reaches the input: "same", "hard", "soft"
    QTest::newRow("a companion is the input") << u"s.tasks.csv"_s << u"csv"_s << u"s.csv"_s << u"same"_s;
    QTest::newRow("queues companion") << u"x.queues.csv"_s << u"csv"_s << u"x"_s << u"same"_s;
    QTest::newRow("hard link") << u"in.jsonl"_s << u"jsonl"_s << u"hard.jsonl"_s << u"hard"_s;
    QTest::newRow("symbolic link") << u"in.jsonl"_s << u"html"_s << u"soft.html"_s << u"soft"_s;
    QTest::newRow("other spelling") << u"in.jsonl"_s << u"jsonl"_s << u"./in.jsonl"_s << u"same"_s;
}

void tst_ExportCommand::inputIsNeverAnOutput()
{
    QFETCH(QString, input);
    QFETCH(QString, format);
    QFETCH(QString, output);
    QFETCH(QString, relation);
    QTemporaryDir dir;
    const QString in = dir.filePath(input);
    QVERIFY(copyFile(fixture("complete.jsonl"), in));
    const QByteArray before = contents(in);
    const QString out = dir.filePath(output);
    if (relation == u"hard"_s)
        QCOMPARE(::link(QFile::encodeName(in).constData(), QFile::encodeName(out).constData()), 0);
    else if (relation == u"soft"_s)
        QVERIFY(QFile::link(in, out));
    const Result r = run({in, u"--format"_s, format, u"--output"_s, out});
    QCOMPARE(r.status, 2);
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY2(r.err.contains("session file itself"), r.err.constData());
    QCOMPARE(contents(in), before);
}

void tst_ExportCommand::plantedLinkIsRefused()
{
    if (::geteuid() != 0)
        QSKIP("planting a link as another user needs root");
    QTemporaryDir dir;
    const QString shared = dir.filePath(u"tmp"_s);
    QVERIFY(QDir().mkpath(shared));
    QCOMPARE(::chmod(QFile::encodeName(shared).constData(), 01777), 0);
    const QString victim = dir.filePath(u"shadow"_s);
    QFile file(victim);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("root:secret\n");
    file.close();
    const QString link = shared + u"/report.html"_s;
    QVERIFY(QFile::link(victim, link));
    QCOMPARE(::lchown(QFile::encodeName(link).constData(), 65534, 65534), 0);
    const Result r = run({fixture("complete.jsonl"), u"--format"_s, u"html"_s, u"--output"_s, link});
    QCOMPARE(r.status, 2);
    QVERIFY2(r.err.contains("protected_symlinks"), r.err.constData());
    QCOMPARE(contents(victim), QByteArray("root:secret\n"));
    QVERIFY(QFileInfo(link).isSymLink());
}

void tst_ExportCommand::exportsFollowTheUmask()
{
    // Unlike the recordings (always 0600), an export is a file the user makes to share: it follows the umask.
    QTemporaryDir dir;
    for (const auto &[mask, expected] : {std::pair{mode_t(022), 0644}, std::pair{mode_t(077), 0600}}) {
        const QString out = dir.filePath(u"copy-%1.jsonl"_s.arg(mask, 0, 8));
        const Result r = run({fixture("complete.jsonl"), u"--format"_s, u"jsonl"_s, u"--output"_s, out}, mask);
        QCOMPARE(r.status, 0);
        struct stat st{};
        QCOMPARE(::stat(QFile::encodeName(out).constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 0777), expected);
    }
}

QTEST_GUILESS_MAIN(tst_ExportCommand)
#include "tst_exportcommand.moc"
