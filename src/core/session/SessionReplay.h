#pragma once

#include "SessionHeader.h"
#include "SessionMoment.h"
#include "base/SessionEvent.h"

#include <QCoreApplication>
#include <QList>

class QIODevice;
class SessionReader;

// A recorded session opened for replay (Session ▸ Open…): its events in memory, and the moment at any time t —
// what every view shows when the timeline slider is at t. Seeking is cheap in both directions: a SessionMoment is
// kept every few thousand events, and momentAt() starts from the nearest one at or before t.
class SessionReplay
{
    Q_DECLARE_TR_FUNCTIONS(SessionReplay)
public:
    // Reads a whole session (see SessionReader for what is accepted). False with errorString() on a refusal.
    bool load(const QString &path);
    bool load(QIODevice *device);

    QString errorString() const { return m_error; }
    // The file was cut short by a crash and read up to its last whole line; truncationNote() says so in words.
    bool isTruncated() const { return !m_truncationNote.isEmpty(); }
    QString truncationNote() const { return m_truncationNote; }

    const SessionHeader &header() const { return m_header; }
    const QList<SessionEvent> &events() const { return m_events; }
    // The time of the last event: the end of the timeline.
    double duration() const;

    // How many events lie at or before t, in file order: the log view shows events()[0, eventsUntil(t)).
    // (Events from different threads may step back in t by a little; an event counts once every event before it
    // is at or before t too, so the log never shows a later event without an earlier one.)
    qsizetype eventsUntil(double t) const;
    // The session at time t: every event of eventsUntil(t) applied.
    SessionMoment momentAt(double t) const;
    // The session after its first `count` events (clamped to 0…events().size()): the moment a live view had when
    // it had applied that many, whatever their times.
    SessionMoment momentAfter(qsizetype count) const;

private:
    bool finishLoading(SessionReader &reader);

    SessionHeader m_header;
    QList<SessionEvent> m_events;
    QList<double> m_latestT;            // m_latestT[i]: the largest t among events 0..i (non-decreasing)
    QList<SessionMoment> m_checkpoints; // m_checkpoints[k]: the moment after k × m_checkpointEvery events
    qsizetype m_checkpointEvery = 4096;
    QString m_error;
    QString m_truncationNote;
};
