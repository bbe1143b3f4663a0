#pragma once

#include "experiments/Experiment.h"

#include <QDateTime>
#include <QList>
#include <QWidget>

class QFormLayout;
class QLabel;

// The session tab: what runs (or ran) — experiment, parameters, start time, session file, interval, cores, and,
// once it stopped, whether the phenomenon was observed.
class SessionInfoWidget : public QWidget
{
    Q_OBJECT
public:
    explicit SessionInfoWidget(QWidget *parent = nullptr);

    void showStarted(const QString &experiment, const ParameterValues &values, const QString &logPath,
                     int intervalMs, int cores);
    void showInterval(int intervalMs);
    void showVerdict(const PhenomenonVerdict &verdict);
    // A session read from a file (Session ▸ Open…).
    void showOpened(const QString &path, const QString &experiment, const QJsonObject &parameters, int events,
                    const QString &note);
    void clear();
    QString verdictText() const;
    // The name shown beside row `row` (0 experiment … 6 phenomenon); for tests.
    QString nameOf(int row) const;
    QString startedText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showStartTime();

    QFormLayout *m_form;
    QLabel *m_experiment;
    QLabel *m_parameters;
    QLabel *m_started;
    QLabel *m_file;
    QLabel *m_interval;
    QLabel *m_cores;
    QLabel *m_verdict;
    QList<QLabel *> m_names; // the rows' names, in the order of the values above
    QDateTime m_startedAt;   // invalid for an opened recording
};
