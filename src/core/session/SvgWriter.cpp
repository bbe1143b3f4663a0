#include "SvgWriter.h"

#include <QPointF>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

SvgWriter::SvgWriter(double width, double height, const QString &label, QStringView cssClass)
{
    m_svg = u"<svg xmlns=\"http://www.w3.org/2000/svg\""_s;
    if (!cssClass.isEmpty())
        m_svg += u" class=\""_s + escaped(cssClass.toString()) + u'"';
    m_svg += u" viewBox=\"0 0 "_s + number(width) + u' ' + number(height) + u"\" role=\"img\" aria-label=\""_s +
             escaped(label) + u"\">"_s;
}

void SvgWriter::rect(double x, double y, double width, double height, QStringView fill, const QString &tooltip,
                     QStringView cssClass)
{
    m_svg += u"<rect"_s;
    if (!cssClass.isEmpty())
        m_svg += u" class=\""_s + escaped(cssClass.toString()) + u'"';
    m_svg += u" x=\""_s + number(x) + u"\" y=\""_s + number(y) + u"\" width=\""_s + number(width) +
             u"\" height=\""_s + number(height) + u"\" fill=\""_s + fill + u'"';
    if (tooltip.isEmpty())
        m_svg += u"/>"_s;
    else
        m_svg += u"><title>"_s + escaped(tooltip) + u"</title></rect>"_s;
}

void SvgWriter::line(double x1, double y1, double x2, double y2, QStringView stroke, double strokeWidth,
                     QStringView dash)
{
    m_svg += u"<line x1=\""_s + number(x1) + u"\" y1=\""_s + number(y1) + u"\" x2=\""_s + number(x2) + u"\" y2=\""_s +
             number(y2) + u"\" stroke=\""_s + stroke + u"\" stroke-width=\""_s + number(strokeWidth) + u'"';
    if (!dash.isEmpty())
        m_svg += u" stroke-dasharray=\""_s + dash + u'"';
    m_svg += u"/>"_s;
}

void SvgWriter::polyline(const QList<QPointF> &points, QStringView stroke, double strokeWidth, QStringView dash)
{
    if (points.isEmpty())
        return;
    m_svg += u"<polyline fill=\"none\" stroke-linejoin=\"round\" stroke=\""_s + stroke + u"\" stroke-width=\""_s +
             number(strokeWidth) + u'"';
    if (!dash.isEmpty())
        m_svg += u" stroke-dasharray=\""_s + dash + u'"';
    m_svg += u" points=\""_s;
    for (const QPointF &p : points)
        m_svg += number(p.x()) + u',' + number(p.y()) + u' ';
    m_svg += u"\"/>"_s;
}

void SvgWriter::polygon(const QList<QPointF> &points, QStringView fill, double opacity)
{
    if (points.isEmpty())
        return;
    m_svg +=
        u"<polygon stroke=\"none\" fill=\""_s + fill + u"\" fill-opacity=\""_s + number(opacity) + u"\" points=\""_s;
    for (const QPointF &p : points)
        m_svg += number(p.x()) + u',' + number(p.y()) + u' ';
    m_svg += u"\"/>"_s;
}

void SvgWriter::text(double x, double y, const QString &text, Anchor anchor, double size, QStringView fill, bool bold)
{
    static const QString anchors[] = {u"start"_s, u"middle"_s, u"end"_s};
    m_svg += u"<text x=\""_s + number(x) + u"\" y=\""_s + number(y) + u"\" font-size=\""_s + number(size) +
             u"\" fill=\""_s + fill + u"\" text-anchor=\""_s + anchors[int(anchor)] + u'"';
    if (bold)
        m_svg += u" font-weight=\"600\""_s;
    m_svg += u'>' + escaped(text) + u"</text>"_s;
}

QString SvgWriter::finish()
{
    return m_svg + u"</svg>"_s;
}

QString SvgWriter::escaped(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'&':
            out += u"&amp;"_s;
            break;
        case u'<':
            out += u"&lt;"_s;
            break;
        case u'>':
            out += u"&gt;"_s;
            break;
        case u'"':
            out += u"&quot;"_s;
            break;
        case u'\'':
            out += u"&#39;"_s;
            break;
        default:
            // XML 1.0 forbids most control characters even escaped; a hostile thread name must not break the page.
            out += (c.unicode() < 0x20 && c != u'\n' && c != u'\t') ? QChar(u' ') : c;
        }
    }
    return out;
}

QString SvgWriter::number(double value)
{
    if (!std::isfinite(value))
        return u"0"_s;
    // One decimal is finer than a pixel at any zoom a report is read at, and keeps the file small.
    return QString::number(std::round(value * 10) / 10, 'g', 10);
}
