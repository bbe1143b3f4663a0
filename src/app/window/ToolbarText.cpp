#include "ToolbarText.h"

#include <QAction>
#include <QEvent>
#include <QRegularExpression>
#include <QToolBar>

using namespace Qt::Literals::StringLiterals;

ToolbarText::ToolbarText(QToolBar *toolbar)
    : QObject(toolbar)
    , m_toolbar(toolbar)
{
    toolbar->installEventFilter(this);
    update();
}

QString ToolbarText::withoutMnemonic(const QString &text)
{
    // Translations that keep the English key append it: "(&T)", full-width parentheses too.
    static const QRegularExpression appended(u"\\s*[(（]&[^)）][)）]"_s);
    QString plain = text;
    plain.remove(appended);
    QString out;
    out.reserve(plain.size());
    for (qsizetype i = 0; i < plain.size(); ++i) {
        if (plain.at(i) == u'&') {
            if (i + 1 < plain.size() && plain.at(i + 1) == u'&')
                out += u'&', ++i;
            continue;
        }
        out += plain.at(i);
    }
    return out.trimmed();
}

QString ToolbarText::shortForm(const QString &text)
{
    static const QRegularExpression parenthesis(u"\\s*[(（][^)）]*[)）]"_s);
    QString brief = text;
    brief.remove(parenthesis);
    brief = brief.trimmed();
    return brief.isEmpty() ? text : brief;
}

int ToolbarText::widthWith(bool shortTexts) const
{
    const QFontMetrics metrics = m_toolbar->fontMetrics();
    const int icon = m_toolbar->iconSize().width();
    int width = 0;
    for (QAction *action : m_toolbar->actions()) {
        if (action->isSeparator()) {
            width += metrics.height() / 2;
            continue;
        }
        if (!action->isVisible())
            continue;
        const QString text = withoutMnemonic(action->text());
        // Icon, text, and the button's margins (about a line's height across its sides and the spacing).
        width += icon + metrics.horizontalAdvance(shortTexts ? shortForm(text) : text) + metrics.height();
    }
    return width;
}

void ToolbarText::update()
{
    if (m_updating)
        return;
    m_updating = true;
    const bool brief = widthWith(false) > m_toolbar->width() && m_toolbar->width() > 0;
    for (QAction *action : m_toolbar->actions()) {
        if (action->isSeparator())
            continue;
        const QString text = withoutMnemonic(action->text());
        const QString shown = brief ? shortForm(text) : text;
        if (action->iconText() != shown)
            action->setIconText(shown);
    }
    m_updating = false;
}

bool ToolbarText::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_toolbar && (event->type() == QEvent::Resize || event->type() == QEvent::LanguageChange))
        update();
    return QObject::eventFilter(watched, event);
}
