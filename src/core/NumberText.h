#pragma once

#include <QStringView>

#include <optional>

// The one rule for a number a person typed (a command-line option, a --set value, a form field): decimal text,
// blanks around it ignored, inside [minimum, maximum]. "nan", "inf", "-inf" and a value too large for a double
// are not numbers here — QString::toDouble() accepts the first three, and a NaN passes every range check, since
// every comparison with it is false (`--duration nan` would run for ever).
class NumberText
{
public:
    // A finite number in [minimum, maximum], or nothing.
    static std::optional<double> real(QStringView text, double minimum, double maximum);
    // A whole number (no fraction, no exponent) in [minimum, maximum], or nothing.
    static std::optional<qint64> whole(QStringView text, qint64 minimum, qint64 maximum);
};
