#include "LanguageSwitcher.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>

using namespace Qt::Literals::StringLiterals;

LanguageSwitcher::LanguageSwitcher(QObject *parent)
    : QObject(parent)
{
}

QStringList LanguageSwitcher::available()
{
    return {u"en"_s, u"zh_CN"_s};
}

bool LanguageSwitcher::apply(const QString &language)
{
    m_requested = language;
    QString wanted = language;
    if (wanted.isEmpty()) {
        // Any Chinese locale gets the Simplified Chinese translation; everything else English.
        wanted = QLocale::system().language() == QLocale::Chinese ? u"zh_CN"_s : u"en"_s;
    }
    const bool known = available().contains(wanted);
    if (!known)
        wanted = u"en"_s;

    QCoreApplication::removeTranslator(&m_appTranslator);
    QCoreApplication::removeTranslator(&m_qtTranslator);
    if (wanted != u"en"_s) {
        if (m_appTranslator.load(u":/i18n/proclab_"_s + wanted + u".qm"_s))
            QCoreApplication::installTranslator(&m_appTranslator);
        // Qt's own strings (standard buttons, dialogs) when the qt6-translations-l10n package is there.
        if (m_qtTranslator.load(u"qtbase_"_s + wanted, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(&m_qtTranslator);
    }
    // Dates, times and numbers follow the window's language, not the system's (a session started under Chinese
    // reads "2026/12/1 14:05", not "1 Dec 2026").
    const QLocale system = QLocale::system();
    QLocale::setDefault(wanted != u"en"_s ? QLocale(wanted)
                            : system.language() == QLocale::English ? system
                                                                   : QLocale(QLocale::English, QLocale::UnitedKingdom));
    m_current = wanted;
    return known;
}
