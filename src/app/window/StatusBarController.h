#pragma once

#include "frame/TaskRow.h"

#include <QHash>
#include <QObject>

class QLabel;
class QStatusBar;

// The status bar's permanent fields: session time, tasks by state (icon-free text with the state colours), the
// sampling interval, a recording indicator and a "frozen" note.
class StatusBarController : public QObject
{
    Q_OBJECT
public:
    explicit StatusBarController(QStatusBar *bar, QObject *parent = nullptr);

    void setSessionTime(double seconds, bool running);
    void setCounts(const QHash<TaskState, int> &counts);
    void setInterval(int ms);
    void setRecording(bool recording);
    void setFrozen(bool frozen);
    void showMessage(const QString &text);
    void retranslate();

    QString countsText() const;

private:
    QStatusBar *m_bar;
    QLabel *m_time;
    QLabel *m_counts;
    QLabel *m_interval;
    QLabel *m_recording;
    QLabel *m_frozen;
    QHash<TaskState, int> m_lastCounts;
    int m_intervalMs = 100;
    bool m_isRecording = false;
    bool m_isFrozen = false;
    double m_seconds = 0;
    bool m_running = false;
};
