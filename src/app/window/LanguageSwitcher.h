#pragma once

#include <QObject>
#include <QTranslator>

// Installs ProcLab's and Qt's own translations and swaps them at run time. Widgets re-translate themselves on the
// QEvent::LanguageChange that installing a translator sends, so no restart is needed.
class LanguageSwitcher : public QObject
{
    Q_OBJECT
public:
    explicit LanguageSwitcher(QObject *parent = nullptr);

    // The languages ProcLab is translated to, as locale names; English is the source language.
    static QStringList available();
    // "en", "zh_CN", or empty for the system locale. Unknown names fall back to English and return false.
    bool apply(const QString &language);
    // The language in effect ("en" or "zh_CN"), after resolving the system locale.
    QString current() const { return m_current; }
    // What the last apply() was asked for: "en", "zh_CN", or empty (follow the system).
    QString requested() const { return m_requested; }

private:
    QTranslator m_appTranslator;
    QTranslator m_qtTranslator;
    QString m_current = QStringLiteral("en");
    QString m_requested;
};
