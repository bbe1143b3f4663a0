#pragma once

#include <QLabel>

class QAbstractItemModel;
class QAbstractItemView;

// A line in the middle of an empty task table saying what to do: on a first launch, start an experiment; in a
// replay, play on; when the filter hides every row, that the filter does. Gone as soon as a row is shown.
class EmptyTableHint : public QLabel
{
    Q_OBJECT
public:
    // `shown`: what the view shows (the proxy); `all`: every task (the source model).
    EmptyTableHint(QAbstractItemView *view, QAbstractItemModel *shown, QAbstractItemModel *all);
    // In a replay an empty table is a moment before anything started: the hint says how to move on, not to
    // press Start (which a replay disables).
    void setReplaying(bool replaying);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refresh();

    QAbstractItemView *m_view;
    QAbstractItemModel *m_shown;
    QAbstractItemModel *m_all;
    bool m_replaying = false;
};
