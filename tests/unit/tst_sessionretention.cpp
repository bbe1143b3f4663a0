// SessionRetention: the oldest sessions go first, by count and by size; the current one and foreign files stay.
#include "session/SessionRetention.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

class tst_SessionRetention : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void plan_data();
    void plan();
    void enforceDeletesOnlySessions();
    void enforceDeletesOnlyWhatProcLabNamed();
};

void tst_SessionRetention::plan_data()
{
    QTest::addColumn<int>("maxSessions");
    QTest::addColumn<qint64>("maxBytes");
    QTest::addColumn<QString>("keep");
    QTest::addColumn<QStringList>("deleted");
    // Files a..e, oldest first, of 100, 200, 300, 400, 500 bytes (1500 in all).
    QTest::newRow("within both limits") << 5 << qint64(1500) << QString() << QStringList();
    QTest::newRow("count: keep the newest 3") << 3 << qint64(0) << QString() << QStringList{u"a"_s, u"b"_s};
    QTest::newRow("size: 1200 bytes") << 0 << qint64(1200) << QString() << QStringList{u"a"_s, u"b"_s};
    QTest::newRow("size: 1199 bytes") << 0 << qint64(1199) << QString() << QStringList{u"a"_s, u"b"_s, u"c"_s};
    QTest::newRow("both, count decides") << 2 << qint64(1400) << QString() << QStringList{u"a"_s, u"b"_s, u"c"_s};
    QTest::newRow("the current file stays") << 2 << qint64(0) << u"a"_s << QStringList{u"b"_s, u"c"_s, u"d"_s};
    QTest::newRow("no limits") << 0 << qint64(0) << QString() << QStringList();
}

void tst_SessionRetention::plan()
{
    QFETCH(int, maxSessions);
    QFETCH(qint64, maxBytes);
    QFETCH(QString, keep);
    QFETCH(QStringList, deleted);
    const QList<SessionRetention::Entry> entries = {
        {u"a"_s, 100}, {u"b"_s, 200}, {u"c"_s, 300}, {u"d"_s, 400}, {u"e"_s, 500}};
    QCOMPARE(SessionRetention(maxSessions, maxBytes).plan(entries, keep), deleted);
}

void tst_SessionRetention::enforceDeletesOnlySessions()
{
    QTemporaryDir dir;
    const QStringList sessions = {u"20250101-000000-a.jsonl"_s, u"20250102-000000-b.jsonl"_s,
                                  u"20250103-000000-c.jsonl"_s, u"20250104-000000-d.jsonl"_s};
    for (const QString &name : sessions + QStringList{u"my-notes.txt"_s, u"keep-me.jsonl"_s}) {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(10, 'x'));
    }
    const QStringList deleted = SessionRetention(2, 0).enforce(dir.path(), dir.filePath(u"20250101-000000-a.jsonl"_s));
    QCOMPARE(deleted, (QStringList{QDir(dir.path()).absoluteFilePath(u"20250102-000000-b.jsonl"_s),
                                   QDir(dir.path()).absoluteFilePath(u"20250103-000000-c.jsonl"_s)}));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files, QDir::Name),
             (QStringList{u"20250101-000000-a.jsonl"_s, u"20250104-000000-d.jsonl"_s, u"keep-me.jsonl"_s,
                          u"my-notes.txt"_s}));
}

void tst_SessionRetention::enforceDeletesOnlyWhatProcLabNamed()
{
    // Names ProcLab never makes (a space, a non-ASCII letter, a leading dot), a link named like a session, and —
    // as root — a file of another user: none of them is the user's recording, none goes.
    QTemporaryDir dir;
    QTemporaryDir elsewhere;
    const QString target = elsewhere.filePath(u"20200101-000000-target.jsonl"_s);
    QStringList kept = {u"20200101-000000-my notes.jsonl"_s, u"20200101-000000-实验.jsonl"_s,
                        u"20200101-000000-.hidden.jsonl"_s};
    for (const QString &path : QStringList{target} + kept) {
        QFile file(path.contains(u'/') ? path : dir.filePath(path));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(10, 'x'));
    }
    QVERIFY(QFile::link(target, dir.filePath(u"20200101-000001-link.jsonl"_s)));
    kept << u"20200101-000001-link.jsonl"_s;
    if (::geteuid() == 0) {
        const QString foreign = dir.filePath(u"20200101-000002-foreign.jsonl"_s);
        QFile file(foreign);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QCOMPARE(::chown(QFile::encodeName(foreign).constData(), 65534, 65534), 0);
        kept << u"20200101-000002-foreign.jsonl"_s;
    }
    const QString own = dir.filePath(u"20200101-000003-pc-threads.jsonl"_s);
    QFile file(own);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(10, 'x'));
    file.close();

    const QStringList deleted = SessionRetention(0, 0).enforce(dir.path());
    QVERIFY(deleted.isEmpty());
    const QStringList deletedAll = SessionRetention(1, 1).enforce(dir.path(), dir.filePath(u"none"_s));
    QCOMPARE(deletedAll, QStringList{QFileInfo(own).absoluteFilePath()});
    kept.sort();
    QStringList left = QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::System, QDir::Name);
    left.sort();
    QCOMPARE(left, kept);
    QVERIFY(QFile::exists(target));
}

QTEST_APPLESS_MAIN(tst_SessionRetention)
#include "tst_sessionretention.moc"
