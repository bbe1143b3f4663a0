// SessionReader: whole files, files cut short by a crash, and every kind of bad input refused with its line.
#include "session/SessionReader.h"

#include <QBuffer>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {
const QByteArray kHeader = R"({"format":"proclab-session","version":1,"start_unix":1764057600.5,"host":"h","cores":2,)"
                           R"("kernel":"6.1","experiment":"zombie","parameters":{"keep":true}})";

QString fixture(const char *name)
{
    return QStringLiteral(PROCLAB_FIXTURES_DIR "/sessions/") + QString::fromLatin1(name);
}
} // namespace

class tst_SessionReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void completeFixture();
    void truncatedFixture();
    void accepted_data();
    void accepted();
    void refused_data();
    void refused();
    void fieldRefused_data();
    void fieldRefused();
    void fieldAccepted_data();
    void fieldAccepted();
    void missingFile();
    void streamsLargeFile();

private:
    QTemporaryDir m_dir;
};

void tst_SessionReader::completeFixture()
{
    SessionReader::Contents contents;
    QString error;
    QVERIFY2(SessionReader::readAll(fixture("complete.jsonl"), &contents, &error), qPrintable(error));
    QCOMPARE(contents.header.experiment, u"pc-threads"_s);
    QCOMPARE(contents.header.cores, 2);
    QCOMPARE(contents.header.parameters.value(u"capacity"_s).toInt(), 8);
    QVERIFY(contents.header.explanation.contains(u"bounded queue"_s));
    QCOMPARE(contents.events.size(), 72);
    QVERIFY(!contents.truncated);
    QCOMPARE(contents.events.first().kind, u"experiment.start"_s);
    QCOMPARE(contents.events.last().kind, u"experiment.stop"_s);
    for (qsizetype i = 1; i < contents.events.size(); ++i)
        QVERIFY(contents.events[i].t >= contents.events[i - 1].t);
}

void tst_SessionReader::truncatedFixture()
{
    SessionReader reader;
    QVERIFY(reader.open(fixture("truncated.jsonl")));
    SessionEvent event;
    int count = 0;
    while (reader.next(&event))
        ++count;
    QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
    QCOMPARE(count, 72);
    QVERIFY(reader.isTruncated());
    QCOMPARE(reader.truncatedLine(), 74);
    QVERIFY(reader.truncationNote().contains(u"73"_s));
}

void tst_SessionReader::accepted_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("events");
    QTest::addColumn<bool>("truncated");
    QTest::newRow("header only") << QByteArray() << 0 << false;
    QTest::newRow("one event") << QByteArray("{\"t\":0.5,\"kind\":\"process.reap\",\"pid\":7}\n") << 1 << false;
    QTest::newRow("last line whole, no newline")
        << QByteArray("{\"t\":0.5,\"kind\":\"a\"}\n{\"t\":0.6,\"kind\":\"b\"}") << 2 << false;
    QTest::newRow("cut inside a string") << QByteArray("{\"t\":0.5,\"kind\":\"a\"}\n{\"t\":0.6,\"kind\":\"out") << 1
                                         << true;
    QTest::newRow("cut inside a UTF-8 character")
        << QByteArray("{\"t\":0.5,\"kind\":\"a\"}\n{\"t\":0.6,\"kind\":\"output\",\"line\":\"\xE7\x94") << 1 << true;
    QTest::newRow("cut after the key") << QByteArray("{\"t\":0.5,\"kind\":\"a\"}\n{\"t\"") << 1 << true;
    QTest::newRow("unknown keys kept") << QByteArray("{\"t\":1,\"kind\":\"future.kind\",\"novel\":{\"x\":[1,2]}}\n")
                                       << 1 << false;
    QTest::newRow("blank lines skipped") << QByteArray("\n{\"t\":1,\"kind\":\"a\"}\n  \n{\"t\":2,\"kind\":\"b\"}\n")
                                         << 2 << false;
    QTest::newRow("small step back in t")
        << QByteArray("{\"t\":5,\"kind\":\"a\"}\n{\"t\":4.5,\"kind\":\"b\"}\n") << 2 << false;
    QTest::newRow("CRLF line ends") << QByteArray("{\"t\":1,\"kind\":\"a\"}\r\n") << 1 << false;
}

