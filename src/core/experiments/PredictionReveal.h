#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

// A prediction against what the run proved, in words: the one sentence the window's result card, `proclab run
// --predict` and the lesson path say. Decided from the `phenomenon` event's fields (`verdict`, `answer`,
// `answer_text`, `load`, `detail`) — the run's own figures — and the learner's choice.
class PredictionReveal
{
    Q_DECLARE_TR_FUNCTIONS(PredictionReveal)
public:
    enum class Outcome {
        Nothing,      // no prediction, and the figures proved no choice either: nothing to say
        NotPredicted, // no prediction; the figures proved a choice
        Right,
        Wrong,
        NoneProved,   // a prediction; the figures prove none of the choices
        Inconclusive, // a prediction; other programs' load left the lesson too few cores to decide
    };

    // `predicted`: the 0-based choice, -1 for none.
    static Outcome outcomeOf(const QJsonObject &phenomenon, int predicted);
    // `predictedText`: the choice's words as the run recorded them. Empty for Outcome::Nothing.
    static QString sentence(const QJsonObject &phenomenon, int predicted, const QString &predictedText);
};
