#include "PredictionReveal.h"

using namespace Qt::Literals::StringLiterals;

PredictionReveal::Outcome PredictionReveal::outcomeOf(const QJsonObject &phenomenon, int predicted)
{
    const int answer = phenomenon.value(u"answer"_s).toInt(-1);
    if (predicted < 0)
        return answer >= 0 ? Outcome::NotPredicted : Outcome::Nothing;
    if (phenomenon.value(u"verdict"_s).toString() == u"inconclusive"_s)
        return Outcome::Inconclusive;
    if (answer < 0)
        return Outcome::NoneProved;
    return answer == predicted ? Outcome::Right : Outcome::Wrong;
}

QString PredictionReveal::sentence(const QJsonObject &phenomenon, int predicted, const QString &predictedText)
{
    const QString proved = phenomenon.value(u"answer_text"_s).toString();
    switch (outcomeOf(phenomenon, predicted)) {
    case Outcome::Nothing:
        return {};
    case Outcome::NotPredicted:
        return tr("No prediction made. The run proved “%1”.").arg(proved);
    case Outcome::Inconclusive: {
        const QString why = phenomenon.value(u"load"_s).toString();
        return tr("You predicted “%1” — inconclusive: %2")
            .arg(predictedText, why.isEmpty() ? phenomenon.value(u"detail"_s).toString() : why);
    }
    case Outcome::NoneProved:
        return tr("You predicted “%1” — the run's figures prove none of the choices.").arg(predictedText);
    case Outcome::Right:
        return tr("You predicted “%1” — the run proved “%2”: right.").arg(predictedText, proved);
    case Outcome::Wrong:
        return tr("You predicted “%1” — the run proved “%2”: not quite.").arg(predictedText, proved);
    }
    return {};
}
