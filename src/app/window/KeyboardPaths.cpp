#include "KeyboardPaths.h"

#include "StatusBarController.h"
#include "lessons/ExperimentPanel.h"
#include "tasks/TaskActions.h"
#include "tasks/TaskTreePanel.h"
#include "waitgraph/WaitGraphPanel.h"

#include <QAction>
#include <QDockWidget>
#include <QEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QMainWindow>
#include <QMenu>
#include <QShortcut>
#include <QToolButton>
#include <QTreeView>

using namespace Qt::Literals::StringLiterals;

KeyboardPaths::KeyboardPaths(const Parts &parts, QObject *parent)
    : QObject(parent)
    , m_parts(parts)
    , m_focusExperiments(new QAction(this))
    , m_focusTasks(new QAction(this))
{
    m_focusExperiments->setObjectName(u"actionFocusExperiments"_s);
    m_focusTasks->setObjectName(u"actionFocusTasks"_s);
    m_focusExperiments->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_focusTasks->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    QAction *breakCycle = m_parts.waitGraph->breakAction();
    for (QAction *action : {m_focusExperiments, m_focusTasks, breakCycle}) {
        action->setShortcutContext(Qt::WindowShortcut);
        m_parts.window->addAction(action);
    }
    m_parts.viewMenu->addSeparator();
    m_parts.viewMenu->addActions({m_focusExperiments, m_focusTasks});
    m_parts.experimentMenu->addSeparator();
    m_parts.experimentMenu->addAction(breakCycle);

    connect(m_focusExperiments, &QAction::triggered, this, [this] {
        for (QWidget *w = m_parts.experiments; w; w = w->parentWidget()) {
            if (auto *dock = qobject_cast<QDockWidget *>(w))
                dock->show(); // a closed panel comes back: the key is the way to it
        }
        m_parts.experiments->list()->setFocus(Qt::ShortcutFocusReason);
    });
    connect(m_focusTasks, &QAction::triggered, this, [this] { m_parts.tasks->focusTable(); });

    for (QAction *action : m_parts.taskActions->keyedActions())
        explainWhenDisabled(action, [this, action] { return m_parts.taskActions->whyNot(action); });
    explainWhenDisabled(breakCycle, [breakCycle] {
        return tr("No live deadlock to break: %1 kills a process of a deadlock's cycle while the experiment runs.")
            .arg(breakCycle->shortcut().toString(QKeySequence::NativeText));
    });
    orderTabs();
    retranslate();
    m_parts.window->installEventFilter(this);
}

bool KeyboardPaths::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_parts.window && event->type() == QEvent::LanguageChange)
        retranslate();
    return QObject::eventFilter(watched, event);
}

void KeyboardPaths::orderTabs()
{
    // The catalogue first: it is where a lesson starts. Then the task filter and the table; the seven state
    // toggles come after the table, not before it.
    QListWidget *list = m_parts.experiments->list();
    QWidget::setTabOrder(m_parts.experiments->searchBox(), list);
    QWidget *previous = m_parts.tasks->filterEdit();
    QWidget::setTabOrder(previous, m_parts.tasks->view());
    previous = m_parts.tasks->view();
    for (QToolButton *button : m_parts.tasks->stateButtons()) {
        QWidget::setTabOrder(previous, button);
        previous = button;
    }
    list->setFocus(Qt::OtherFocusReason);
}

void KeyboardPaths::explainWhenDisabled(QAction *action, std::function<QString()> why)
{
    // A disabled action's key is not taken by Qt: this shortcut, enabled exactly then, answers instead.
    auto *hint = new QShortcut(action->shortcut(), m_parts.window);
    hint->setContext(Qt::WindowShortcut);
    auto sync = [hint, action] {
        hint->setKey(action->shortcut());
        hint->setEnabled(!action->isEnabled());
    };
    sync();
    connect(action, &QAction::changed, hint, sync);
    connect(hint, &QShortcut::activated, this, [this, why = std::move(why)] { m_parts.status->showMessage(why()); });
}

void KeyboardPaths::retranslate()
{
    m_focusExperiments->setText(tr("Go to the e&xperiment list"));
    m_focusTasks->setText(tr("Go to the &task table"));
}