void tst_SessionReader::accepted()
{
    QFETCH(QByteArray, body);
    QFETCH(int, events);
    QFETCH(bool, truncated);
    QByteArray bytes = kHeader + '\n' + body;
    QBuffer buffer(&bytes);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    SessionReader reader;
    QVERIFY2(reader.open(&buffer), qPrintable(reader.errorString()));
    QCOMPARE(reader.header().experiment, u"zombie"_s);
    QCOMPARE(reader.header().startUnix, 1764057600.5);
    SessionEvent event;
    int count = 0;
    while (reader.next(&event)) {
        ++count;
        if (event.kind == u"future.kind"_s)
            QCOMPARE(event.fields.value(u"novel"_s).toObject().value(u"x"_s).toArray().size(), 2);
    }
    QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
    QCOMPARE(count, events);
    QCOMPARE(reader.isTruncated(), truncated);
}

void tst_SessionReader::refused_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("says");
    const QByteArray h = kHeader + '\n';
    const QByteArray e = "{\"t\":1,\"kind\":\"a\"}\n";
    QTest::newRow("empty file") << QByteArray() << 1 << u"empty"_s;
    QTest::newRow("not JSON") << QByteArray("hello\n") << 1 << u"not valid JSON"_s;
    QTest::newRow("header is an array") << QByteArray("[1,2]\n") << 1 << u"not a JSON object"_s;
    QTest::newRow("other format") << QByteArray("{\"format\":\"x\",\"version\":1}\n") << 1 << u"proclab-session"_s;
    QTest::newRow("version 2") << QByteArray(kHeader).replace("\"version\":1", "\"version\":2") + '\n'
                               << 1 << u"version 2"_s;
    QTest::newRow("version as text") << QByteArray(kHeader).replace("\"version\":1", "\"version\":\"1\"") + '\n'
                                     << 1 << u"integer"_s;
    QTest::newRow("no start_unix") << QByteArray(kHeader).replace("\"start_unix\"", "\"begin\"") + '\n'
                                   << 1 << u"start_unix"_s;
    QTest::newRow("header cut short") << kHeader.left(40) << 1 << u"header"_s;
    QTest::newRow("blank first line") << "\n" + h << 1 << u"header"_s;
    QTest::newRow("malformed line 3") << h + e + "{\"t\":2,\"kind\":}\n" + e << 3 << u"not valid JSON"_s;
    QTest::newRow("event without kind") << h + "{\"t\":2}\n" << 2 << u"kind"_s;
    QTest::newRow("t as text") << h + "{\"t\":\"2\",\"kind\":\"a\"}\n" << 2 << u"\"t\""_s;
    QTest::newRow("event is an array") << h + e + "[42]\n" << 3 << u"not a JSON object"_s;
    QTest::newRow("invalid UTF-8") << h + "{\"t\":1,\"kind\":\"output\",\"line\":\"caf\xE9\"}\n" + e << 2 << u"UTF-8"_s;
    QTest::newRow("line over 1 MiB") << h + e + "{\"t\":2,\"kind\":\"output\",\"line\":\"" +
                                            QByteArray(SessionReader::MaxLineBytes, 'x') + "\"}\n"
                                     << 3 << u"1 MiB"_s;
    QTest::newRow("t goes back 20 s") << h + "{\"t\":30,\"kind\":\"a\"}\n{\"t\":10,\"kind\":\"b\"}\n"
                                      << 3 << u"goes back"_s;
}

void tst_SessionReader::refused()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, line);
    QFETCH(QString, says);
    QBuffer buffer(&bytes);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    SessionReader reader;
    bool ok = reader.open(&buffer);
    SessionEvent event;
    while (ok && reader.next(&event)) {
    }
    QVERIFY(reader.hasError());
    QCOMPARE(reader.errorLine(), line);
    QVERIFY2(reader.errorString().startsWith(u"line %1: "_s.arg(line)), qPrintable(reader.errorString()));
    QVERIFY2(reader.errorString().contains(says), qPrintable(reader.errorString()));
    QVERIFY(!reader.errorString().contains(u'\n'));
    QVERIFY(!reader.isTruncated());
}

