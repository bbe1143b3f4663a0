#pragma once

#include "experiments/ParameterValues.h"

#include <QObject>
#include <QString>

class ExperimentPanel;
class SessionMenu;
struct SessionHeader;

// What the window shows around a replay: the recording's experiment selected in the experiment panel with the
// recording's parameters (read-only), and a title naming the recording. enter() keeps what the panel showed
// before; leave() gives it back, so closing a replay returns to the lesson the user was preparing.
class ReplayContext : public QObject
{
    Q_OBJECT
public:
    // Follows the replays `menu` opens and closes.
    ReplayContext(ExperimentPanel *panel, SessionMenu *menu, QObject *parent = nullptr);

    void enter(const SessionHeader &header, const QString &path);
    void leave();
    bool isActive() const { return m_active; }
    // The window title while a replay is open ("ProcLab — replay of Deadlock (file.jsonl)"); empty otherwise.
    QString windowTitle() const;

Q_SIGNALS:
    void changed();

private:
    ExperimentPanel *m_panel;
    QString m_savedId;
    ParameterValues m_savedValues;
    QString m_experimentTitle;
    QString m_file;
    bool m_active = false;
};
