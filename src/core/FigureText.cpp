#include "FigureText.h"

#include <cmath>

QString FigureText::significant(double value, const QLocale &locale)
{
    if (!std::isfinite(value))
        return locale.toString(value);
    const double magnitude = std::fabs(value);
    if (magnitude >= 1000)
        return count(qint64(std::llround(value)), locale);
    if (magnitude == 0)
        return locale.toString(0);
    // Digits after the point that leave three significant ones: 123.4 → 0, 1.234 → 2, 0.001234 → 5.
    const int leading = int(std::floor(std::log10(magnitude))) + 1;
    const int decimals = std::max(0, 3 - leading);
    QString text = locale.toString(value, 'f', decimals);
    if (decimals > 0) {
        const QString point = locale.decimalPoint();
        while (text.endsWith(u'0'))
            text.chop(1);
        if (text.endsWith(point))
            text.chop(point.size());
    }
    return text;
}

QString FigureText::count(qint64 value, const QLocale &locale)
{
    QLocale grouped = locale;
    grouped.setNumberOptions(grouped.numberOptions() & ~QLocale::OmitGroupSeparator);
    return grouped.toString(value);
}

QString FigureText::percent(double share, const QLocale &locale)
{
    return significant(share * 100, locale);
}
