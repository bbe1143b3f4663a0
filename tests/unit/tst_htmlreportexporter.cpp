// HtmlReportExporter: one self-contained page whose charts are well-formed SVG and whose tables hold the session.
#include "session/HtmlReportExporter.h"
#include "session/SessionReader.h"

#include <QBuffer>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::Literals::StringLiterals;

namespace {
QString fixture(const char *name)
{
    return QStringLiteral(PROCLAB_FIXTURES_DIR "/sessions/") + QString::fromLatin1(name);
}

const QByteArray kHeader = R"({"format":"proclab-session","version":1,"start_unix":1764057600,"host":"h","cores":1,)"
                           R"("kernel":"6.1","experiment":"race","parameters":{"locked":false}})";

QString render(const QByteArray &session, bool *ok)
{
    QByteArray in = session;
    QBuffer input(&in);
    input.open(QIODevice::ReadOnly);
    SessionReader reader;
    *ok = reader.open(&input);
    QByteArray html;
    QBuffer output(&html);
    output.open(QIODevice::WriteOnly);
    *ok = *ok && HtmlReportExporter().write(reader, &output);
    return QString::fromUtf8(html);
}

QStringList svgElements(const QString &html)
{
    QStringList svgs;
    qsizetype from = 0;
    for (;;) {
        const qsizetype start = html.indexOf(u"<svg"_s, from);
        if (start < 0)
            break;
        const qsizetype end = html.indexOf(u"</svg>"_s, start);
        if (end < 0)
            break;
        svgs << html.mid(start, end + 6 - start);
        from = end;
    }
    return svgs;
}
} // namespace

class tst_HtmlReportExporter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void reportOfCompleteSession();
    void verdicts_data();
    void verdicts();
    void hostileTextIsEscaped();
    void truncatedSessionSaysSo();
    void corruptInputWritesNothing();
    void poolGanttAndLiveFigures();

private:
    QTemporaryDir m_dir;
};

void tst_HtmlReportExporter::reportOfCompleteSession()
{
    SessionReader reader;
    QVERIFY(reader.open(fixture("complete.jsonl")));
    HtmlReportExporter exporter;
    const QString out = m_dir.filePath(u"report.html"_s);
    QVERIFY2(exporter.exportTo(reader, out), qPrintable(exporter.errorString()));
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString html = QString::fromUtf8(file.readAll());

    QVERIFY(html.startsWith(u"<!DOCTYPE html>"_s));
    QVERIFY(html.contains(u"<meta charset=\"utf-8\">"_s));
    QVERIFY(html.contains(u"<h1>pc-threads</h1>"_s));
    QVERIFY(html.contains(u"Phenomenon observed"_s));
    QVERIFY(html.contains(u"producers blocked on a full queue 62 % of the time"_s));
    QVERIFY(html.contains(u"<th>capacity</th><td>8</td>"_s));
    QVERIFY(html.contains(u"When the queue is full, the producers block"_s));

    // Self-contained: nothing from the network, no script at all.
    QString withoutNamespaces = html;
    withoutNamespaces.remove(u"xmlns=\"http://www.w3.org/2000/svg\""_s);
    QVERIFY(!withoutNamespaces.contains(u"http:"_s));
    QVERIFY(!withoutNamespaces.contains(u"https:"_s));
    QVERIFY(!html.contains(u"<script"_s));
    QVERIFY(!html.contains(u"<link"_s));
    QVERIFY(!html.contains(u"<img"_s));

    // The recorded deadlock's wait-for graph, then three charts, each well-formed XML; the timeline has one lane
    // per thread of the session.
    QStringList svgs = svgElements(html);
    QCOMPARE(svgs.size(), 4);
    QVERIFY(svgs.first().contains(u"class=\"wait-graph\""_s));
    for (const QString &svg : svgs) {
        QXmlStreamReader xml(svg);
        while (!xml.atEnd())
            xml.readNext();
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    }
    QVERIFY(svgs.takeFirst().count(u"class=\"node\""_s) >= 2);
    QVERIFY(svgs[0].contains(u"core 0"_s) && svgs[0].contains(u"core 1"_s));
    QCOMPARE(svgs[0].count(u"<polyline"_s), 2);
    QCOMPARE(svgs[1].count(u"<polyline"_s), 2); // depth and capacity of q0
    for (const QString &lane : {u"producer-1 · 5100/5101"_s, u"producer-2 · 5100/5102"_s, u"consumer-1 · 5100/5103"_s})
        QVERIFY2(svgs[2].contains(lane), qPrintable(lane));
    QVERIFY(svgs[2].contains(u"#60a5fa"_s)); // blocked producers
    QVERIFY(svgs[2].contains(u"#16a34a"_s)); // the running consumer

    // The event table lists every event but the samples: 72 - 9 × (cpu + queue + 3 tasks).
    const qsizetype body = html.indexOf(u"<tbody>"_s, html.indexOf(u"class=\"events\""_s));
    QVERIFY(body > 0);
    QCOMPARE(html.mid(body).count(u"<tr class="_s), 72 - 9 * 5);
    QVERIFY(html.contains(u"<code>deadlock.detected</code>"_s));
}

