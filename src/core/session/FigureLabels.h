#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

// The experiments' `measure` figures in plain words, for the live result card, the replay and the HTML report:
// what each figure is called ("Updates lost") and its value written for people, with its unit and the figures
// recorded beside it ("8 of 8", "47.5 %", "0.994 s", "free"). A name this build does not know keeps its own name
// and a plain number.
class FigureLabels
{
    Q_DECLARE_TR_FUNCTIONS(FigureLabels)
public:
    static QString label(const QString &name);
    static QString valueText(const QString &name, double value, const QJsonObject &extra = {});
    // Whether ProcLab knows this figure (the card and the report list the known ones first).
    static bool isKnown(const QString &name);
};
