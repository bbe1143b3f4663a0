// The control protocol's wire format: what is accepted, what is refused, and that encode/decode round-trip.
#include "control/ControlMessage.h"

#include <QTest>

class tst_ControlMessage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void decode_data();
    void decode();
    void roundTrip();
    void refusesUnencodable_data();
    void refusesUnencodable();
    void numbers();
};

void tst_ControlMessage::decode_data()
{
    QTest::addColumn<QByteArray>("packet");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<int>("id");
    QTest::newRow("request") << QByteArray("add 7 role=producer rate=2.5") << true << QByteArray("add") << 7;
    QTest::newRow("no fields") << QByteArray("hello 0") << true << QByteArray("hello") << 0;
    QTest::newRow("dashed verb") << QByteArray("thread-exit 0 tid=12") << true << QByteArray("thread-exit") << 0;
    QTest::newRow("empty") << QByteArray() << false << QByteArray() << 0;
    QTest::newRow("no id") << QByteArray("add") << false << QByteArray() << 0;
    QTest::newRow("negative id") << QByteArray("add -1") << false << QByteArray() << 0;
    QTest::newRow("plus id") << QByteArray("add +1") << false << QByteArray() << 0;
    QTest::newRow("upper-case verb") << QByteArray("ADD 1") << false << QByteArray() << 0;
    QTest::newRow("field without =") << QByteArray("add 1 role") << false << QByteArray() << 0;
    QTest::newRow("empty value") << QByteArray("add 1 role=") << false << QByteArray() << 0;
    QTest::newRow("empty key") << QByteArray("add 1 =x") << false << QByteArray() << 0;
    QTest::newRow("double space") << QByteArray("add 1  role=x") << false << QByteArray() << 0;
    QTest::newRow("newline") << QByteArray("add 1 role=x\n") << false << QByteArray() << 0;
    QTest::newRow("too long") << QByteArray("add 1 name=" + QByteArray(1100, 'a')) << false << QByteArray() << 0;
}

void tst_ControlMessage::decode()
{
    QFETCH(QByteArray, packet);
    QFETCH(bool, valid);
    QFETCH(QByteArray, verb);
    QFETCH(int, id);
    const std::optional<ControlMessage> message = ControlMessage::decode(packet);
    QCOMPARE(message.has_value(), valid);
    if (valid) {
        QCOMPARE(message->verb(), verb);
        QCOMPARE(int(message->id()), id);
    }
}

void tst_ControlMessage::roundTrip()
{
    ControlMessage message("take", 42);
    message.set("tid", 812).set("locks", "0,2,1").set("tid", 813);
    const QByteArray packet = message.encode();
    QCOMPARE(packet, QByteArray("take 42 tid=813 locks=0,2,1"));
    const std::optional<ControlMessage> back = ControlMessage::decode(packet);
    QVERIFY(back);
    QCOMPARE(back->number("tid", 0), std::optional<qint64>(813));
    QCOMPARE(back->numberList("locks"), std::optional<QList<int>>(QList<int>{0, 2, 1}));
    QCOMPARE(back->encode(), packet);
}

void tst_ControlMessage::refusesUnencodable_data()
{
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("value");
    QTest::newRow("space in value") << QByteArray("add") << QByteArray("name") << QByteArray("a b");
    QTest::newRow("= in value") << QByteArray("add") << QByteArray("name") << QByteArray("a=b");
    QTest::newRow("non-ASCII value") << QByteArray("add") << QByteArray("name") << QByteArray("\xe7\x94\x9f");
    QTest::newRow("digit in key") << QByteArray("add") << QByteArray("k1") << QByteArray("x");
    QTest::newRow("empty verb") << QByteArray() << QByteArray("k") << QByteArray("x");
    QTest::newRow("too long") << QByteArray("add") << QByteArray("name") << QByteArray(1100, 'x');
}

void tst_ControlMessage::refusesUnencodable()
{
    QFETCH(QByteArray, verb);
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, value);
    ControlMessage message(verb, 1);
    message.set(key, value);
    QVERIFY(message.encode().isEmpty());
}

void tst_ControlMessage::numbers()
{
    const ControlMessage message = *ControlMessage::decode("ok 3 tid=12 locks=1,x rate=abc");
    QCOMPARE(message.number("tid", 0), std::optional<qint64>(12));
    QCOMPARE(message.number("missing", -5), std::optional<qint64>(-5));
    QVERIFY(!message.number("rate", 0));
    QVERIFY(!message.numberList("locks"));
    QCOMPARE(message.numberList("missing"), std::optional<QList<int>>(QList<int>()));
    QVERIFY(!message.has("missing"));
    QVERIFY(message.value("missing").isEmpty());
}

QTEST_APPLESS_MAIN(tst_ControlMessage)
#include "tst_controlmessage.moc"
