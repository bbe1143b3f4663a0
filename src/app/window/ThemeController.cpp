#include "ThemeController.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

using namespace Qt::Literals::StringLiterals;

ThemeController::ThemeController(QObject *parent)
    : QObject(parent)
    , m_systemStyle(QApplication::style()->name())
    , m_systemPalette(QApplication::palette())
{
}

QString ThemeController::key(Theme theme)
{
    switch (theme) {
    case Theme::System: return u"system"_s;
    case Theme::Light: return u"light"_s;
    case Theme::Dark: return u"dark"_s;
    }
    return {};
}

ThemeController::Theme ThemeController::fromKey(const QString &key)
{
    if (key == u"light"_s)
        return Theme::Light;
    if (key == u"dark"_s)
        return Theme::Dark;
    return Theme::System;
}

void ThemeController::apply(Theme theme)
{
    if (theme == m_theme)
        return;
    m_theme = theme;
    switch (theme) {
    case Theme::System:
        QApplication::setStyle(QStyleFactory::create(m_systemStyle));
        QApplication::setPalette(m_systemPalette);
        break;
    case Theme::Light:
        QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
        QApplication::setPalette(lightPalette());
        break;
    case Theme::Dark:
        QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
        QApplication::setPalette(darkPalette());
        break;
    }
}

QPalette ThemeController::lightPalette()
{
    QPalette p(QColor(0xef, 0xef, 0xef));
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::AlternateBase, QColor(0xf5, 0xf7, 0xfa));
    p.setColor(QPalette::Highlight, QColor(0x30, 0x8c, 0xc6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    return p;
}

QPalette ThemeController::darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xe6, 0xe6, 0xe6);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Link, QColor(0x5a, 0xa9, 0xe6));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Mid, QColor(0x55, 0x57, 0x5a));
    p.setColor(QPalette::Midlight, QColor(0x45, 0x47, 0x4a));
    p.setColor(QPalette::Dark, QColor(0x18, 0x18, 0x18));
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    for (auto role : {QPalette::Text, QPalette::WindowText, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x80, 0x80, 0x80));
    return p;
}
