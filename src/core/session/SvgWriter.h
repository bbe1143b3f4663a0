#pragma once

#include <QList>
#include <QPointF>
#include <QString>
#include <QStringView>

// A small writer of inline SVG for the HTML report. The core links Qt Core only, so Qt SVG's QSvgGenerator (a
// QPaintDevice, Qt GUI) is not available to it, and the report must be written by `proclab export` without a
// display; the charts are simple (lines, bars, lanes), so writing their SVG elements directly is shorter than
// any indirection, and gives text the browser renders crisply, in the page's own font.
class SvgWriter
{
public:
    // Starts an <svg> of the given size in user units (it scales to the page width); `label` becomes its
    // accessible name (role="img", aria-label); `cssClass`, when given, its class (the report's tests find the
    // diagrams by it).
    SvgWriter(double width, double height, const QString &label, QStringView cssClass = {});

    void rect(double x, double y, double width, double height, QStringView fill, const QString &tooltip = {},
              QStringView cssClass = {});
    void line(double x1, double y1, double x2, double y2, QStringView stroke, double strokeWidth = 1,
              QStringView dash = {});
    // A polyline through the points (x0 y0 x1 y1 …), already in user units.
    void polyline(const QList<QPointF> &points, QStringView stroke, double strokeWidth = 1.5, QStringView dash = {});
    // A filled polygon (an area under a curve).
    void polygon(const QList<QPointF> &points, QStringView fill, double opacity);
    enum class Anchor
    {
        Start,
        Middle,
        End
    };
    void text(double x, double y, const QString &text, Anchor anchor = Anchor::Start, double size = 11,
              QStringView fill = u"#475569", bool bold = false);
    // Finishes the element and returns the whole <svg>…</svg>.
    QString finish();

    // Escapes &, <, >, " and ' for XML text and attributes.
    static QString escaped(const QString &text);

private:
    static QString number(double value);
    QString m_svg;
};
