// SvgWriter and SessionCharts' axis steps: well-formed SVG whatever the text, and round tick steps.
#include "session/SessionCharts.h"
#include "session/SvgWriter.h"

#include <QPointF>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::Literals::StringLiterals;

class tst_SvgWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void wellFormedWithHostileText();
    void tickStep_data();
    void tickStep();
};

void tst_SvgWriter::wellFormedWithHostileText()
{
    const QString hostile = u"a ) (b <script>&\"'\u0001\n生产者"_s;
    SvgWriter svg(100, 50, hostile);
    svg.rect(0, 0, 10, 10, u"#fff", hostile);
    svg.line(0, 0, 1.25, 1e300, u"#000", 1, u"4 2");
    svg.polyline({QPointF(0, 0), QPointF(3.14159, 2)}, u"red");
    svg.polygon({QPointF(0, 0), QPointF(1, 1), QPointF(1, 0)}, u"blue", 0.1);
    svg.text(5, 5, hostile, SvgWriter::Anchor::Middle);
    const QString out = svg.finish();
    QXmlStreamReader xml(out);
    int texts = 0;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == u"text"_s) {
            ++texts;
            QCOMPARE(xml.readElementText(), u"a ) (b <script>&\"' \n生产者"_s);
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(texts, 1);
    QVERIFY(out.contains(u"points=\"0,0 3.1,2 \""_s));
    QVERIFY(!out.contains(u"<script>"_s));
}

void tst_SvgWriter::tickStep_data()
{
    QTest::addColumn<double>("duration");
    QTest::addColumn<double>("step");
    QTest::newRow("5 s") << 5.0 << 0.5;
    QTest::newRow("10 s") << 10.0 << 1.0;
    QTest::newRow("60 s") << 60.0 << 10.0;
    QTest::newRow("an hour") << 3600.0 << 500.0;
    QTest::newRow("0.3 s") << 0.3 << 0.05;
    QTest::newRow("zero") << 0.0 << 1.0;
}

void tst_SvgWriter::tickStep()
{
    QFETCH(double, duration);
    QFETCH(double, step);
    QCOMPARE(SessionCharts::tickStep(duration, 10), step);
}

QTEST_APPLESS_MAIN(tst_SvgWriter)
#include "tst_svgwriter.moc"
