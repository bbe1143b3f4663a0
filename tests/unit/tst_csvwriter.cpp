// CsvWriter: RFC 4180 quoting and row ends.
#include "session/CsvWriter.h"

#include <QBuffer>
#include <QTest>
#include <limits>

using namespace Qt::Literals::StringLiterals;

class tst_CsvWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void quoting_data();
    void quoting();
    void rows();
};

void tst_CsvWriter::quoting_data()
{
    QTest::addColumn<QByteArray>("field");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("plain") << QByteArray("queue empty") << QByteArray("queue empty");
    QTest::newRow("comma") << QByteArray("a,b") << QByteArray("\"a,b\"");
    QTest::newRow("quote") << QByteArray("say \"hi\"") << QByteArray("\"say \"\"hi\"\"\"");
    QTest::newRow("newline") << QByteArray("two\nlines") << QByteArray("\"two\nlines\"");
    QTest::newRow("carriage return") << QByteArray("a\rb") << QByteArray("\"a\rb\"");
    QTest::newRow("json") << QByteArray("{\"a\":1,\"b\":2}") << QByteArray("\"{\"\"a\"\":1,\"\"b\"\":2}\"");
    QTest::newRow("empty") << QByteArray() << QByteArray();
    // Formula injection: a crafted session must not give a spreadsheet a formula to run.
    QTest::newRow("formula") << QByteArray("=HYPERLINK(\"http://x\")") << QByteArray("\"'=HYPERLINK(\"\"http://x\"\")\"");
    QTest::newRow("plus formula") << QByteArray("+cmd|' /C calc'!A0") << QByteArray("'+cmd|' /C calc'!A0");
    QTest::newRow("minus formula") << QByteArray("-2+3") << QByteArray("'-2+3");
    QTest::newRow("at") << QByteArray("@SUM(A1)") << QByteArray("'@SUM(A1)");
    QTest::newRow("tab") << QByteArray("\t=1") << QByteArray("'\t=1");
    QTest::newRow("carriage return first") << QByteArray("\r=1") << QByteArray("\"'\r=1\"");
    QTest::newRow("minus alone") << QByteArray("-") << QByteArray("'-");
    QTest::newRow("minus inf") << QByteArray("-inf") << QByteArray("'-inf");
    QTest::newRow("negative number") << QByteArray("-3") << QByteArray("-3");
    QTest::newRow("signed decimal") << QByteArray("+1.5e-3") << QByteArray("+1.5e-3");
    QTest::newRow("negative fraction") << QByteArray("-.5") << QByteArray("-.5");
    QTest::newRow("equals inside") << QByteArray("a=b") << QByteArray("a=b");
}

void tst_CsvWriter::quoting()
{
    QFETCH(QByteArray, field);
    QFETCH(QByteArray, expected);
    // Through a writer, as the exporters write: quoting and the neutralising of formulas together.
    QByteArray bytes;
    QBuffer buffer(&bytes);
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    CsvWriter csv(&buffer);
    csv.field(field);
    csv.endRow();
    QVERIFY(csv.flush());
    QCOMPARE(bytes, expected + "\r\n");
    // The same text as a QString, as the exporters pass most fields.
    bytes.clear();
    buffer.seek(0);
    CsvWriter text(&buffer);
    text.field(QString::fromUtf8(field));
    text.endRow();
    QVERIFY(text.flush());
    QCOMPARE(bytes, expected + "\r\n");
}

void tst_CsvWriter::rows()
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    CsvWriter csv(&buffer);
    csv.field(QByteArray("t")).field(QByteArray("name")).field(QByteArray("x"));
    csv.endRow();
    csv.seconds(1.5).field(u"生产者, 1"_s).field(std::numeric_limits<double>::quiet_NaN());
    csv.endRow();
    csv.seconds(2).field(qint64(42)).empty();
    csv.endRow();
    QVERIFY(csv.flush());
    QCOMPARE(bytes, QByteArray("t,name,x\r\n1.5,\"\xE7\x94\x9F\xE4\xBA\xA7\xE8\x80\x85, 1\",\r\n2,42,\r\n"));
}

QTEST_APPLESS_MAIN(tst_CsvWriter)
#include "tst_csvwriter.moc"
