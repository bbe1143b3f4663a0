#include "EmptyTableHint.h"

#include <QAbstractItemModel>
#include <QAbstractItemView>
#include <QEvent>

EmptyTableHint::EmptyTableHint(QAbstractItemView *view, QAbstractItemModel *shown, QAbstractItemModel *all)
    : QLabel(view->viewport())
    , m_view(view)
    , m_shown(shown)
    , m_all(all)
{
    setObjectName(QStringLiteral("emptyTableHint"));
    setAlignment(Qt::AlignCenter);
    setWordWrap(true);
    setForegroundRole(QPalette::PlaceholderText);
    setAttribute(Qt::WA_TransparentForMouseEvents);
    for (QAbstractItemModel *model : {m_shown, m_all}) {
        connect(model, &QAbstractItemModel::rowsInserted, this, &EmptyTableHint::refresh);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &EmptyTableHint::refresh);
        connect(model, &QAbstractItemModel::modelReset, this, &EmptyTableHint::refresh);
        connect(model, &QAbstractItemModel::layoutChanged, this, &EmptyTableHint::refresh);
    }
    view->viewport()->installEventFilter(this);
    refresh();
}

void EmptyTableHint::refresh()
{
    const bool empty = m_shown->rowCount() == 0;
    if (m_all->rowCount() > 0)
        setText(tr("No task matches the filter."));
    else if (m_replaying)
        setText(tr("No task had started yet at this moment of the recording: press Play or drag the time line "
                   "below."));
    else
        setText(tr("No tasks yet. Choose an experiment on the left and press Start (F5): its processes and threads "
                   "appear here, with their state and why they wait."));
    setVisible(empty);
    if (empty) {
        const QRect area = m_view->viewport()->rect();
        setGeometry(area.adjusted(area.width() / 10, 0, -area.width() / 10, 0));
    }
}

void EmptyTableHint::setReplaying(bool replaying)
{
    m_replaying = replaying;
    refresh();
}

bool EmptyTableHint::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        refresh();
    return QLabel::eventFilter(watched, event);
}

void EmptyTableHint::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QLabel::changeEvent(event);
}
