#pragma once

#include <QObject>
#include <QString>

class QToolBar;

// What the toolbar's buttons say. A button has no mnemonic, so "终止 (SIGTERM)(&T)" must not show as
// "终止 (SIGTERM)(T)": the action's text without its mnemonic marks. When the window is too narrow for every button
// with its whole text (1024 pixels), the buttons drop what stands in parentheses ("Terminate", the signal stays in
// the tooltip) before Qt's overflow menu takes any. Follows resizes and language changes.
class ToolbarText : public QObject
{
    Q_OBJECT
public:
    explicit ToolbarText(QToolBar *toolbar);

    // "&Terminate (SIGTERM)" → "Terminate (SIGTERM)"; "终止 (SIGTERM)(&T)" → "终止 (SIGTERM)"; "A && B" → "A & B".
    static QString withoutMnemonic(const QString &text);
    // The text without a parenthesised part: "Terminate (SIGTERM)" → "Terminate".
    static QString shortForm(const QString &text);
    // Sets every button's text again (after the actions were renamed).
    void update();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void setTexts(bool brief);
    // The buttons' width with the whole or the short texts (it sets them to measure).
    int widthWith(bool brief);

    QToolBar *m_toolbar;
    bool m_updating = false;
};
