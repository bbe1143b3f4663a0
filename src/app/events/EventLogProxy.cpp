#include "EventLogProxy.h"

#include "EventLogModel.h"

EventLogProxy::EventLogProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
}

void EventLogProxy::setLogModel(EventLogModel *model)
{
    m_model = model;
    setSourceModel(model);
}

void EventLogProxy::setFilter(const EventLogFilter &filter)
{
    m_filter = filter;
    invalidateFilter();
}

bool EventLogProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_model || sourceParent.isValid())
        return false;
    return m_filter.accepts(m_model->eventAt(sourceRow));
}
