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

double WaitGraphWidget::ringInset(int nodes, double width)
{
    // The side nodes' labels stand beside them, outwards: more room at the sides.
    return nodes > 2 ? std::min(LabelHalfWidth / 2.0, width / 6) : 0.0;
}

void WaitGraphWidget::layoutNodes()
{
    m_place.clear();
    m_outward.clear();
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
    // Room above the top node and below the bottom one for their labels, and under that a strip that keeps the
    // legend (and "n more not drawn") clear of the lowest labels.
    const int labelRoom = fontMetrics().height() + 6;
    const int strip = fontMetrics().height() + 4;
    const QRectF area = QRectF(rect()).adjusted(LabelHalfWidth, NodeRadius + labelRoom, -LabelHalfWidth,
                                                -NodeRadius - labelRoom - strip);
    const auto ring = [this](const QList<int> &indexes, const QRectF &wide) {
        const int n = int(indexes.size());
        const double inset = ringInset(n, wide.width());
        const QRectF box = wide.adjusted(inset, 0, -inset, 0);
        // Spaced evenly along the ellipse, not by angle: on a flat one equal angles crowd the nodes at its ends.
        constexpr int Steps = 720;
        QList<double> along(Steps + 1, 0.0); // the arc length from the top to each step
        const auto pointAt = [&box](double angle) {
            return box.center() + QPointF(box.width() / 2 * std::cos(angle), box.height() / 2 * std::sin(angle));
        };
        for (int k = 1; k <= Steps; ++k) {
            const double a = -std::numbers::pi / 2 + 2 * std::numbers::pi * (k - 1) / Steps;
            const double b = -std::numbers::pi / 2 + 2 * std::numbers::pi * k / Steps;
            along[k] = along[k - 1] + QLineF(pointAt(a), pointAt(b)).length();
        }
        int step = 0;
        for (int i = 0; i < n; ++i) {
            const double wanted = along.last() * i / std::max(1, n);
            while (step < Steps && along.at(step) < wanted)
                ++step;
            const double angle = -std::numbers::pi / 2 + 2 * std::numbers::pi * step / Steps;
            const QPointF at = n == 1 ? box.center() : pointAt(angle);
            m_place.insert(m_graph.nodes.at(indexes.at(i)).key, at);
            if (n > 1)
                m_outward.insert(m_graph.nodes.at(indexes.at(i)).key, QPointF(std::cos(angle), std::sin(angle)));
        }
    };
    if (inCycle == 0 || others == 0) {
        ring(m_shown, area);
        return;
    }
    // The other nodes stand in as few columns as they need at the right edge; the cycle takes the rest (at 60 %
    // of the width it left a three-thread ring at 1024 pixels so narrow that a side label was cut).
    const double rowHeight = 2 * NodeRadius + fontMetrics().height() + 6;
    const int perColumn = std::max(1, int(area.height() / rowHeight) + 1);
    const double columnWidth = 2 * LabelHalfWidth;
    const int columns = (others + perColumn - 1) / perColumn;
    const double split = std::max(area.left() + area.width() * 0.6,
                                  area.right() - (columns - 1) * columnWidth - LabelHalfWidth);
    const double cycleWidth = split - area.left() - LabelHalfWidth;
    // A ring squeezed narrower than its nodes need drew them over each other (five threads and five locks beside
    // the process node at 1024 pixels): then the cycle takes the whole area, and the nodes outside it are counted
    // under "n more not drawn".
    const auto perimeter = [](double width, double height) { // Ramanujan's, of the ellipse in width × height
        const double a = width / 2;
        const double b = height / 2;
        return std::numbers::pi * (3 * (a + b) - std::sqrt((3 * a + b) * (a + 3 * b)));
    };
    if (perimeter(cycleWidth - 2 * ringInset(inCycle, cycleWidth), area.height()) < inCycle * (2 * NodeRadius + 8)) {
        m_shown.resize(inCycle);
        m_hidden += others;
        ring(m_shown, area);
        return;
    }
    ring(m_shown.mid(0, inCycle), QRectF(area.left(), area.top(), cycleWidth, area.height()));
    for (int k = 0; k < others; ++k) {
        const int column = k / perColumn;
        const int row = k % perColumn;
        m_place.insert(m_graph.nodes.at(m_shown.at(inCycle + k)).key,
                       QPointF(split + LabelHalfWidth + column * columnWidth, area.top() + row * rowHeight));
    }
}

