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
