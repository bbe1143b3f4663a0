#pragma once

#include "analysis/WaitGraphView.h"

#include <QHash>
#include <QPointF>
#include <QRectF>
#include <QWidget>

class QFontMetrics;
class QPainter;

// Draws the wait-for graph of one tick: threads as circles, locks, queues, pipes and processes as boxes, arrows
// for "waits for", "held by" and "could be released by". A deadlocked cycle is laid out as a ring in the middle,
// drawn in red; the other nodes go round it. At most MaxNodes nodes are drawn (cycle members first), the rest are
// counted in a note, so 500 threads waiting on one queue stay legible.
class WaitGraphWidget : public QWidget
{
    Q_OBJECT
public:
    explicit WaitGraphWidget(QWidget *parent = nullptr);

    void setGraph(const WaitGraphView &graph);
    const WaitGraphView &graph() const { return m_graph; }
    // The legend under the graph: one entry per kind of node drawn, with its colour ("thread that runs: it can
    // release the others" for the green ones).
    struct LegendEntry
    {
        QColor color;
        bool round = false;
        QString text;
    };
    QList<LegendEntry> legend() const;
    static constexpr int MaxNodes = 40;
    static constexpr int NodeRadius = 16;
    static constexpr int LabelHalfWidth = 70; // a node's label is centred under it, at most this far each way

    QSize sizeHint() const override { return {420, 300}; }
    // The lines of a node's label as last painted (empty: not drawn); for tests.
    QStringList drawnLabel(const QString &key) const { return m_drawnLabels.value(key); }
    // The centres of the nodes drawn, for tests: none lies on another.
    QList<QPointF> drawnCentres() const { return m_place.values(); }

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    // How far a ring of `nodes` in a box `width` wide keeps from the box's sides.
    static double ringInset(int nodes, double width);
    enum class LabelGrowth { Up, Around, Down }; // where a second line of a label goes
    // Draws it and returns what was drawn, one string per line ("…" where it was elided).
    static QStringList drawLabel(QPainter &painter, const QRectF &where, Qt::Alignment align, const QString &text,
                                 const QFontMetrics &metrics, LabelGrowth growth);
    void layoutNodes();
    static QColor fillOf(const WaitGraphView::Node &node);
    QList<int> cycleOrder() const;

    WaitGraphView m_graph;
    QList<int> m_shown;              // indexes into m_graph.nodes
    QHash<QString, QPointF> m_place; // key → centre
    QHash<QString, QPointF> m_outward; // key → the way out of its ring (cos, sin of its angle); none: below
    int m_hidden = 0;
    QHash<QString, QStringList> m_drawnLabels; // key → the lines of its label as last painted
};
