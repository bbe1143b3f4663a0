#include "HelpDialog.h"

#include "tasks/TaskStateStyle.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QEvent>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

HelpDialog::HelpDialog(Page page, QWidget *window, QWidget *parent)
    : QDialog(parent)
    , m_page(page)
    , m_window(window)
    , m_text(new QTextBrowser(this))
{
    setAttribute(Qt::WA_DeleteOnClose);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_close = buttons->button(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addWidget(buttons);
    resize(640, 560);
    retranslate();
}

QString HelpDialog::conceptsHtml()
{
    QString html = u"<h2>"_s + tr("Processes and threads") + u"</h2><p>"_s
        + tr("A <b>process</b> is a running program with its own memory; its PID names it. A <b>thread</b> is one "
             "line of execution inside a process; the threads of a process share its memory. Linux schedules "
             "threads (tasks), each with its own TID; the first thread's TID equals the PID.")
        + u"</p><h2>"_s + tr("States") + u"</h2><ul>"_s;
    for (TaskState state : TaskStateName::all()) {
        html += u"<li><span style=\"color:%1\">■</span> <b>%2</b> — %3</li>"_s.arg(
            TaskStateStyle::color(state).name(), TaskStateName::displayName(state).toHtmlEscaped(),
            TaskStateStyle::meaning(state).toHtmlEscaped());
    }
    html += u"</ul><p>"_s
        + tr("The bar in the task list shows how the last interval was spent: running on a core, ready in the run "
             "queue (more busy threads than cores), or blocked.")
        + u"</p><h2>"_s + tr("Zombies and orphans") + u"</h2><p>"_s
        + tr("When a process ends, its parent must collect its exit status (wait). Until then it is a "
             "<b>zombie</b>: nothing runs, but its PID stays taken. A process whose parent dies is an "
             "<b>orphan</b>; it is adopted by a subreaper (here: ProcLab) and its PPID changes.")
        + u"</p><h2>"_s + tr("Locks, queues and deadlocks") + u"</h2><p>"_s
        + tr("A thread that waits for a lock, for room in a full queue or for an item in an empty one is blocked. "
             "When threads wait for each other in a circle, none can go on: a <b>deadlock</b>. The wait-for "
             "graph shows the circle in red. Taking locks in one global order prevents it.")
        + u"</p><h2>"_s + tr("Signals") + u"</h2><p>"_s
        + tr("SIGTERM asks a process to end, SIGKILL ends it at once, SIGSTOP freezes it and SIGCONT lets it go "
             "on. Signals go to whole processes: one thread cannot be killed from outside, it can only be asked "
             "to finish.")
        + u"</p>"_s;
    return html;
}

QString HelpDialog::shortcutsHtml(const QWidget *window)
{
    QString html = u"<h2>"_s + tr("Keyboard shortcuts") + u"</h2><table cellpadding=\"4\">"_s;
    const QList<QAction *> actions = window ? window->findChildren<QAction *>() : QList<QAction *>();
    QStringList rows;
    for (const QAction *action : actions) {
        if (action->shortcuts().isEmpty() || action->text().isEmpty())
            continue;
        QStringList keys;
        for (const QKeySequence &key : action->shortcuts())
            keys << key.toString(QKeySequence::NativeText);
        rows << u"<tr><td><b>%1</b></td><td>%2</td></tr>"_s.arg(keys.join(u", "_s).toHtmlEscaped(),
                                                                 action->text().remove(u'&').toHtmlEscaped());
    }
    rows.sort();
    return html + rows.join(QString()) + u"</table>"_s;
}

void HelpDialog::retranslate()
{
    // Qt names its standard buttons through qtbase's own translations (qt6-translations-l10n); ours says it too,
    // so the guide never closes in English under a Chinese window when that package is missing.
    m_close->setText(tr("Close"));
    if (m_page == Page::Concepts) {
        setWindowTitle(tr("Concept guide — ProcLab"));
        m_text->setHtml(conceptsHtml());
    } else {
        setWindowTitle(tr("Keyboard shortcuts — ProcLab"));
        m_text->setHtml(shortcutsHtml(m_window));
    }
}

void HelpDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}
