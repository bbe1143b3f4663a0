// SessionJsonWriter: what it writes must read back, through QJsonDocument, as the same values.
#include "base/SessionEvent.h"
#include "session/SessionJsonWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <cmath>
#include <limits>

using namespace Qt::Literals::StringLiterals;

class tst_SessionJsonWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void stringsRoundTrip_data();
    void stringsRoundTrip();
    void loneSurrogateBecomesReplacement();
    void numbers_data();
    void numbers();
    void seconds_data();
    void seconds();
    void eventLineMatchesQJsonDocument();
    void eventFieldsCannotShadowTAndKind();
};

void tst_SessionJsonWriter::stringsRoundTrip_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("plain") << u"queue empty"_s;
    QTest::newRow("quotes and backslash") << u"say \"hi\" \\ bye"_s;
    QTest::newRow("control characters") << u"a\nb\tc\rd\u0001e\u001f"_s;
    QTest::newRow("hostile comm") << u"a ) (b"_s;
    QTest::newRow("chinese") << u"生产者-3"_s;
    QTest::newRow("emoji (surrogate pair)") << u"🧵 thread"_s;
    QTest::newRow("empty") << QString();
}

void tst_SessionJsonWriter::stringsRoundTrip()
{
    QFETCH(QString, text);
    QByteArray json = "[";
    SessionJsonWriter::appendString(json, text);
    json += "]";
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(document.array().at(0).toString(), text);
    QVERIFY(!json.contains('\n'));
}

void tst_SessionJsonWriter::loneSurrogateBecomesReplacement()
{
    QString text = u"x"_s;
    text += QChar(0xD800);
    text += u"y"_s;
    QByteArray json;
    SessionJsonWriter::appendString(json, text);
    QCOMPARE(json, QByteArray("\"x\xEF\xBF\xBDy\""));
}

void tst_SessionJsonWriter::numbers_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("pid") << 4242.0 << QByteArray("4242");
    QTest::newRow("zero") << 0.0 << QByteArray("0");
    QTest::newRow("negative") << -3.0 << QByteArray("-3");
    QTest::newRow("share") << 0.4917 << QByteArray("0.4917");
    QTest::newRow("tenth") << 0.1 << QByteArray("0.1");
    QTest::newRow("epoch with µs") << 1764057600.123456 << QByteArray("1764057600.123456");
    QTest::newRow("nan") << std::numeric_limits<double>::quiet_NaN() << QByteArray("null");
    QTest::newRow("infinity") << std::numeric_limits<double>::infinity() << QByteArray("null");
}

void tst_SessionJsonWriter::numbers()
{
    QFETCH(double, value);
    QFETCH(QByteArray, expected);
    QByteArray json;
    SessionJsonWriter::appendNumber(json, value);
    QCOMPARE(json, expected);
}

void tst_SessionJsonWriter::seconds_data()
{
    QTest::addColumn<double>("t");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("whole") << 3.0 << QByteArray("3");
    QTest::newRow("half") << 12.5 << QByteArray("12.5");
    QTest::newRow("µs") << 0.000001 << QByteArray("0.000001");
    QTest::newRow("rounded to µs") << 1.23456789 << QByteArray("1.234568");
    QTest::newRow("negative") << -0.25 << QByteArray("-0.25");
    QTest::newRow("long session") << 86399.999999 << QByteArray("86399.999999");
}

void tst_SessionJsonWriter::seconds()
{
    QFETCH(double, t);
    QFETCH(QByteArray, expected);
    QByteArray json;
    SessionJsonWriter::appendSeconds(json, t);
    QCOMPARE(json, expected);
}

void tst_SessionJsonWriter::eventLineMatchesQJsonDocument()
{
    const SessionEvent event{
        1.5, u"deadlock.detected"_s,
        QJsonObject{
            {u"cycle"_s, QJsonArray{QJsonObject{
                             {u"pid"_s, 10}, {u"tid"_s, 11}, {u"waits_for"_s, u"lock L2"_s}, {u"held_by"_s, 12}}}},
            {u"flag"_s, true},
            {u"none"_s, QJsonValue::Null},
            {u"big"_s, qint64(1) << 60},
            {u"share"_s, 0.25}}};
    const QByteArray line = SessionJsonWriter::eventLine(event);
    QVERIFY(line.startsWith("{\"t\":1.5,\"kind\":\"deadlock.detected\","));
    QVERIFY(line.contains("\"big\":1152921504606846976"));
    const QJsonDocument ours = QJsonDocument::fromJson(line);
    const QJsonDocument theirs = QJsonDocument::fromJson(event.toJsonLine());
    QVERIFY(ours.isObject());
    QCOMPARE(ours.object(), theirs.object());
}

void tst_SessionJsonWriter::eventFieldsCannotShadowTAndKind()
{
    const SessionEvent event{2, u"output"_s, QJsonObject{{u"t"_s, 99}, {u"kind"_s, u"fake"_s}, {u"line"_s, u"x"_s}}};
    QCOMPARE(SessionJsonWriter::eventLine(event), QByteArray("{\"t\":2,\"kind\":\"output\",\"line\":\"x\"}"));
}

QTEST_APPLESS_MAIN(tst_SessionJsonWriter)
#include "tst_sessionjsonwriter.moc"
