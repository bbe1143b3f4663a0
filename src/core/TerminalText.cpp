#include "TerminalText.h"

namespace {
bool isDirectionControl(char16_t c)
{
    return (c >= 0x200e && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

bool needsEscape(char16_t c, TerminalText::Newlines newlines)
{
    if (c == u'\n')
        return newlines == TerminalText::Newlines::Escape;
    return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || isDirectionControl(c);
}

QString hex(uint value, int width)
{
    return QString::number(value, 16).rightJustified(width, u'0');
}
} // namespace

bool TerminalText::needsEscaping(QStringView text, Newlines newlines)
{
    for (const QChar c : text) {
        if (needsEscape(c.unicode(), newlines))
            return true;
    }
    return false;
}

QString TerminalText::visible(QStringView text, Newlines newlines)
{
    if (!needsEscaping(text, newlines))
        return text.toString();
    QString out;
    out.reserve(text.size() + 16);
    for (const QChar qc : text) {
        const char16_t c = qc.unicode();
        if (!needsEscape(c, newlines)) {
            out.append(qc);
            continue;
        }
        switch (c) {
        case 0x1b: out.append(QLatin1StringView("\\e")); break;
        case u'\n': out.append(QLatin1StringView("\\n")); break;
        case u'\r': out.append(QLatin1StringView("\\r")); break;
        case u'\t': out.append(QLatin1StringView("\\t")); break;
        default:
            if (c < 0x80) {
                out.append(QLatin1StringView("\\x"));
                out.append(hex(c, 2));
            } else {
                out.append(QLatin1StringView("\\u{"));
                out.append(hex(c, 4));
                out.append(u'}');
            }
        }
    }
    return out;
}
