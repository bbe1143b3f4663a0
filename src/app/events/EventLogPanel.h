#pragma once

#include "base/SessionEvent.h"

#include <QWidget>

class EventLogModel;
class EventLogProxy;
class QLineEdit;
class QTableView;
class QToolButton;

// The event log tab: the live events, filtered by kind family (a menu of check boxes) and by task (PID or TID).
// It follows the newest event unless the user scrolled up.
class EventLogPanel : public QWidget
{
    Q_OBJECT
public:
    explicit EventLogPanel(QWidget *parent = nullptr);

    void append(const QList<SessionEvent> &events);
    void clear();
    EventLogModel *model() const { return m_model; }
    EventLogProxy *proxy() const { return m_proxy; }
    QLineEdit *taskEdit() const { return m_task; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyFilter();
    void retranslate();

    EventLogModel *m_model;
    EventLogProxy *m_proxy;
    QToolButton *m_kinds;
    QLineEdit *m_task;
    QTableView *m_view;
    QList<QAction *> m_familyActions;
};