namespace {
// The header, a valid event on line 2, and the event under test on line 3.
QByteArray sessionWith(const QByteArray &event)
{
    return kHeader + "\n{\"t\":1,\"kind\":\"experiment.start\"}\n" + event + "\n";
}

const QByteArray kSample = "{\"t\":2,\"kind\":\"task.sample\",\"pid\":5,\"tid\":6,\"state\":\"running\","
                           "\"running\":1,\"ready\":0,\"blocked\":0,\"cpu\":100,\"core\":0,\"reason\":\"\"}";
const QByteArray kQueue = "{\"t\":2,\"kind\":\"queue.sample\",\"queue\":\"Q1\",\"depth\":8,\"capacity\":8,"
                          "\"puts\":34,\"gets\":26,\"blocked_putters\":2,\"blocked_getters\":0}";
const QByteArray kCpu = "{\"t\":2,\"kind\":\"cpu.sample\",\"cpus\":[{\"core\":0,\"busy\":0.2,\"user\":0.15,"
                        "\"system\":0.05,\"iowait\":0,\"steal\":0}]}";
const QByteArray kState = "{\"t\":2,\"kind\":\"task.state\",\"pid\":5,\"tid\":6,\"from\":\"running\","
                          "\"to\":\"blocked\",\"reason\":\"queue full\"}";

QByteArray with(QByteArray event, const QByteArray &from, const QByteArray &to)
{
    return event.replace(from, to);
}
} // namespace

