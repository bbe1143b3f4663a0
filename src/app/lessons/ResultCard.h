#pragma once

#include "base/SessionEvent.h"

#include <QHash>
#include <QList>
#include <QWidget>

class QGridLayout;
class QLabel;

// The live result card above the task table: the experiment's own figures (its `measure` events, recorded the
// moment they are known) in plain words and large numbers — the race's lost updates, the pool's makespans, the
// cores the GIL lets threads use — updated as each new value arrives, and the verdict once the run has one. The
// same events come from a live run, a watched program and a replay (up to the chosen moment), through
// FrameFanOut. With the verdict comes the prediction's reveal: the choice the run's own figures proved (the
// `phenomenon` event's answer) and whether the learner's prediction (experiment.start's `prediction`) was right.
// Hidden while there is nothing to show.
class ResultCard : public QWidget
{
    Q_OBJECT
public:
    explicit ResultCard(QWidget *parent = nullptr);

    void append(const QList<SessionEvent> &events);
    void clear();
    // The value shown for a figure (FigureLabels' words), empty when it has none; for tests and the status bar.
    QString valueOf(const QString &name) const;
    int figureCount() const { return int(m_order.size()); }
    // The figures as the card lays them out, left to right and row by row.
    QStringList order() const { return m_order; }
    // The prediction's line once the run has a verdict ("You predicted … — the run proved …: right."); empty before.
    QString predictionText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Shown
    {
        double value = 0;
        QJsonObject extra;
        QLabel *label = nullptr;
        QLabel *figure = nullptr;
    };
    void show(const QString &name, double value, const QJsonObject &extra);
    void relabel();
    void place(const QString &name);
    void reveal(const QJsonObject &phenomenon);

    QGridLayout *m_grid;
    QLabel *m_verdict;
    QLabel *m_prediction;
    int m_predicted = -1;        // experiment.start's prediction.choice; -1: skipped
    QString m_predictedText;     // its words, as the run recorded them
    QStringList m_order;
    QStringList m_lessonOrder;
    QHash<QString, Shown> m_shown;
};
