// ChartThinning: fewer points, the same pixels. Flat stretches keep their ends; crowded pixel columns keep their
// first, lowest, highest and last point, so the envelope drawn in each column is unchanged.
#include "charts/ChartThinning.h"

#include <QTest>

#include <cmath>

class tst_ChartThinning : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keepsWhatTheScreenShows_data();
    void keepsWhatTheScreenShows();
};

namespace {
QList<QPointF> line(int n, double step, double (*y)(int))
{
    QList<QPointF> points;
    for (int i = 0; i < n; ++i)
        points.append({-60.0 + i * step, y(i)});
    return points;
}

// Per pixel column: lowest and highest y, and the first and last point.
struct Column
{
    double low = 1e300, high = -1e300;
    QPointF first, last;
    bool operator==(const Column &) const = default;
};

QMap<qint64, Column> columns(const QList<QPointF> &points, double pixelsPerX)
{
    QMap<qint64, Column> result;
    for (const QPointF &p : points) {
        const auto key = qint64(std::floor(p.x() * pixelsPerX));
        const bool fresh = !result.contains(key);
        Column &c = result[key];
        c.low = std::min(c.low, p.y());
        c.high = std::max(c.high, p.y());
        if (fresh)
            c.first = p;
        c.last = p;
    }
    return result;
}
} // namespace

void tst_ChartThinning::keepsWhatTheScreenShows_data()
{
    QTest::addColumn<QList<QPointF>>("points");
    QTest::addColumn<double>("pixelsPerX");
    QTest::addColumn<int>("atMost");
    QTest::addColumn<bool>("flat");
    QTest::newRow("capacity: one value") << line(601, 0.1, [](int) { return 8.0; }) << 7.0 << 2 << true;
    QTest::newRow("a core at 100 %") << line(601, 0.1, [](int) { return 100.0; }) << 3.0 << 2 << true;
    QTest::newRow("noisy load, 2.4 samples a pixel")
        << line(601, 0.1, [](int i) { return double((i * 37) % 100); }) << 4.2 << 601 << false;
    QTest::newRow("noisy load, 12 samples a pixel")
        << line(1201, 0.05, [](int i) { return double((i * 37) % 100); }) << 1.7 << 4 * 103 << false;
    QTest::newRow("steps") << line(600, 0.1, [](int i) { return double(i / 100); }) << 7.0 << 12 << true;
    QTest::newRow("two points") << QList<QPointF>{{-1, 1}, {0, 1}} << 7.0 << 2 << true;
}

void tst_ChartThinning::keepsWhatTheScreenShows()
{
    QFETCH(QList<QPointF>, points);
    QFETCH(double, pixelsPerX);
    QFETCH(int, atMost);
    QFETCH(bool, flat);
    const QList<QPointF> thin = ChartThinning::thin(points, pixelsPerX);
    QVERIFY2(thin.size() <= atMost, qPrintable(QString::number(thin.size())));
    QCOMPARE(thin.first(), points.first());
    QCOMPARE(thin.last(), points.last());
    // Every kept point is one of the originals, in order.
    qsizetype at = 0;
    for (const QPointF &p : thin) {
        while (at < points.size() && points[at] != p)
            ++at;
        QVERIFY(at < points.size());
    }
    if (flat) {
        // A stair keeps every corner: each step's first and last point.
        for (qsizetype i = 1; i < points.size(); ++i) {
            if (points[i].y() != points[i - 1].y()) {
                QVERIFY(thin.contains(points[i - 1]));
                QVERIFY(thin.contains(points[i]));
            }
        }
    } else {
        QCOMPARE(columns(thin, pixelsPerX), columns(points, pixelsPerX));
    }
}

QTEST_APPLESS_MAIN(tst_ChartThinning)
#include "tst_chartthinning.moc"