void tst_SessionReader::fieldRefused_data()
{
    QTest::addColumn<QByteArray>("event");
    QTest::addColumn<QString>("says");
    // Shares of a thread and of a core: finite, 0…1.
    QTest::newRow("running above 1") << with(kSample, "\"running\":1", "\"running\":1.5") << u"\"running\""_s;
    QTest::newRow("ready negative") << with(kSample, "\"ready\":0", "\"ready\":-0.2") << u"\"ready\""_s;
    QTest::newRow("blocked as text") << with(kSample, "\"blocked\":0", "\"blocked\":\"0\"") << u"\"blocked\""_s;
    QTest::newRow("blocked 1e300") << with(kSample, "\"blocked\":0", "\"blocked\":1e300") << u"\"blocked\""_s;
    QTest::newRow("gil above 1") << with(kSample, "\"core\":0", "\"core\":0,\"gil\":2") << u"\"gil\""_s;
    QTest::newRow("busy above 1") << with(kCpu, "\"busy\":0.2", "\"busy\":1.01") << u"cpus: \"busy\""_s;
    QTest::newRow("user negative") << with(kCpu, "\"user\":0.15", "\"user\":-1") << u"cpus: \"user\""_s;
    QTest::newRow("system as text") << with(kCpu, "\"system\":0.05", "\"system\":\"x\"") << u"\"system\""_s;
    QTest::newRow("iowait above 1") << with(kCpu, "\"iowait\":0", "\"iowait\":3") << u"\"iowait\""_s;
    QTest::newRow("steal above 1") << with(kCpu, "\"steal\":0", "\"steal\":1.1") << u"\"steal\""_s;
    // State names.
    QTest::newRow("state unknown") << with(kSample, "\"state\":\"running\"", "\"state\":\"flying\"")
                                   << u"\"state\" must be a state name"_s;
    QTest::newRow("state upper case") << with(kSample, "\"state\":\"running\"", "\"state\":\"Running\"")
                                      << u"\"state\""_s;
    QTest::newRow("state a number") << with(kSample, "\"state\":\"running\"", "\"state\":2") << u"\"state\""_s;
    QTest::newRow("to unknown") << with(kState, "\"to\":\"blocked\"", "\"to\":\"asleep\"") << u"\"to\""_s;
    QTest::newRow("from a number") << with(kState, "\"from\":\"running\"", "\"from\":3") << u"\"from\""_s;
    QTest::newRow("reparent to as text")
        << QByteArray("{\"t\":2,\"kind\":\"process.reparent\",\"pid\":5,\"from\":4,\"to\":\"init\"}") << u"\"to\""_s;
    // Queue counters.
    QTest::newRow("depth negative") << with(kQueue, "\"depth\":8", "\"depth\":-1") << u"\"depth\""_s;
    QTest::newRow("depth fractional") << with(kQueue, "\"depth\":8", "\"depth\":2.5") << u"\"depth\""_s;
    QTest::newRow("depth over capacity") << with(kQueue, "\"depth\":8", "\"depth\":9")
                                         << u"\"depth\" (9) must not be more than \"capacity\" (8)"_s;
    QTest::newRow("capacity as text") << with(kQueue, "\"capacity\":8", "\"capacity\":\"8\"") << u"\"capacity\""_s;
    QTest::newRow("puts 1e300") << with(kQueue, "\"puts\":34", "\"puts\":1e300") << u"\"puts\""_s;
    QTest::newRow("gets negative") << with(kQueue, "\"gets\":26", "\"gets\":-3") << u"\"gets\""_s;
    QTest::newRow("blocked_putters fractional") << with(kQueue, "\"blocked_putters\":2", "\"blocked_putters\":0.5")
                                                << u"\"blocked_putters\""_s;
    QTest::newRow("blocked_getters negative") << with(kQueue, "\"blocked_getters\":0", "\"blocked_getters\":-1")
                                              << u"\"blocked_getters\""_s;
    // Fields a kind cannot do without.
    QTest::newRow("sample without tid") << with(kSample, "\"tid\":6,", "") << u"needs \"tid\""_s;
    QTest::newRow("sample without state") << with(kSample, "\"state\":\"running\",", "") << u"needs \"state\""_s;
    QTest::newRow("state without to") << with(kState, "\"to\":\"blocked\",", "") << u"needs \"to\""_s;
    QTest::newRow("state with null pid") << with(kState, "\"pid\":5", "\"pid\":null") << u"needs \"pid\""_s;
    QTest::newRow("cpu.sample without cpus") << QByteArray("{\"t\":2,\"kind\":\"cpu.sample\"}") << u"needs \"cpus\""_s;
    QTest::newRow("queue without capacity") << with(kQueue, "\"capacity\":8,", "") << u"needs \"capacity\""_s;
    QTest::newRow("queue without name") << with(kQueue, "\"queue\":\"Q1\",", "") << u"needs \"queue\""_s;
    QTest::newRow("thread.start without tid")
        << QByteArray("{\"t\":2,\"kind\":\"thread.start\",\"pid\":5,\"role\":\"producer-1\"}") << u"needs \"tid\""_s;
    QTest::newRow("process.exit without pid") << QByteArray("{\"t\":2,\"kind\":\"process.exit\",\"code\":0}")
                                              << u"needs \"pid\""_s;
    QTest::newRow("reparent without from")
        << QByteArray("{\"t\":2,\"kind\":\"process.reparent\",\"pid\":5,\"to\":1}") << u"needs \"from\""_s;
}

void tst_SessionReader::fieldRefused()
{
    QFETCH(QByteArray, event);
    QFETCH(QString, says);
    for (const bool lastLineWithoutNewline : {false, true}) {
        QByteArray bytes = sessionWith(event);
        if (lastLineWithoutNewline)
            bytes.chop(1);
        QBuffer buffer(&bytes);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        SessionReader reader;
        QVERIFY2(reader.open(&buffer), qPrintable(reader.errorString()));
        SessionEvent read;
        int count = 0;
        while (reader.next(&read))
            ++count;
        QCOMPARE(count, 1);
        if (lastLineWithoutNewline) {
            // A last line the reader refuses is taken for one a crash cut: not read, and said so.
            QVERIFY(reader.isTruncated());
            continue;
        }
        QVERIFY(reader.hasError());
        QCOMPARE(reader.errorLine(), 3);
        QVERIFY2(reader.errorString().startsWith(u"line 3: "_s), qPrintable(reader.errorString()));
        QVERIFY2(reader.errorString().contains(says), qPrintable(reader.errorString()));
        QVERIFY(!reader.errorString().contains(u'\n'));
    }
}

