// The Chinese translation is complete: every message of the .ts file has a finished, non-empty translation that
// keeps the placeholders (%1, %2 …) of its source.
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::Literals::StringLiterals;

class tst_Translations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void chineseIsComplete();
};

static QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression marker(u"%L?\\d+"_s);
    QSet<QString> found;
    for (auto it = marker.globalMatch(text); it.hasNext();)
        found.insert(it.next().captured());
    return found;
}

void tst_Translations::chineseIsComplete()
{
    QFile file(QStringLiteral(PROCLAB_FIXTURES_DIR "/../../translations/proclab_zh_CN.ts"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    QXmlStreamReader xml(&file);
    int messages = 0;
    QString source;
    QStringList problems;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"source") {
            source = xml.readElementText();
        } else if (xml.name() == u"translation") {
            ++messages;
            const QString type = xml.attributes().value(u"type"_s).toString();
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (type == u"unfinished" || type == u"vanished" || type == u"obsolete")
                problems << u"%1: %2"_s.arg(type, source);
            else if (text.trimmed().isEmpty())
                problems << u"empty: "_s + source;
            else if (placeholders(text) != placeholders(source))
                problems << u"placeholders differ: "_s + source;
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY2(messages > 10, "the .ts file holds too few messages; did lupdate run?");
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

QTEST_APPLESS_MAIN(tst_Translations)
#include "tst_translations.moc"