QColor WaitGraphWidget::fillOf(const WaitGraphView::Node &node)
{
    switch (node.kind) {
    case WaitGraphView::NodeKind::Thread: return node.blocked ? QColor(0x3d, 0x7e, 0xdb) : QColor(0x2e, 0xa0, 0x43);
    case WaitGraphView::NodeKind::Lock: return QColor(0xe6, 0x9b, 0x00);
    case WaitGraphView::NodeKind::Queue: return QColor(0x17, 0xa2, 0xb8);
    case WaitGraphView::NodeKind::Pipe: return QColor(0x8e, 0x5c, 0xc9);
    case WaitGraphView::NodeKind::Process: return QColor(0x8a, 0x8a, 0x8a);
    }
    return QColor(0x8a, 0x8a, 0x8a);
}

QList<WaitGraphWidget::LegendEntry> WaitGraphWidget::legend() const
{
    // In a fixed order, each kind once, only the kinds drawn: the legend explains this picture, not all of them.
    enum Entry { Waiting, Running, Lock, Queue, Pipe, Process, Count };
    bool present[Count] = {};
    for (int index : m_shown) {
        const WaitGraphView::Node &node = m_graph.nodes.at(index);
        switch (node.kind) {
        case WaitGraphView::NodeKind::Thread: present[node.blocked ? Waiting : Running] = true; break;
        case WaitGraphView::NodeKind::Lock: present[Lock] = true; break;
        case WaitGraphView::NodeKind::Queue: present[Queue] = true; break;
        case WaitGraphView::NodeKind::Pipe: present[Pipe] = true; break;
        case WaitGraphView::NodeKind::Process: present[Process] = true; break;
        }
    }
    WaitGraphView::Node waiting, running, lock, queue, pipe, process;
    waiting.blocked = true;
    lock.kind = WaitGraphView::NodeKind::Lock;
    queue.kind = WaitGraphView::NodeKind::Queue;
    pipe.kind = WaitGraphView::NodeKind::Pipe;
    process.kind = WaitGraphView::NodeKind::Process;
    const QList<LegendEntry> all = {
        {fillOf(waiting), true, tr("thread that waits")},
        {fillOf(running), true, tr("thread that runs (it can release the others)")},
        {fillOf(lock), false, tr("lock")},
        {fillOf(queue), false, tr("queue")},
        {fillOf(pipe), false, tr("pipe")},
        {fillOf(process), false, tr("process")},
    };
    QList<LegendEntry> shown;
    for (int i = 0; i < Count; ++i) {
        if (present[i])
            shown << all.at(i);
    }
    return shown;
}

// One line where it fits; else two, broken at the last space that lets the first fit (a ring near the widget's
// left edge left "TID 884 (dead) held L1" as "TID 884 (dead..."), the second elided if it must be.
QStringList WaitGraphWidget::drawLabel(QPainter &painter, const QRectF &where, Qt::Alignment align,
                                       const QString &text, const QFontMetrics &metrics, LabelGrowth growth)
{
    const int room = std::max(0, int(where.width()) - 4);
    if (metrics.horizontalAdvance(text) <= room) {
        painter.drawText(where, align, text);
        return {text};
    }
    qsizetype cut = text.lastIndexOf(u' ');
    while (cut > 0 && metrics.horizontalAdvance(text.left(cut)) > room)
        cut = text.lastIndexOf(u' ', cut - 1);
    if (cut <= 0) {
        const QString elided = metrics.elidedText(text, Qt::ElideRight, room);
        painter.drawText(where, align, elided);
        return {elided};
    }
    const Qt::Alignment horizontal = align & Qt::AlignHorizontal_Mask;
    // Beside a node the two lines stand around its centre; above or below it they grow away from it.
    const double top = growth == LabelGrowth::Around ? where.center().y() - metrics.height()
        : growth == LabelGrowth::Up                  ? where.bottom() - 2 * metrics.height()
                                                     : where.top();
    const QRectF first(where.left(), top, where.width(), metrics.height());
    const QStringList lines{text.left(cut), metrics.elidedText(text.mid(cut + 1), Qt::ElideRight, room)};
    painter.drawText(first, horizontal | Qt::AlignVCenter, lines.at(0));
    painter.drawText(first.translated(0, metrics.height()), horizontal | Qt::AlignVCenter, lines.at(1));
    return lines;
}

