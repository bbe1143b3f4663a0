#pragma once

#include "ReplayHistory.h"
#include "timeline/TimeSpan.h"
#include "frame/Frame.h"

#include "session/SessionReplay.h"

#include <QObject>

class QTimer;

// A recorded session shown read-only (Session ▸ Open…): where the timeline stands, and play/pause at a chosen
// speed. Every move hands the views the moment at the new position (SessionReplay::momentAt) as a Frame
// (FrameRowBuilder::frameOf, the rule the live frames use too), the
// charts the recorded samples (historyShown: a step forward adds the new ones; a seek back or a jump forward gives
// the whole last minute ending at the moment, so each view shows the same history however the user got there),
// and the log the events up to it — only the new ones when it moved forward, all of them again when it moved back.
class ReplayController : public QObject
{
    Q_OBJECT
public:
    explicit ReplayController(QObject *parent = nullptr);

    // Reads a whole session and moves to its start. False with *error (with the line number for a bad line).
    bool load(const QString &path, QString *error);
    bool isLoaded() const { return m_loaded; }
    const SessionReplay &replay() const { return m_replay; }
    double duration() const { return m_replay.duration(); }
    double position() const { return m_position; }

    // Moves to t (clamped to 0…duration()).
    void seek(double t);
    // The recorded moment at position() (what the tick of the last move was made from).
    const SessionMoment &moment() const { return m_moment; }
    // A move forward by at most this much adds samples; a longer one (or any move back) rebuilds the history.
    static constexpr double MaxStepSeconds = 0.4;
    // The history the views show: the charts' 60 s.
    static constexpr double HistorySeconds = TimeSpan::LongestSeconds;
    // Plays from the position at `speed` × real time (1 or 4 in the window); from the start when at the end.
    void play(double speed);
    void pause();
    bool isPlaying() const;
    double speed() const { return m_speed; }
    // Ends the replay: stops playing, forgets the session.
    void close();


Q_SIGNALS:
    // Samples to chart, sent before moved(); history.reset: replace the charts' and the timeline's history.
    void historyShown(const ReplayHistory &history);
    // The moment at the new position; `back`: the position went back, views that accumulate must start over.
    void moved(const Frame &tick, bool back);
    // Events to show in the log; `reset`: replace what the log shows.
    void eventsShown(const QList<SessionEvent> &events, bool reset);
    void playingChanged(bool playing);

private:
    void advance();

    SessionReplay m_replay;
    SessionMoment m_moment;
    QTimer *m_timer;
    double m_position = 0;
    double m_speed = 1;
    qsizetype m_shownEvents = 0;
    bool m_loaded = false;
};