void tst_SessionReader::fieldAccepted_data()
{
    QTest::addColumn<QByteArray>("event");
    QTest::newRow("sample") << kSample;
    QTest::newRow("shares within rounding") << with(kSample, "\"running\":1", "\"running\":1.0000005");
    QTest::newRow("share a hair below 0") << with(kSample, "\"ready\":0", "\"ready\":-0.0000005");
    QTest::newRow("gil share") << with(kSample, "\"core\":0", "\"core\":0,\"gil\":0.5");
    QTest::newRow("state terminated")
        << with(kSample, "\"state\":\"running\"", "\"state\":\"terminated\"");
    QTest::newRow("state from new") << with(kState, "\"from\":\"running\"", "\"from\":\"new\"");
    QTest::newRow("cpu") << kCpu;
    QTest::newRow("busy a hair above 1") << with(kCpu, "\"busy\":0.2", "\"busy\":1.000001");
    QTest::newRow("queue full") << kQueue;
    QTest::newRow("empty queue of capacity 0") << with(with(kQueue, "\"depth\":8", "\"depth\":0"), "\"capacity\":8",
                                                      "\"capacity\":0");
    QTest::newRow("queue named by a number") << with(kQueue, "\"queue\":\"Q1\"", "\"queue\":0");
    QTest::newRow("queue without puts") << with(kQueue, "\"puts\":34,", "");
    QTest::newRow("reparent") << QByteArray("{\"t\":2,\"kind\":\"process.reparent\",\"pid\":5,\"from\":4,\"to\":1}");
    // The recorder's own marks: a shortened event keeps only some fields, a refused one none of its own.
    QTest::newRow("shortened sample") << QByteArray("{\"t\":2,\"kind\":\"task.sample\",\"pid\":5,\"tid\":6,"
                                                    "\"truncated_bytes\":300000}");
    QTest::newRow("shortened cpu sample") << QByteArray("{\"t\":2,\"kind\":\"cpu.sample\",\"truncated_bytes\":300000}");
    QTest::newRow("refused sample") << QByteArray("{\"t\":2,\"kind\":\"task.sample\",\"invalid_fields\":\"x\"}");
    // Kinds the reader does not know need nothing, and a "state" there is not a task's.
    QTest::newRow("unknown kind") << QByteArray("{\"t\":2,\"kind\":\"future.kind\",\"state\":\"flying\",\"depth\":-1}");
}

void tst_SessionReader::fieldAccepted()
{
    QFETCH(QByteArray, event);
    QByteArray bytes = sessionWith(event);
    QBuffer buffer(&bytes);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    SessionReader reader;
    QVERIFY2(reader.open(&buffer), qPrintable(reader.errorString()));
    SessionEvent read;
    int count = 0;
    while (reader.next(&read))
        ++count;
    QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
    QCOMPARE(count, 2);
}

void tst_SessionReader::missingFile()
{
    SessionReader reader;
    QVERIFY(!reader.open(m_dir.filePath(u"nothing-here.jsonl"_s)));
    QVERIFY(reader.errorString().contains(u"nothing-here.jsonl"_s));
}

void tst_SessionReader::streamsLargeFile()
{
    // Lines straddle the reader's 256 KiB chunks many times over.
    const QString path = m_dir.filePath(u"large.jsonl"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(kHeader + '\n');
    const int events = 60000;
    for (int i = 0; i < events; ++i)
        file.write("{\"t\":" + QByteArray::number(i * 0.001) + ",\"kind\":\"output\",\"line\":\"" +
                   QByteArray(i % 97, 'y') + "\",\"seq\":" + QByteArray::number(i) + "}\n");
    file.close();
    SessionReader reader;
    QVERIFY(reader.open(path));
    SessionEvent event;
    int expected = 0;
    while (reader.next(&event)) {
        if (event.fields.value(u"seq"_s).toInt() != expected)
            QFAIL(qPrintable(u"event %1 out of place"_s.arg(expected)));
        ++expected;
    }
    QVERIFY(!reader.hasError());
    QCOMPARE(expected, events);
    QCOMPARE(reader.lineNumber(), events + 1);
}

QTEST_APPLESS_MAIN(tst_SessionReader)
#include "tst_sessionreader.moc"
