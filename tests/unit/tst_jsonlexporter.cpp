// JsonlExporter: a normalised copy reads back to the same session; bad input leaves no file behind.
#include "session/JsonlExporter.h"
#include "session/SessionReader.h"

#include <QBuffer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {
QString fixture(const char *name)
{
    return QStringLiteral(PROCLAB_FIXTURES_DIR "/sessions/") + QString::fromLatin1(name);
}
} // namespace

class tst_JsonlExporter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void copyReadsBackTheSame();
    void normalisedCopyIsStable();
    void truncatedBecomesWhole();
    void corruptInputWritesNothing();
    void unwritableOutput();

private:
    QTemporaryDir m_dir;
};

void tst_JsonlExporter::copyReadsBackTheSame()
{
    SessionReader reader;
    QVERIFY(reader.open(fixture("complete.jsonl")));
    JsonlExporter exporter;
    const QString out = m_dir.filePath(u"copy.jsonl"_s);
    QVERIFY2(exporter.exportTo(reader, out), qPrintable(exporter.errorString()));
    QCOMPARE(exporter.writtenFiles(), QStringList{out});

    SessionReader::Contents original;
    SessionReader::Contents copy;
    QString error;
    QVERIFY(SessionReader::readAll(fixture("complete.jsonl"), &original, &error));
    QVERIFY2(SessionReader::readAll(out, &copy, &error), qPrintable(error));
    QCOMPARE(copy.header.toJson(), original.header.toJson());
    QCOMPARE(copy.events.size(), original.events.size());
    for (qsizetype i = 0; i < copy.events.size(); ++i) {
        QCOMPARE(copy.events[i].t, original.events[i].t);
        QCOMPARE(copy.events[i].kind, original.events[i].kind);
        QCOMPARE(copy.events[i].fields, original.events[i].fields);
    }
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("{\"format\":\"proclab-session\",\"version\":1,"));
    QVERIFY(bytes.endsWith("}\n"));
    QCOMPARE(bytes.count('\n'), 73);
}

void tst_JsonlExporter::normalisedCopyIsStable()
{
    // Exporting the export changes nothing: the normal form is a fixed point.
    QByteArray first;
    QByteArray second;
    {
        SessionReader reader;
        QVERIFY(reader.open(fixture("complete.jsonl")));
        QBuffer out(&first);
        QVERIFY(out.open(QIODevice::WriteOnly));
        QVERIFY(JsonlExporter().write(reader, &out));
    }
    {
        QBuffer in(&first);
        QVERIFY(in.open(QIODevice::ReadOnly));
        SessionReader reader;
        QVERIFY(reader.open(&in));
        QBuffer out(&second);
        QVERIFY(out.open(QIODevice::WriteOnly));
        QVERIFY(JsonlExporter().write(reader, &out));
    }
    QCOMPARE(second, first);
}

void tst_JsonlExporter::truncatedBecomesWhole()
{
    SessionReader reader;
    QVERIFY(reader.open(fixture("truncated.jsonl")));
    const QString out = m_dir.filePath(u"whole.jsonl"_s);
    JsonlExporter exporter;
    QVERIFY(exporter.exportTo(reader, out));
    QVERIFY(reader.isTruncated());
    SessionReader::Contents copy;
    QString error;
    QVERIFY(SessionReader::readAll(out, &copy, &error));
    QVERIFY(!copy.truncated);
    QCOMPARE(copy.events.size(), 72);
}

void tst_JsonlExporter::corruptInputWritesNothing()
{
    QByteArray bytes;
    QFile good(fixture("complete.jsonl"));
    QVERIFY(good.open(QIODevice::ReadOnly));
    bytes = good.readAll();
    // Break line 40 of 73: the exporter has already written a good part when it meets it.
    QList<QByteArray> lines = bytes.split('\n');
    lines[39] = "{\"t\":2.1,\"kind\":broken}";
    bytes = lines.join('\n');
    QBuffer in(&bytes);
    QVERIFY(in.open(QIODevice::ReadOnly));
    SessionReader reader;
    QVERIFY(reader.open(&in));
    const QString out = m_dir.filePath(u"never.jsonl"_s);
    JsonlExporter exporter;
    QVERIFY(!exporter.exportTo(reader, out));
    QVERIFY2(exporter.errorString().startsWith(u"line 40: "_s), qPrintable(exporter.errorString()));
    QVERIFY(!QFile::exists(out));
    QCOMPARE(QDir(m_dir.path()).entryList({u"never*"_s}, QDir::Files | QDir::Hidden), QStringList());
}

void tst_JsonlExporter::unwritableOutput()
{
    SessionReader reader;
    QVERIFY(reader.open(fixture("complete.jsonl")));
    JsonlExporter exporter;
    QVERIFY(!exporter.exportTo(reader, u"/proc/proclab-no/copy.jsonl"_s));
    QVERIFY(exporter.errorString().contains(u"copy.jsonl"_s));
    QVERIFY(exporter.writtenFiles().isEmpty());
}

QTEST_APPLESS_MAIN(tst_JsonlExporter)
#include "tst_jsonlexporter.moc"
