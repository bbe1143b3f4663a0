#pragma once

#include "base/SessionEvent.h"

#include <QAbstractTableModel>
#include <QList>

// The live event log: the session's events, newest last, in a bounded list (the oldest go first once capacity()
// is reached, a block at a time, so a long session keeps a flat memory and few row removals).
class EventLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, KindColumn, PidColumn, TidColumn, DetailsColumn, ColumnCount };
    enum Role { KindRole = Qt::UserRole + 1, EventIndexRole };

    explicit EventLogModel(QObject *parent = nullptr);

    void setCapacity(int capacity);
    int capacity() const { return m_capacity; }
    // Appends a batch with one beginInsertRows (and, when full, one beginRemoveRows).
    void append(const QList<SessionEvent> &events);
    void clear();
    const SessionEvent &eventAt(int row) const { return m_events.at(row); }

    // One line in words for the details column: the fields that matter for this kind.
    static QString describe(const SessionEvent &event);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<SessionEvent> m_events;
    int m_capacity = 20000;
};
