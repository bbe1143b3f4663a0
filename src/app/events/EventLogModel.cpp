#include "EventLogModel.h"
#include "base/EventKind.h"

#include <QBrush>
#include <QColor>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

EventLogModel::EventLogModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void EventLogModel::setCapacity(int capacity)
{
    m_capacity = std::max(10, capacity);
    if (m_events.size() > m_capacity) {
        beginRemoveRows({}, 0, int(m_events.size()) - m_capacity - 1);
        m_events.remove(0, m_events.size() - m_capacity);
        endRemoveRows();
    }
}

void EventLogModel::append(const QList<SessionEvent> &events)
{
    if (events.isEmpty())
        return;
    const qsizetype overflow = m_events.size() + events.size() - m_capacity;
    if (overflow > 0) {
        // Drop a tenth more than needed, so the next batches append without a removal each.
        const qsizetype drop = std::min(m_events.size(), overflow + m_capacity / 10);
        if (drop > 0) {
            beginRemoveRows({}, 0, int(drop) - 1);
            m_events.remove(0, drop);
            endRemoveRows();
        }
    }
    const qsizetype take = std::min<qsizetype>(events.size(), m_capacity);
    const int first = int(m_events.size());
    beginInsertRows({}, first, first + int(take) - 1);
    m_events.append(events.mid(events.size() - take));
    endInsertRows();
}

void EventLogModel::clear()
{
    beginResetModel();
    m_events.clear();
    endResetModel();
}

int EventLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int EventLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn: return tr("Time (s)");
    case KindColumn: return tr("Event");
    case PidColumn: return tr("PID");
    case TidColumn: return tr("TID");
    case DetailsColumn: return tr("Details");
    }
    return {};
}

static QString valueText(const QJsonValue &value)
{
    if (value.isDouble()) {
        const double d = value.toDouble();
        return d == double(qint64(d)) ? QString::number(qint64(d)) : QString::number(d, 'g', 6);
    }
    if (value.isString())
        return value.toString();
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    return {};
}

QString EventLogModel::describe(const SessionEvent &event)
{
    const QJsonObject &f = event.fields;
    if (f.contains(u"explanation"_s))
        return f.value(u"explanation"_s).toString();
    if (event.kind == EventKind::TaskState) {
        QString text = tr("%1 → %2").arg(f.value(u"from"_s).toString(), f.value(u"to"_s).toString());
        if (!f.value(u"reason"_s).toString().isEmpty())
            text += u" ("_s + f.value(u"reason"_s).toString() + u')';
        return text;
    }
    if (event.kind == EventKind::ProcessReparent)
        return tr("parent %1 → %2").arg(valueText(f.value(u"from"_s)), valueText(f.value(u"to"_s)));
    if (event.kind == EventKind::ProcessExit) {
        if (f.contains(u"signal"_s))
            return tr("killed by %1").arg(f.value(u"signal_name"_s).toString());
        if (f.contains(u"code"_s))
            return tr("exit code %1").arg(valueText(f.value(u"code"_s)));
        // A process of a program's tree whose own parent reaped it first: the kernel gave its status to that parent.
        return tr("exit status unknown (reaped by its parent)");
    }
    if (event.kind == EventKind::Error || event.kind == EventKind::Output)
        return f.value(u"message"_s).toString() + f.value(u"line"_s).toString();
    if (event.kind == EventKind::Phenomenon)
        return f.value(u"detail"_s).toString();
    QStringList parts;
    for (auto it = f.constBegin(); it != f.constEnd(); ++it) {
        if (it.key() == u"pid"_s || it.key() == u"tid"_s)
            continue;
        parts << it.key() + u'=' + valueText(it.value());
    }
    return parts.join(u"  "_s);
}

QVariant EventLogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_events.size())
        return {};
    const SessionEvent &event = m_events.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (index.column()) {
        case TimeColumn: return QString::number(event.t, 'f', 3);
        case KindColumn: return event.kind;
        case PidColumn: return event.fields.contains(u"pid"_s) ? valueText(event.fields.value(u"pid"_s)) : QString();
        case TidColumn: return event.fields.contains(u"tid"_s) ? valueText(event.fields.value(u"tid"_s)) : QString();
        case DetailsColumn: return describe(event);
        }
    } else if (role == Qt::ToolTipRole) {
        return QString::fromUtf8(event.toJsonLine());
    } else if (role == Qt::ForegroundRole && index.column() == KindColumn) {
        if (event.kind == EventKind::Error || event.kind.startsWith(EventKind::DeadlockDetected)
            || event.kind == EventKind::LockOwnerDead || event.kind == EventKind::LockFutexMismatch)
            return QBrush(QColor(0xd2, 0x3f, 0x31));
    } else if (role == KindRole) {
        return event.kind;
    } else if (role == EventIndexRole) {
        return index.row();
    }
    return {};
}
