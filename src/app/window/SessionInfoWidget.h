#pragma once

#include "experiments/Experiment.h"

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

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QFormLayout *m_form;
    QLabel *m_experiment;
    QLabel *m_parameters;
    QLabel *m_started;
    QLabel *m_file;
    QLabel *m_interval;
    QLabel *m_cores;
    QLabel *m_verdict;
};
