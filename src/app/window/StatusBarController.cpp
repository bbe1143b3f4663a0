#include "StatusBarController.h"

#include "tasks/TaskStateStyle.h"

#include <QLabel>
#include <QStatusBar>

using namespace Qt::Literals::StringLiterals;

StatusBarController::StatusBarController(QStatusBar *bar, QObject *parent)
    : QObject(parent)
    , m_bar(bar)
    , m_time(new QLabel(bar))
    , m_counts(new QLabel(bar))
    , m_interval(new QLabel(bar))
    , m_recording(new QLabel(bar))
    , m_frozen(new QLabel(bar))
{
    m_time->setObjectName(u"statusTime"_s);
    m_counts->setObjectName(u"statusCounts"_s);
    m_recording->setObjectName(u"statusRecording"_s);
    bar->addPermanentWidget(m_counts);
    bar->addPermanentWidget(m_frozen);
    bar->addPermanentWidget(m_recording);
    bar->addPermanentWidget(m_interval);
    bar->addPermanentWidget(m_time);
    retranslate();
}

void StatusBarController::setSessionTime(double seconds, bool running)
{
    m_seconds = seconds;
    m_running = running;
    const int total = int(seconds);
    const QString clock = u"%1:%2:%3"_s.arg(total / 3600, 2, 10, QChar(u'0')).arg(total / 60 % 60, 2, 10, QChar(u'0')).arg(total % 60, 2, 10, QChar(u'0'));
    m_time->setText(running ? tr("Session %1").arg(clock) : tr("No experiment running"));
}

void StatusBarController::setCounts(const QHash<TaskState, int> &counts)
{
    m_lastCounts = counts;
    m_counts->setText(countsText());
}

QString StatusBarController::countsText() const
{
    QStringList parts;
    for (TaskState state : TaskStateName::all()) {
        const int n = m_lastCounts.value(state);
        if (n == 0)
            continue;
        parts << u"<span style=\"color:%1\">●</span> %2 %3"_s.arg(TaskStateStyle::color(state).name())
                     .arg(n).arg(TaskStateName::displayName(state).toHtmlEscaped());
    }
    return parts.join(u"  "_s);
}

void StatusBarController::setInterval(int ms)
{
    m_intervalMs = ms;
    m_interval->setText(tr("every %1 ms").arg(ms));
    m_interval->setToolTip(tr("Sampling interval (Settings ▸ Sampling interval)"));
}

void StatusBarController::setRecording(bool recording)
{
    m_isRecording = recording;
    m_recording->setText(recording ? u"<span style=\"color:#d23f31\">●</span> "_s + tr("REC") : QString());
    m_recording->setToolTip(recording ? tr("The session is being recorded to a file") : QString());
    m_recording->setVisible(recording);
}

void StatusBarController::setFrozen(bool frozen)
{
    m_isFrozen = frozen;
    m_frozen->setText(frozen ? tr("❄ Display frozen (F6)") : QString());
    m_frozen->setVisible(frozen);
}

void StatusBarController::showMessage(const QString &text)
{
    m_bar->showMessage(text, 8000);
}

void StatusBarController::retranslate()
{
    setSessionTime(m_seconds, m_running);
    setCounts(m_lastCounts);
    setInterval(m_intervalMs);
    setRecording(m_isRecording);
    setFrozen(m_isFrozen);
}
