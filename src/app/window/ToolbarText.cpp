#include "ToolbarText.h"

#include <QAction>
#include <QEvent>
#include <QLayout>
#include <QRegularExpression>
#include <QStyle>
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

void ToolbarText::setTexts(bool brief)
{
    for (QAction *action : m_toolbar->actions()) {
        if (action->isSeparator())
            continue;
        const QString text = withoutMnemonic(action->text());
        const QString shown = brief ? shortForm(text) : text;
        if (action->iconText() != shown)
            action->setIconText(shown);
    }
}

int ToolbarText::widthWith(bool brief)
{
    setTexts(brief);
    int width = 0;
    for (QAction *action : m_toolbar->actions()) {
        if (const QWidget *button = m_toolbar->widgetForAction(action); button && action->isVisible())
            width += button->sizeHint().width() + m_toolbar->layout()->spacing();
    }
    return width + m_toolbar->layout()->contentsMargins().left() + m_toolbar->layout()->contentsMargins().right()
        + m_toolbar->style()->pixelMetric(QStyle::PM_ToolBarHandleExtent);
}

void ToolbarText::update()
{
    if (m_updating)
        return;
    m_updating = true;
    // Measured with the real buttons: the whole texts when they all fit, else the short ones.
    const bool brief = m_toolbar->width() > 0 && widthWith(false) > m_toolbar->width();
    setTexts(brief);
    m_updating = false;
}

bool ToolbarText::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_toolbar && (event->type() == QEvent::Resize || event->type() == QEvent::LanguageChange))
        update();
    return QObject::eventFilter(watched, event);
}
