#pragma once

#include <QObject>
#include <QPalette>
#include <QString>

// Settings ▸ Theme: System, Light or Dark. Qt 6.4 has no colour-scheme API, so "System" keeps the style and
// palette the platform gave at start-up (views judge light or dark from the palette, and follow its changes);
// Light and Dark use the Fusion style with a palette of their own.
class ThemeController : public QObject
{
    Q_OBJECT
public:
    enum class Theme { System, Light, Dark };
    explicit ThemeController(QObject *parent = nullptr);

    void apply(Theme theme);
    Theme theme() const { return m_theme; }
    static QString key(Theme theme);
    static Theme fromKey(const QString &key);
    static QPalette darkPalette();
    static QPalette lightPalette();

private:
    Theme m_theme = Theme::System;
    QString m_systemStyle;
    QPalette m_systemPalette;
};
