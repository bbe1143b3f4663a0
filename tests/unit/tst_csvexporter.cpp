// CsvExporter: four tidy tables that parse back (RFC 4180) to the session's events and samples.
#include "session/CsvExporter.h"
#include "session/SessionReader.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {
QString fixture(const char *name)
{
    return QStringLiteral(PROCLAB_FIXTURES_DIR "/sessions/") + QString::fromLatin1(name);
}

// A strict RFC 4180 reader, independent of the writer: rows of fields; quoted fields may hold , " CR LF.
QList<QStringList> parseCsv(const QByteArray &bytes, bool *ok)
{
    QList<QStringList> rows;
    QStringList row;
    QByteArray field;
    bool quoted = false;
    bool wasQuoted = false;
    *ok = true;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes[i];
        if (quoted) {
            if (c == '"' && i + 1 < bytes.size() && bytes[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            if (!field.isEmpty())
                *ok = false;
            quoted = wasQuoted = true;
        } else if (c == ',') {
            row << QString::fromUtf8(field);
            field.clear();
            wasQuoted = false;
        } else if (c == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n') {
            row << QString::fromUtf8(field);
            rows << row;
            row.clear();
            field.clear();
            wasQuoted = false;
            ++i;
        } else if (c == '\n' || c == '\r') {
            *ok = false; // a bare line end outside quotes
        } else {
            if (wasQuoted)
                *ok = false;
            field += c;
        }
    }
    if (quoted || !field.isEmpty() || !row.isEmpty())
        *ok = false;
    return rows;
}

QList<QStringList> readCsv(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    bool ok = false;
    const QList<QStringList> rows = parseCsv(file.readAll(), &ok);
    return ok ? rows : QList<QStringList>{};
}
} // namespace

class tst_CsvExporter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void companionPaths_data();
    void companionPaths();
    void tablesParseBack();
    void corruptInputWritesNoFile();

private:
    QTemporaryDir m_dir;
};

void tst_CsvExporter::companionPaths_data()
{
    QTest::addColumn<QString>("output");
    QTest::addColumn<QString>("tasks");
    QTest::newRow("csv") << u"/x/run.csv"_s << u"/x/run.tasks.csv"_s;
    QTest::newRow("upper case") << u"/x/run.CSV"_s << u"/x/run.tasks.csv"_s;
    QTest::newRow("no suffix") << u"/x/run"_s << u"/x/run.tasks.csv"_s;
    QTest::newRow("dots in name") << u"/x/run.1.csv"_s << u"/x/run.1.tasks.csv"_s;
}

void tst_CsvExporter::companionPaths()
{
    QFETCH(QString, output);
    QFETCH(QString, tasks);
    QCOMPARE(CsvExporter::companionPaths(output).first(), tasks);
}

