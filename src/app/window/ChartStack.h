#pragma once

#include <QWidget>

class QSplitter;
class QTabWidget;

// The charts' dock: the CPU chart over the queue chart while there is the height for both at their minimum
// (taken from their fonts), else the two as tabs, so neither is squeezed until its axis labels turn into "…".
// The queue chart's own visibility (an experiment without a queue hides it) is kept: hidden, its tab goes too.
class ChartStack : public QWidget
{
    Q_OBJECT
public:
    ChartStack(QWidget *cpuChart, QWidget *queueChart, QWidget *parent = nullptr);

    bool isStacked() const { return m_stacked; }
    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // Both charts at their minimum, one over the other.
    int sideBySideHeight() const;
    void arrange(bool stacked);
    void retranslate();

    QWidget *m_cpu;
    QWidget *m_queue;
    QSplitter *m_splitter;
    QTabWidget *m_tabs;
    QWidget *m_cpuPage;
    QWidget *m_queuePage;
    bool m_stacked = false;
    bool m_queueWanted = true;
    bool m_moving = false;
};
