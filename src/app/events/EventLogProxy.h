#pragma once

#include "EventLogFilter.h"

#include <QSortFilterProxyModel>

class EventLogModel;

// Filters the event log with EventLogFilter's rules.
class EventLogProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit EventLogProxy(QObject *parent = nullptr);
    void setLogModel(EventLogModel *model);
    const EventLogFilter &filter() const { return m_filter; }
    void setFilter(const EventLogFilter &filter);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    EventLogModel *m_model = nullptr;
    EventLogFilter m_filter;
};
