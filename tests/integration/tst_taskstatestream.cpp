// The event stream tells the story alone: real programs run under `proclab exec`, and their task.state events —
// not only their samples — say when each thread blocked and why. A pipe reader first seen already blocked gets a
// state from "new"; a thread waiting for a threading.Lock gets its change to blocked with the reason read in the
// same tick; no change to blocked ever has an empty reason.
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_TaskStateStream : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void tellsEachBlock_data();
    void tellsEachBlock();

private:
    QString m_python;
    QTemporaryDir m_home;
};

void tst_TaskStateStream::initTestCase()
{
    m_python = QStandardPaths::findExecutable(u"python3"_s);
    if (m_python.isEmpty())
        QSKIP("python3 is not installed: these tests watch real Python programs");
    QVERIFY(m_home.isValid());
}

void tst_TaskStateStream::tellsEachBlock_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<QString>("role");   // the thread name to look for (threading.Thread names its task)
    QTest::addColumn<QString>("reason"); // what its reason must start with
    QTest::addColumn<bool>("firstSeenBlocked");
    // A reader blocked in read() on a pipe whose writer waits 1.5 s: blocked from the first tick it is seen.
    QTest::newRow("pipe reader") << u"import os, threading, time\n"
                                    "r, w = os.pipe()\n"
                                    "def reader():\n"
                                    "    os.read(r, 1)\n"
                                    "t = threading.Thread(target=reader, name='pipe-reader')\n"
                                    "t.start()\n"
                                    "time.sleep(1.5)\n"
                                    "os.write(w, b'x')\n"
                                    "t.join()\n"_s
                                 << u"pipe-reader"_s << u"reading a pipe"_s << true;
    // A thread that spins for 0.6 s, then waits for a Lock the main thread holds until 1.8 s.
    QTest::newRow("lock waiter") << u"import threading, time\n"
                                    "lock = threading.Lock()\n"
                                    "lock.acquire()\n"
                                    "def waiter():\n"
                                    "    end = time.monotonic() + 0.6\n"
                                    "    while time.monotonic() < end:\n"
                                    "        pass\n"
                                    "    lock.acquire()\n"
                                    "t = threading.Thread(target=waiter, name='lock-waiter')\n"
                                    "t.start()\n"
                                    "time.sleep(1.8)\n"
                                    "lock.release()\n"
                                    "t.join()\n"_s
                                 << u"lock-waiter"_s << u"waiting on a lock"_s << false;
}

void tst_TaskStateStream::tellsEachBlock()
{
    QFETCH(QString, script);
    QFETCH(QString, role);
    QFETCH(QString, reason);
    QFETCH(bool, firstSeenBlocked);
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_s, m_home.path());
    env.insert(u"XDG_DATA_HOME"_s, m_home.path() + u"/data"_s);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(PROCLAB_BIN_DIR "/proclab"),
                  {u"exec"_s, u"--json"_s, u"--log"_s, m_home.filePath(role + u".jsonl"_s), u"--"_s, m_python,
                   u"-c"_s, script});
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 0);

    QHash<qint64, QList<QJsonObject>> states; // tid → its task.state events, in order
    QHash<qint64, QList<QJsonObject>> samples;
    QHash<qint64, QString> names;
    for (const QByteArray &line : process.readAllStandardOutput().split('\n')) {
        const QJsonObject event = QJsonDocument::fromJson(line).object();
        const QString kind = event.value(u"kind"_s).toString();
        const qint64 tid = event.value(u"tid"_s).toInteger();
        if (kind == u"task.state"_s)
            states[tid] << event;
        else if (kind == u"task.sample"_s)
            samples[tid] << event;
        else if (kind == u"thread.start"_s)
            names.insert(tid, event.value(u"name"_s).toString());
    }
    QVERIFY(!samples.isEmpty());
    // Every task seen has a state event, and its first one is from "new".
    for (auto it = samples.constBegin(); it != samples.constEnd(); ++it) {
        QVERIFY2(states.contains(it.key()), qPrintable(u"no task.state for TID %1"_s.arg(it.key())));
        QCOMPARE(states.value(it.key()).first().value(u"from"_s).toString(), u"new"_s);
    }
    // No change to blocked without its reason.
    for (const QList<QJsonObject> &events : std::as_const(states)) {
        for (const QJsonObject &event : events) {
            if (event.value(u"to"_s).toString() == u"blocked"_s)
                QVERIFY2(!event.value(u"reason"_s).toString().isEmpty(),
                         QJsonDocument(event).toJson(QJsonDocument::Compact).constData());
        }
    }
    // The thread of the lesson: named by thread.start, else the one whose samples carry the reason.
    qint64 tid = names.key(role, 0);
    if (tid == 0) {
        for (auto it = samples.constBegin(); it != samples.constEnd() && tid == 0; ++it) {
            for (const QJsonObject &sample : it.value()) {
                if (sample.value(u"reason"_s).toString().startsWith(reason) && it.key() != sample.value(u"pid"_s).toInteger())
                    tid = it.key();
            }
        }
    }
    QVERIFY2(tid != 0, "the lesson's thread was not found");
    const QList<QJsonObject> ofThread = states.value(tid);
    bool told = false;
    for (const QJsonObject &event : ofThread) {
        if (event.value(u"to"_s).toString() == u"blocked"_s && event.value(u"reason"_s).toString().startsWith(reason)) {
            told = true;
            if (firstSeenBlocked)
                QCOMPARE(event.value(u"from"_s).toString(), u"new"_s);
            break;
        }
    }
    QStringList seen;
    for (const QJsonObject &event : ofThread)
        seen << QString::fromUtf8(QJsonDocument(event).toJson(QJsonDocument::Compact));
    QVERIFY2(told, qPrintable(u"no task.state to blocked (%1) for TID %2: %3"_s.arg(reason).arg(tid).arg(
                                  seen.join(u"; "_s))));
}

QTEST_GUILESS_MAIN(tst_TaskStateStream)
#include "tst_taskstatestream.moc"
