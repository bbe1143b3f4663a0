#include "WaitGraphWidget.h"

#include <QPainter>
#include <QPainterPath>
#include <QSet>

#include <cmath>
#include <numbers>

using namespace Qt::Literals::StringLiterals;

namespace {
const QColor CycleColor(0xd2, 0x3f, 0x31);
}

WaitGraphWidget::WaitGraphWidget(QWidget *parent)
    : QWidget(parent)
{
    setMinimumSize(240, 180);
}

void WaitGraphWidget::setGraph(const WaitGraphView &graph)
{
    m_graph = graph;
    layoutNodes();
    update();
}

void WaitGraphWidget::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    layoutNodes();
}

QList<int> WaitGraphWidget::cycleOrder() const
{
    // Walk the cycle's edges so neighbours on the ring are neighbours in the cycle.
    QHash<QString, QString> next;
    for (const WaitGraphView::Edge &edge : m_graph.edges) {
        if (edge.cycle >= 0 && !next.contains(edge.from))
            next.insert(edge.from, edge.to);
    }
    QList<int> order;
    QSet<QString> placed;
    for (int i = 0; i < m_graph.nodes.size(); ++i) {
        const WaitGraphView::Node &node = m_graph.nodes.at(i);
        if (node.cycle < 0 || placed.contains(node.key))
            continue;
        QString key = node.key;
        while (!key.isEmpty() && !placed.contains(key)) {
            const qsizetype index = m_graph.indexOf(key);
            if (index < 0)
                break;
            placed.insert(key);
            order << int(index);
            key = next.value(key);
        }
    }
    return order;
}

void WaitGraphWidget::layoutNodes()
{
    m_place.clear();
    m_shown = cycleOrder();
    const int inCycle = int(m_shown.size());
    QSet<int> taken(m_shown.cbegin(), m_shown.cend());
    // Then whatever is blocked or waited on, then the rest.
    for (int pass = 0; pass < 2; ++pass) {
        for (int i = 0; i < m_graph.nodes.size() && m_shown.size() < MaxNodes; ++i) {
            const WaitGraphView::Node &node = m_graph.nodes.at(i);
            const bool important = node.blocked || node.deadlocked || node.dead || node.kind != WaitGraphView::NodeKind::Thread;
            if (!taken.contains(i) && (pass == 1 || important)) {
                m_shown << i;
                taken.insert(i);
            }
        }
    }
    m_hidden = int(m_graph.nodes.size() - m_shown.size());

    // Ellipses, not circles: the tab is a wide strip under the tasks, and a circle of its height crowded four
    // nodes and their labels into 150 pixels. The cycle takes the left part, the other nodes stand in columns on
    // the right; without a cycle every node goes round one ellipse.
    const int others = int(m_shown.size()) - inCycle;
    const QRectF area = QRectF(rect()).adjusted(LabelHalfWidth, NodeRadius + 4, -LabelHalfWidth, -NodeRadius - 20);
    const auto ring = [this](const QList<int> &indexes, const QRectF &box) {
        const int n = int(indexes.size());
        for (int i = 0; i < n; ++i) {
            const double angle = -std::numbers::pi / 2 + 2 * std::numbers::pi * i / std::max(1, n);
            const QPointF at = n == 1 ? box.center()
                                      : box.center() + QPointF(box.width() / 2 * std::cos(angle),
                                                               box.height() / 2 * std::sin(angle));
            m_place.insert(m_graph.nodes.at(indexes.at(i)).key, at);
        }
    };
    if (inCycle == 0 || others == 0) {
        ring(m_shown, area);
        return;
    }
    const double split = area.left() + area.width() * 0.6;
    ring(m_shown.mid(0, inCycle), QRectF(area.left(), area.top(), split - area.left() - LabelHalfWidth, area.height()));
    const double rowHeight = 2 * NodeRadius + fontMetrics().height() + 6;
    const int perColumn = std::max(1, int(area.height() / rowHeight) + 1);
    const double columnWidth = 2 * LabelHalfWidth;
    for (int k = 0; k < others; ++k) {
        const int column = k / perColumn;
        const int row = k % perColumn;
        m_place.insert(m_graph.nodes.at(m_shown.at(inCycle + k)).key,
                       QPointF(split + LabelHalfWidth + column * columnWidth, area.top() + row * rowHeight));
    }
}

void WaitGraphWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(rect(), palette().color(QPalette::Base));
    const QColor text = palette().color(QPalette::Text);
    if (m_graph.nodes.isEmpty()) {
        painter.setPen(text);
        painter.drawText(rect().adjusted(10, 10, -10, -10), Qt::AlignCenter | Qt::TextWordWrap,
                         tr("No lab thread waits on a lock, a queue, a pipe or a child right now."));
        return;
    }
    const QFontMetrics metrics(font());
    const double nodeRadius = NodeRadius;

    for (const WaitGraphView::Edge &edge : std::as_const(m_graph.edges)) {
        if (!m_place.contains(edge.from) || !m_place.contains(edge.to))
            continue;
        const QPointF a = m_place.value(edge.from);
        const QPointF b = m_place.value(edge.to);
        const QLineF line(a, b);
        if (line.length() < 2 * nodeRadius)
            continue;
        QColor color = edge.cycle >= 0 ? CycleColor : palette().color(QPalette::Mid);
        QPen pen(color, edge.cycle >= 0 ? 2.5 : 1.2);
        if (edge.kind == WaitGraphView::EdgeKind::ReleasedBy)
            pen.setStyle(Qt::DashLine);
        painter.setPen(pen);
        const QPointF start = line.pointAt(nodeRadius / line.length());
        const QPointF end = line.pointAt(1 - nodeRadius / line.length());
        painter.drawLine(start, end);
        // Arrow head.
        const double angle = std::atan2(end.y() - start.y(), end.x() - start.x());
        const QPointF left = end - QPointF(9 * std::cos(angle - 0.4), 9 * std::sin(angle - 0.4));
        const QPointF right = end - QPointF(9 * std::cos(angle + 0.4), 9 * std::sin(angle + 0.4));
        painter.setBrush(color);
        painter.setPen(Qt::NoPen);
        painter.drawPolygon(QPolygonF({end, left, right}));
    }

    for (int index : std::as_const(m_shown)) {
        const WaitGraphView::Node &node = m_graph.nodes.at(index);
        const QPointF c = m_place.value(node.key);
        const bool red = node.cycle >= 0 || node.deadlocked || node.ownerDead;
        QColor fill;
        switch (node.kind) {
        case WaitGraphView::NodeKind::Thread: fill = node.blocked ? QColor(0x3d, 0x7e, 0xdb) : QColor(0x2e, 0xa0, 0x43); break;
        case WaitGraphView::NodeKind::Lock: fill = QColor(0xe6, 0x9b, 0x00); break;
        case WaitGraphView::NodeKind::Queue: fill = QColor(0x17, 0xa2, 0xb8); break;
        case WaitGraphView::NodeKind::Pipe: fill = QColor(0x8e, 0x5c, 0xc9); break;
        case WaitGraphView::NodeKind::Process: fill = QColor(0x8a, 0x8a, 0x8a); break;
        }
        if (node.dead)
            fill = palette().color(QPalette::Disabled, QPalette::Window); // a ghost: greyed, dashed
        painter.setBrush(fill);
        QPen outline(red ? CycleColor : fill.darker(140), red ? 3 : 1);
        if (node.dead) {
            outline = QPen(palette().color(QPalette::Disabled, QPalette::Text), 2, Qt::DashLine);
        }
        painter.setPen(outline);
        const QRectF box(c.x() - nodeRadius, c.y() - nodeRadius, 2 * nodeRadius, 2 * nodeRadius);
        if (node.kind == WaitGraphView::NodeKind::Thread)
            painter.drawEllipse(box);
        else
            painter.drawRoundedRect(box, 4, 4);
        painter.setPen(text);
        const QString label = metrics.elidedText(node.label, Qt::ElideRight, 2 * LabelHalfWidth - 8);
        painter.drawText(QRectF(c.x() - LabelHalfWidth, c.y() + nodeRadius + 1, 2 * LabelHalfWidth, metrics.height()),
                         Qt::AlignCenter, label);
    }
    if (m_hidden > 0) {
        painter.setPen(text);
        painter.drawText(rect().adjusted(6, 4, -6, -4), Qt::AlignBottom | Qt::AlignRight,
                         tr("%n more not drawn", nullptr, m_hidden));
    }
}
