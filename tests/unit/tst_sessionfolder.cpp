// SessionFolder: names of recordings, never overwriting, and only its own files counted as sessions.
#include "session/SessionFolder.h"

#include <QTemporaryDir>
#include <QTest>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

class tst_SessionFolder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fileName_data();
    void fileName();
    void neverOverwrites();
    void unwritableFolder();
    void sessionFilesOldestFirst();
};

void tst_SessionFolder::fileName_data()
{
    QTest::addColumn<QString>("experiment");
    QTest::addColumn<int>("attempt");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << u"pc-threads"_s << 1 << u"20251125-093007-pc-threads.jsonl"_s;
    QTest::newRow("second") << u"zombie"_s << 2 << u"20251125-093007-zombie-2.jsonl"_s;
    QTest::newRow("slashes and spaces") << u"../my prog"_s << 1 << u"20251125-093007-_my_prog.jsonl"_s;
    QTest::newRow("empty") << QString() << 1 << u"20251125-093007-session.jsonl"_s;
    QTest::newRow("chinese") << u"实验"_s << 3 << u"20251125-093007-__-3.jsonl"_s;
}

void tst_SessionFolder::fileName()
{
    QFETCH(QString, experiment);
    QFETCH(int, attempt);
    QFETCH(QString, expected);
    const QDateTime when(QDate(2025, 11, 25), QTime(9, 30, 7));
    QCOMPARE(SessionFolder::fileName(experiment, when, attempt), expected);
    QVERIFY(SessionFolder::isSessionFileName(expected));
}

void tst_SessionFolder::neverOverwrites()
{
    QTemporaryDir dir;
    const QDateTime when(QDate(2025, 11, 25), QTime(9, 30, 7));
    QStringList paths;
    for (int i = 0; i < 3; ++i) {
        QString path;
        QString error;
        const int fd = SessionFolder::createNewFile(dir.filePath(u"sessions"_s), u"race"_s, when, &path, &error);
        QVERIFY2(fd >= 0, qPrintable(error));
        QCOMPARE(::write(fd, "x", 1), 1);
        ::close(fd);
        paths << QFileInfo(path).fileName();
    }
    QCOMPARE(paths, (QStringList{u"20251125-093007-race.jsonl"_s, u"20251125-093007-race-2.jsonl"_s,
                                 u"20251125-093007-race-3.jsonl"_s}));
    QFile first(dir.filePath(u"sessions/20251125-093007-race.jsonl"_s));
    QVERIFY(first.open(QIODevice::ReadOnly));
    QCOMPARE(first.readAll(), QByteArray("x"));
}

void tst_SessionFolder::unwritableFolder()
{
    QString path;
    QString error;
    QCOMPARE(SessionFolder::createNewFile(u"/proc/proclab-cannot-be-here"_s, u"x"_s, QDateTime::currentDateTime(),
                                          &path, &error),
             -1);
    QVERIFY(!error.isEmpty());
    QCOMPARE(SessionFolder::openExplicitFile(u"/proc/proclab-cannot-be-here/x.jsonl"_s, &error), -1);
    QVERIFY(error.contains(u"x.jsonl"_s));
}

void tst_SessionFolder::sessionFilesOldestFirst()
{
    QTemporaryDir dir;
    const QStringList names = {u"20251126-080000-b.jsonl"_s,
                               u"20251125-093007-a-2.jsonl"_s,
                               u"20251125-093007-a.jsonl"_s,
                               u"20251125-093007-a-10.jsonl"_s,
                               u"notes.jsonl"_s,
                               u"20251125-093007-a.jsonl.bak"_s};
    for (const QString &name : names) {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    QStringList found;
    for (const QFileInfo &info : SessionFolder::sessionFiles(dir.path()))
        found << info.fileName();
    QCOMPARE(found, (QStringList{u"20251125-093007-a.jsonl"_s, u"20251125-093007-a-2.jsonl"_s,
                                 u"20251125-093007-a-10.jsonl"_s, u"20251126-080000-b.jsonl"_s}));
}

QTEST_APPLESS_MAIN(tst_SessionFolder)
#include "tst_sessionfolder.moc"
