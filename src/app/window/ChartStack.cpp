#include "ChartStack.h"

#include <QEvent>
#include <QResizeEvent>
#include <QSplitter>
#include <QTabBar>
#include <QTabWidget>
#include <QVBoxLayout>

ChartStack::ChartStack(QWidget *cpuChart, QWidget *queueChart, QWidget *parent)
    : QWidget(parent)
    , m_cpu(cpuChart)
    , m_queue(queueChart)
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_tabs(new QTabWidget(this))
    , m_cpuPage(new QWidget)
    , m_queuePage(new QWidget)
{
    setObjectName(QStringLiteral("chartStack"));
    m_tabs->setObjectName(QStringLiteral("chartTabs"));
    m_splitter->setChildrenCollapsible(false);
    // The splitter's own minimum (both charts) must not become the dock's: the dock may get shorter, and then
    // the charts go into tabs.
    m_splitter->setMinimumSize(1, 1);
    for (QWidget *page : {m_cpuPage, m_queuePage}) {
        auto *layout = new QVBoxLayout(page);
        layout->setContentsMargins(0, 0, 0, 0);
    }
    m_tabs->addTab(m_cpuPage, QString());
    m_tabs->addTab(m_queuePage, QString());
    m_tabs->setDocumentMode(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);
    layout->addWidget(m_tabs);
    // Shown unless the window hides it (an experiment without a queue); a parentless chart counts as hidden.
    m_queueWanted = true;
    m_queue->installEventFilter(this);
    arrange(false);
    retranslate();
}

namespace {
// What a layout would give the widget at least: its own minimum where set, else its hint.
QSize leastSize(const QWidget *widget)
{
    return widget->minimumSize().expandedTo(widget->minimumSizeHint());
}
} // namespace

int ChartStack::sideBySideHeight() const
{
    return leastSize(m_cpu).height() + (m_queueWanted ? leastSize(m_queue).height() : 0) + m_splitter->handleWidth();
}

QSize ChartStack::minimumSizeHint() const
{
    const QSize cpu = leastSize(m_cpu);
    const QSize queue = leastSize(m_queue);
    return {std::max(cpu.width(), queue.width()),
            std::max(cpu.height(), m_queueWanted ? queue.height() : 0) + m_tabs->tabBar()->sizeHint().height()};
}

QSize ChartStack::sizeHint() const
{
    return {minimumSizeHint().width(), sideBySideHeight()};
}

void ChartStack::arrange(bool stacked)
{
    m_moving = true;
    if (stacked) {
        m_cpuPage->layout()->addWidget(m_cpu);
        m_queuePage->layout()->addWidget(m_queue);
    } else {
        m_splitter->addWidget(m_cpu);
        m_splitter->addWidget(m_queue);
        m_splitter->setStretchFactor(0, 1);
        m_splitter->setStretchFactor(1, 1);
    }
    m_cpu->show();
    m_queue->setVisible(m_queueWanted);
    m_splitter->setVisible(!stacked);
    m_tabs->setVisible(stacked);
    // After the tabs are shown: a tab made visible while its bar is hidden stayed out of the bar (Qt 6.4).
    m_tabs->setTabVisible(m_tabs->indexOf(m_queuePage), m_queueWanted);
    m_stacked = stacked;
    m_moving = false;
}

void ChartStack::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    const bool stacked = event->size().height() < sideBySideHeight();
    if (stacked != m_stacked)
        arrange(stacked);
}

bool ChartStack::eventFilter(QObject *watched, QEvent *event)
{
    // HideToParent/ShowToParent come from the chart's own setVisible, not from a tab or the dock being hidden.
    if (watched == m_queue && !m_moving
        && (event->type() == QEvent::HideToParent || event->type() == QEvent::ShowToParent)) {
        const bool wanted = event->type() == QEvent::ShowToParent;
        if (wanted != m_queueWanted) {
            m_queueWanted = wanted;
            m_tabs->setTabVisible(m_tabs->indexOf(m_queuePage), wanted);
            updateGeometry();
            const bool stacked = height() < sideBySideHeight();
            if (stacked != m_stacked)
                arrange(stacked);
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ChartStack::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ChartStack::retranslate()
{
    m_tabs->setTabText(m_tabs->indexOf(m_cpuPage), tr("CPU per core"));
    m_tabs->setTabText(m_tabs->indexOf(m_queuePage), tr("Queue"));
}
