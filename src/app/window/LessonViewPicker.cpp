#include "LessonViewPicker.h"

#include <QTabWidget>

LessonViewPicker::LessonViewPicker(QTabWidget *tabs, QObject *parent)
    : QObject(parent)
    , m_tabs(tabs)
{
    connect(tabs, &QTabWidget::currentChanged, this, [this] {
        if (!m_bringing && m_running)
            m_userChose = true;
    });
}

void LessonViewPicker::runStarted()
{
    m_running = true;
    m_userChose = false;
    m_brought.clear();
}

void LessonViewPicker::bringForward(QWidget *page)
{
    if (!m_tabs || !m_running || m_userChose || m_brought.contains(page) || m_tabs->indexOf(page) < 0)
        return;
    m_brought.insert(page);
    m_bringing = true;
    m_tabs->setCurrentWidget(page);
    m_bringing = false;
}
