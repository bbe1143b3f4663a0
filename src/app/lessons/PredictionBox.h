#pragma once

#include "experiments/Experiment.h"

#include <QGroupBox>
#include <QList>

class QButtonGroup;
class QLabel;
class QRadioButton;
class QVBoxLayout;

// "Predict, then run": the experiment's question (Experiment::prediction()) with a radio button per choice and
// "Skip", chosen by default. The choice goes into the run (ExperimentRun::Options::predicted, recorded in
// experiment.start); the result card reveals what the run proved. Locked while a run goes on.
class PredictionBox : public QGroupBox
{
    Q_OBJECT
public:
    explicit PredictionBox(QWidget *parent = nullptr);

    // Shows `prediction`'s question and choices; the choice goes back to Skip.
    void setPrediction(const Prediction &prediction);
    // The chosen index into the choices; -1 for Skip.
    int choice() const;
    // Chooses an index (-1: Skip); for a language change and tests.
    void setChoice(int choice);
    QList<QRadioButton *> choiceButtons() const { return m_choices; }
    QRadioButton *skipButton() const { return m_skip; }

protected:
    void changeEvent(QEvent *event) override;
    // A click on a choice's words chooses it.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslate();

    QLabel *m_question;
    QVBoxLayout *m_layout;
    QButtonGroup *m_group;
    QList<QRadioButton *> m_choices;
    QList<QWidget *> m_rows;   // a choice's button and its words (they wrap: the panel is narrow)
    QRadioButton *m_skip;
};