void WaitGraphWidget::paintEvent(QPaintEvent *)
{
    m_drawnLabels.clear();
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
        QColor fill = fillOf(node);
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
        // Outside the ring, clear of the node's outline (a cycle's is 3 px wide, half of it outside the box): above
        // a node at the top, below one at the bottom, beside one at a side. Centred under every node, the labels
        // of a small ring (three threads, three locks in a 1024-pixel window) lay over their neighbours.
        const QPointF out = m_outward.value(node.key, QPointF(0, 1));
        const double gap = nodeRadius + 3;
        QRectF where;
        Qt::Alignment align = Qt::AlignCenter;
        LabelGrowth growth = LabelGrowth::Around;
        if (std::abs(out.y()) >= 0.7 || std::abs(out.x()) < 0.3) {
            growth = out.y() < 0 ? LabelGrowth::Up : LabelGrowth::Down;
            const double y = out.y() < 0 ? c.y() - gap - metrics.height() : c.y() + gap;
            // Half the way to the nearest thread at about the same height (a thread's label is long, a lock's is
            // "L4"), so neighbours' labels (the bottom of a ring of five at 1024 pixels) break onto two lines
            // instead of running into each other; never narrower than the label's longest word.
            double half = LabelHalfWidth;
            for (int other : std::as_const(m_shown)) {
                const WaitGraphView::Node &neighbour = m_graph.nodes.at(other);
                const QPointF at = m_place.value(neighbour.key);
                const double dx = std::abs(at.x() - c.x());
                if (neighbour.kind == WaitGraphView::NodeKind::Thread && dx > 1
                    && std::abs(at.y() - c.y()) < metrics.height())
                    half = std::min(half, dx / 2 - 2);
            }
            int longestWord = 0;
            for (const QString &word : node.label.split(u' '))
                longestWord = std::max(longestWord, metrics.horizontalAdvance(word));
            half = std::max(half, longestWord / 2.0 + 3);
            where = QRectF(c.x() - half, y, 2 * half, metrics.height());
        } else if (out.x() > 0) {
            where = QRectF(c.x() + gap, c.y() - metrics.height() / 2.0, std::max(0.0, width() - (c.x() + gap) - 2),
                           metrics.height());
            align = Qt::AlignLeft | Qt::AlignVCenter;
        } else {
            where = QRectF(2, c.y() - metrics.height() / 2.0, std::max(0.0, c.x() - gap - 2), metrics.height());
            align = Qt::AlignRight | Qt::AlignVCenter;
        }
        m_drawnLabels.insert(node.key, drawLabel(painter, where, align, node.label, metrics, growth));
    }
    // The legend in the strip under the nodes (layoutNodes() keeps it free), left; "n more" stays right.
    double x = 6;
    const double y = height() - 4 - metrics.height() / 2.0;
    for (const LegendEntry &entry : legend()) {
        const QRectF swatch(x, y - 5, 10, 10);
        painter.setBrush(entry.color);
        painter.setPen(QPen(entry.color.darker(140), 1));
        if (entry.round)
            painter.drawEllipse(swatch);
        else
            painter.drawRoundedRect(swatch, 2, 2);
        painter.setPen(text);
        const int width = metrics.horizontalAdvance(entry.text);
        painter.drawText(QRectF(x + 14, y - metrics.height() / 2.0, width + 2, metrics.height()),
                         Qt::AlignLeft | Qt::AlignVCenter, entry.text);
        x += 14 + width + 12;
    }
    if (m_hidden > 0) {
        painter.setPen(text);
        painter.drawText(rect().adjusted(6, 4, -6, -4), Qt::AlignBottom | Qt::AlignRight,
                         tr("%n more not drawn", nullptr, m_hidden));
    }
}