void tst_HtmlReportExporter::verdicts_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("verdict");
    QTest::newRow("observed") << QByteArray("{\"t\":1,\"kind\":\"phenomenon\",\"observed\":true}\n")
                              << u"class=\"verdict observed\""_s;
    QTest::newRow("not observed")
        << QByteArray("{\"t\":1,\"kind\":\"phenomenon\",\"observed\":false,\"detail\":\"0 lost updates\"}\n")
        << u"class=\"verdict missed\""_s;
    QTest::newRow("inconclusive")
        << QByteArray("{\"t\":1,\"kind\":\"phenomenon\",\"verdict\":\"inconclusive\",\"observed\":false,"
                      "\"load\":\"other programs used 1.2 of 2 cores; this lesson needs 2 free cores\"}\n")
        << u"<h2>Phenomenon inconclusive</h2><p>other programs used 1.2 of 2 cores; this lesson needs 2 free cores</p>"_s;
    QTest::newRow("no check ran") << QByteArray("{\"t\":1,\"kind\":\"experiment.stop\"}\n")
                                  << u"class=\"verdict unknown\""_s;
}

void tst_HtmlReportExporter::verdicts()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, verdict);
    bool ok = false;
    const QString html = render(kHeader + '\n' + body, &ok);
    QVERIFY(ok);
    QVERIFY(html.contains(verdict));
    // Nothing sampled: the charts say so instead of drawing empty axes.
    QCOMPARE(svgElements(html).size(), 0);
    QCOMPARE(html.count(u"class=\"empty\""_s), 3);
}

void tst_HtmlReportExporter::hostileTextIsEscaped()
{
    bool ok = false;
    const QString html =
        render(kHeader + '\n' + R"({"t":1,"kind":"output","pid":9,"line":"<script>alert('x')</script> & \"q\""})" +
                   "\n" + R"({"t":1.5,"kind":"task.sample","pid":9,"tid":9,"state":"running"})" + "\n" +
                   R"({"t":1.6,"kind":"thread.start","pid":9,"tid":10,"role":"a<b>&c"})" + "\n" +
                   R"({"t":1.7,"kind":"task.sample","pid":9,"tid":10,"state":"blocked"})" + "\n",
               &ok);
    QVERIFY(ok);
    QVERIFY(!html.contains(u"<script>"_s));
    QVERIFY(html.contains(u"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"_s));
    const QStringList svgs = svgElements(html);
    QCOMPARE(svgs.size(), 1);
    QXmlStreamReader xml(svgs.first());
    while (!xml.atEnd())
        xml.readNext();
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(svgs.first().contains(u"a&lt;b&gt;&amp;c"_s));
}

// A pool's tasks become a Gantt chart with one bar per task; the live figures a result card in words, with
// numbers for people (no 0.535873429, no raw key names as headings).
void tst_HtmlReportExporter::poolGanttAndLiveFigures()
{
    QByteArray body;
    for (int task = 0; task < 5; ++task)
        body += QStringLiteral(R"({"t":%1,"kind":"pool.task","mode":"apply","task":%2,"pid":%3,"start":%4,"end":%5})")
                    .arg(0.2 * task + 0.25).arg(task).arg(700 + task % 2).arg(0.2 * task).arg(0.2 * task + 0.19)
                    .toUtf8() + '\n';
    body += R"({"t":1.1,"kind":"measure","name":"makespan_apply","value":0.535873429,"start":0.0})" "\n";
    body += R"({"t":1.2,"kind":"measure","name":"lost_updates","value":158345267})" "\n";
    body += R"({"t":1.3,"kind":"pool.task","mode":"bogus","task":9,"pid":1,"start":0,"end":1})" "\n"; // refused
    bool ok = false;
    const QString html = render(kHeader + '\n' + body, &ok);
    QVERIFY(ok);
    const QStringList svgs = svgElements(html);
    QCOMPARE(svgs.size(), 1);
    QVERIFY(svgs.first().contains(u"class=\"gantt\""_s));
    QCOMPARE(svgs.first().count(u"<rect class=\"task\""_s), 5);
    QVERIFY(svgs.first().contains(u"apply: 0.536 s"_s));
    QXmlStreamReader xml(svgs.first());
    while (!xml.atEnd())
        xml.readNext();
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(html.contains(u"Measured while it ran"_s));
    QVERIFY(html.contains(u"<dt>Updates lost</dt><dd>158,345,267</dd>"_s));
    QVERIFY(!html.contains(u"0.535873429"_s));
}

void tst_HtmlReportExporter::truncatedSessionSaysSo()
{
    SessionReader reader;
    QVERIFY(reader.open(fixture("truncated.jsonl")));
    const QString out = m_dir.filePath(u"cut.html"_s);
    HtmlReportExporter exporter;
    QVERIFY(exporter.exportTo(reader, out));
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(QString::fromUtf8(file.readAll()).contains(u"class=\"warning\">the file was cut short at line 74"_s));
}

void tst_HtmlReportExporter::corruptInputWritesNothing()
{
    QByteArray bytes = kHeader + "\n{\"t\":1,\"kind\":\"a\"}\n{\"t\":2,\"kind\":\"b\"\n{\"t\":3,\"kind\":\"c\"}\n";
    QBuffer in(&bytes);
    QVERIFY(in.open(QIODevice::ReadOnly));
    SessionReader reader;
    QVERIFY(reader.open(&in));
    HtmlReportExporter exporter;
    const QString out = m_dir.filePath(u"never.html"_s);
    QVERIFY(!exporter.exportTo(reader, out));
    QVERIFY2(exporter.errorString().startsWith(u"line 3: "_s), qPrintable(exporter.errorString()));
    QVERIFY(!QFile::exists(out));
}

QTEST_APPLESS_MAIN(tst_HtmlReportExporter)
#include "tst_htmlreportexporter.moc"
