#include "SessionReplay.h"

#include "SessionReader.h"

#include <algorithm>

bool SessionReplay::load(const QString &path)
{
    SessionReader reader;
    if (!reader.open(path)) {
        m_error = reader.errorString();
        return false;
    }
    return finishLoading(reader);
}

bool SessionReplay::load(QIODevice *device)
{
    SessionReader reader;
    if (!reader.open(device)) {
        m_error = reader.errorString();
        return false;
    }
    return finishLoading(reader);
}

bool SessionReplay::finishLoading(SessionReader &reader)
{
    QList<SessionEvent> events;
    SessionEvent event;
    while (reader.next(&event))
        events << event;
    if (reader.hasError()) {
        m_error = reader.errorString();
        return false;
    }
    m_error.clear();
    m_header = reader.header();
    m_truncationNote = reader.truncationNote();
    m_events = std::move(events);

    m_latestT.resize(m_events.size());
    double latest = 0;
    for (qsizetype i = 0; i < m_events.size(); ++i)
        m_latestT[i] = latest = std::max(latest, m_events[i].t);

    // About 256 checkpoints at most, so that memory stays a small multiple of one moment's, and never fewer
    // events apart than it takes to make seeking cost more than applying them.
    m_checkpointEvery = std::max<qsizetype>(4096, m_events.size() / 256 + 1);
    m_checkpoints.clear();
    SessionMoment moment;
    for (qsizetype i = 0; i < m_events.size(); ++i) {
        if (i % m_checkpointEvery == 0)
            m_checkpoints << moment;
        moment.apply(m_events[i]);
    }
    if (m_checkpoints.isEmpty())
        m_checkpoints << moment;
    return true;
}

double SessionReplay::duration() const
{
    return m_latestT.isEmpty() ? 0.0 : m_latestT.last();
}

qsizetype SessionReplay::eventsUntil(double t) const
{
    return std::upper_bound(m_latestT.cbegin(), m_latestT.cend(), t) - m_latestT.cbegin();
}

SessionMoment SessionReplay::momentAt(double t) const
{
    return momentAfter(eventsUntil(t));
}

SessionMoment SessionReplay::momentAfter(qsizetype count) const
{
    count = std::clamp<qsizetype>(count, 0, m_events.size());
    const qsizetype checkpoint = std::min(count / m_checkpointEvery, m_checkpoints.size() - 1);
    SessionMoment moment = m_checkpoints[checkpoint];
    for (qsizetype i = checkpoint * m_checkpointEvery; i < count; ++i)
        moment.apply(m_events[i]);
    return moment;
}
