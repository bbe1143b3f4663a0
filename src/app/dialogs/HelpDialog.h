#pragma once

#include <QDialog>

class QPushButton;
class QTextBrowser;

// Help ▸ Concept guide (processes, threads, states, zombies, orphans, locks, deadlocks in a few words each) and
// Help ▸ Keyboard shortcuts (read from the window's actions, so it never disagrees with them). Non-modal.
class HelpDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Page { Concepts, Shortcuts };
    HelpDialog(Page page, QWidget *window, QWidget *parent = nullptr);

    static QString conceptsHtml();
    static QString shortcutsHtml(const QWidget *window);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    Page m_page;
    QWidget *m_window;
    QTextBrowser *m_text;
    QPushButton *m_close = nullptr;
};
