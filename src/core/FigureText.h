#pragma once

#include <QLocale>
#include <QString>

// Measured numbers written for people — the result sentences, the live result card, the HTML report: at most
// three significant digits for seconds, shares and rates (0.535873429 s is "0.536", 6.6178e-05 is "0.0000662"),
// whole counts with the locale's group separators ("12,345,678"), in the given locale (the default one: the
// language the user chose).
class FigureText
{
public:
    // A real value with at most three significant digits, no exponent, no trailing zeros; values of 1000 and more
    // are rounded to a whole number with group separators.
    static QString significant(double value, const QLocale &locale = QLocale());
    // A whole count with group separators.
    static QString count(qint64 value, const QLocale &locale = QLocale());
    // A share 0…1 as a percentage with at most three significant digits and no sign: "53.6".
    static QString percent(double share, const QLocale &locale = QLocale());
};