void tst_CsvExporter::tablesParseBack()
{
    SessionReader::Contents session;
    QString error;
    QVERIFY(SessionReader::readAll(fixture("complete.jsonl"), &session, &error));
    QList<SessionEvent> others;
    QList<SessionEvent> taskSamples;
    int cpuRows = 0;
    int queueRows = 0;
    for (const SessionEvent &e : session.events) {
        if (e.kind == u"task.sample"_s)
            taskSamples << e;
        else if (e.kind == u"cpu.sample"_s)
            cpuRows += int(e.fields.value(u"cpus"_s).toArray().size());
        else if (e.kind == u"queue.sample"_s)
            ++queueRows;
        else
            others << e;
    }

    SessionReader reader;
    QVERIFY(reader.open(fixture("complete.jsonl")));
    CsvExporter exporter;
    const QString out = m_dir.filePath(u"run.csv"_s);
    QVERIFY2(exporter.exportTo(reader, out), qPrintable(exporter.errorString()));
    QCOMPARE(exporter.writtenFiles().size(), 4);

    const QList<QStringList> events = readCsv(out);
    const QStringList header = events.value(0);
    QCOMPARE(header, CsvExporter::eventColumns());
    QCOMPARE(header.mid(0, 4), (QStringList{u"t"_s, u"kind"_s, u"pid"_s, u"tid"_s}));
    QCOMPARE(header.last(), u"other"_s);
    QCOMPARE(events.size(), others.size() + 1);
    for (qsizetype i = 0; i < others.size(); ++i) {
        const QStringList &row = events[i + 1];
        QCOMPARE(row.size(), header.size());
        QCOMPARE(row[0].toDouble(), others[i].t);
        QCOMPARE(row[1], others[i].kind);
        // Whole numbers in every row, 0 when the event names no task: the columns load as integers.
        for (int column : {2, 3}) {
            const QJsonValue id = others[i].fields.value(header[column]);
            QCOMPARE(row[column], QString::number(id.isDouble() ? id.toInteger() : 0));
        }
        // Every field is in its column or in `other`, which is always one JSON object.
        QJsonParseError parseError;
        const QJsonObject other = QJsonDocument::fromJson(row.last().toUtf8(), &parseError).object();
        QCOMPARE(parseError.error, QJsonParseError::NoError);
        for (auto it = others[i].fields.constBegin(); it != others[i].fields.constEnd(); ++it) {
            const qsizetype column = header.indexOf(it.key());
            if (column < 0 || it->isArray() || it->isObject()) {
                QVERIFY2(other.value(it.key()) == it.value(), qPrintable(it.key()));
            } else if (it->isString()) {
                QCOMPARE(row[column], it->toString());
            } else if (it->isDouble()) {
                QCOMPARE(row[column].toDouble(), it->toDouble());
            }
        }
    }

    const QStringList paths = CsvExporter::companionPaths(out);
    const QList<QStringList> tasks = readCsv(paths[0]);
    QCOMPARE(tasks.value(0), (QStringList{u"t"_s, u"pid"_s, u"tid"_s, u"state"_s, u"running"_s, u"ready"_s,
                                          u"blocked"_s, u"cpu"_s, u"core"_s, u"reason"_s, u"gil"_s}));
    QCOMPARE(tasks.size(), taskSamples.size() + 1);
    for (qsizetype i = 0; i < taskSamples.size(); ++i) {
        const QJsonObject &f = taskSamples[i].fields;
        const QStringList &row = tasks[i + 1];
        QCOMPARE(row[2].toLongLong(), f.value(u"tid"_s).toInteger());
        QCOMPARE(row[3], f.value(u"state"_s).toString());
        QCOMPARE(row[6].toDouble(), f.value(u"blocked"_s).toDouble());
        QCOMPARE(row[9], f.value(u"reason"_s).toString());
        const QJsonValue gil = f.value(u"gil"_s);
        QCOMPARE(row.value(10).isEmpty(), !gil.isDouble());
        if (gil.isDouble())
            QCOMPARE(row[10].toDouble(), gil.toDouble());
    }
    const QList<QStringList> cpus = readCsv(paths[1]);
    QCOMPARE(cpus.value(0),
             (QStringList{u"t"_s, u"core"_s, u"busy"_s, u"user"_s, u"system"_s, u"iowait"_s, u"steal"_s}));
    QCOMPARE(cpus.size(), cpuRows + 1);
    QCOMPARE(cpus[2][1], u"1"_s);
    const QList<QStringList> queues = readCsv(paths[2]);
    QCOMPARE(queues.value(0), (QStringList{u"t"_s, u"queue"_s, u"depth"_s, u"capacity"_s, u"puts"_s, u"gets"_s,
                                           u"blocked_putters"_s, u"blocked_getters"_s}));
    QCOMPARE(queues.size(), queueRows + 1);
    QCOMPARE(queues.last()[2], u"8"_s);
}

void tst_CsvExporter::corruptInputWritesNoFile()
{
    QByteArray bytes = R"({"format":"proclab-session","version":1,"start_unix":1,"experiment":"x","parameters":{}})"
                       "\n{\"t\":1,\"kind\":\"task.sample\",\"pid\":3,\"tid\":3,\"state\":\"running\"}\n\xFF\n";
    QBuffer in(&bytes);
    QVERIFY(in.open(QIODevice::ReadOnly));
    SessionReader reader;
    QVERIFY(reader.open(&in));
    CsvExporter exporter;
    const QString out = m_dir.filePath(u"bad.csv"_s);
    QVERIFY(!exporter.exportTo(reader, out));
    QVERIFY2(exporter.errorString().startsWith(u"line 3: "_s), qPrintable(exporter.errorString()));
    QCOMPARE(QDir(m_dir.path()).entryList({u"bad*"_s}, QDir::Files | QDir::Hidden), QStringList());
}

QTEST_APPLESS_MAIN(tst_CsvExporter)
#include "tst_csvexporter.moc"
