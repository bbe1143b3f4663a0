// The charts' dock: one chart over the other while both fit at their minimum height, tabs when not; the queue
// chart hidden by an experiment without a queue takes its tab along, and brings it back when shown.
#include "window/ChartStack.h"

#include <QTabWidget>
#include <QTest>

class tst_ChartStack : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tabsWhenShort();
};

void tst_ChartStack::tabsWhenShort()
{
    auto *cpu = new QWidget;
    auto *queue = new QWidget;
    cpu->setMinimumHeight(200);
    queue->setMinimumHeight(200);
    ChartStack stack(cpu, queue);
    stack.resize(300, 600);
    stack.show();
    QVERIFY(QTest::qWaitForWindowExposed(&stack));
    QVERIFY(!stack.isStacked());
    QVERIFY2(cpu->isVisible(), "cpu");
    QVERIFY2(queue->isVisible(), "queue");
    stack.resize(300, 300);
    QTRY_VERIFY(stack.isStacked());
    auto *tabs = stack.findChild<QTabWidget *>(QStringLiteral("chartTabs"));
    QVERIFY(tabs && tabs->isVisible());
    QVERIFY(tabs->isTabVisible(1));
    queue->hide();
    QVERIFY(!tabs->isTabVisible(1));
    queue->show();
    QVERIFY(tabs->isTabVisible(1));
    tabs->setCurrentIndex(1);
    QVERIFY(queue->isVisible());
    queue->hide();
    stack.resize(300, 250); // the CPU chart alone fits
    QTRY_VERIFY(!stack.isStacked());
    queue->show();
    QTRY_VERIFY(stack.isStacked());
    QVERIFY(tabs->isTabVisible(1));
    // A run's first frames come before its queue's: hidden and shown again while the tabs are up.
    tabs->setCurrentIndex(0);
    for (int i = 0; i < 3; ++i) {
        queue->hide();
        queue->show();
    }
    QVERIFY(stack.isStacked());
    QVERIFY(tabs->isTabVisible(1));
}

QTEST_MAIN(tst_ChartStack)
#include "tst_chartstack.moc"
