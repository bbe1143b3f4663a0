#include "SessionJsonWriter.h"

#include "base/SessionEvent.h"

#include <algorithm>
#include <charconv>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

void SessionJsonWriter::appendEventLine(QByteArray &out, const SessionEvent &event)
{
    out += "{\"t\":";
    appendSeconds(out, event.t);
    out += ",\"kind\":";
    appendString(out, event.kind);
    appendMembers(out, event.fields, true);
    out += "}\n";
}

QByteArray SessionJsonWriter::eventLine(const SessionEvent &event)
{
    QByteArray line;
    line.reserve(128);
    appendEventLine(line, event);
    line.chop(1);
    return line;
}

void SessionJsonWriter::appendValue(QByteArray &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out += "null";
        break;
    case QJsonValue::Bool:
        out += value.toBool() ? "true" : "false";
        break;
    case QJsonValue::Double: {
        const double d = value.toDouble();
        // Integers beyond 2^53 are kept exactly by QJsonValue but not by its double.
        if (std::abs(d) >= 9007199254740992.0 && d == std::trunc(d)) {
            const qint64 exact = value.toInteger(0);
            if (exact != 0 && double(exact) == d) {
                char digits[24];
                const auto result = std::to_chars(digits, digits + sizeof digits, exact);
                out.append(digits, result.ptr - digits);
                break;
            }
        }
        appendNumber(out, d);
        break;
    }
    case QJsonValue::String:
        appendString(out, value.toString());
        break;
    case QJsonValue::Array:
        appendArray(out, value.toArray());
        break;
    case QJsonValue::Object:
        appendObject(out, value.toObject());
        break;
    }
}

void SessionJsonWriter::appendObject(QByteArray &out, const QJsonObject &object)
{
    out += '{';
    appendMembers(out, object, false);
    out += '}';
}

void SessionJsonWriter::appendMembers(QByteArray &out, const QJsonObject &object, bool afterTAndKind)
{
    // QJsonObject keeps its keys sorted, but Qt's parser compares them before it drops a leading U+FEFF from a
    // key, so an object read from a hostile file can iterate out of order. Such an object is written again in
    // sorted order, so that the output is canonical (a normalised copy normalises to itself). The common, sorted
    // case is written in one pass that reads each key once: QJsonObject makes a new QString at every key().
    const qsizetype rollback = out.size();
    bool first = !afterTAndKind;
    QString previous;
    bool sorted = true;
    const auto append = [&](const QString &key, const QJsonValue &value) {
        if (afterTAndKind && (QStringView(key) == u"t" || QStringView(key) == u"kind"))
            return; // the event's own t and kind are already written
        if (!first)
            out += ',';
        first = false;
        appendString(out, key);
        out += ':';
        appendValue(out, value);
    };
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        QString key = it.key();
        if (it != object.constBegin() && !(previous < key)) {
            sorted = false;
            break;
        }
        append(key, it.value());
        previous = std::move(key);
    }
    if (sorted)
        return;
    out.truncate(rollback);
    first = !afterTAndKind;
    QList<std::pair<QString, QJsonValue>> members;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        members.append({it.key(), it.value()});
    std::stable_sort(members.begin(), members.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    // The same drop can make two keys equal ("\uFEFFbusy" and "busy"): write the key once, with the last value, as
    // a parser reading both would keep — so the copy reads back as itself.
    for (qsizetype i = 0; i < members.size(); ++i) {
        if (i + 1 < members.size() && members.at(i + 1).first == members.at(i).first)
            continue;
        append(members.at(i).first, members.at(i).second);
    }
}

void SessionJsonWriter::appendArray(QByteArray &out, const QJsonArray &array)
{
    out += '[';
    bool first = true;
    for (const QJsonValue &value : array) {
        if (!first)
            out += ',';
        first = false;
        appendValue(out, value);
    }
    out += ']';
}

void SessionJsonWriter::appendString(QByteArray &out, QStringView text)
{
    static constexpr char hex[] = "0123456789abcdef";
    // Room for the worst case (every unit a six-byte \u00XX escape), written through a raw pointer: appending
    // byte by byte to a QByteArray checks its capacity and sharing at every byte.
    const qsizetype n = text.size();
    const qsizetype start = out.size();
    out.resize(start + 6 * n + 2);
    char *p = out.data() + start;
    *p++ = '"';
    const char16_t *units = text.utf16();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = units[i];
        if (c < 0x80) {
            if (c >= 0x20 && c != u'"' && c != u'\\') {
                *p++ = char(c);
            } else if (c == u'"' || c == u'\\') {
                *p++ = '\\';
                *p++ = char(c);
            } else if (c == u'\n') {
                *p++ = '\\';
                *p++ = 'n';
            } else if (c == u'\t') {
                *p++ = '\\';
                *p++ = 't';
            } else if (c == u'\r') {
                *p++ = '\\';
                *p++ = 'r';
            } else {
                const char escaped[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xf]};
                for (const char e : escaped)
                    *p++ = e;
            }
            continue;
        }
        char32_t code = c;
        if (QChar::isHighSurrogate(c) && i + 1 < n && QChar::isLowSurrogate(units[i + 1])) {
            code = QChar::surrogateToUcs4(c, units[i + 1]);
            ++i;
        } else if (QChar::isSurrogate(c)) {
            code = 0xFFFD;
        }
        if (code < 0x800) {
            *p++ = char(0xC0 | (code >> 6));
            *p++ = char(0x80 | (code & 0x3F));
        } else if (code < 0x10000) {
            *p++ = char(0xE0 | (code >> 12));
            *p++ = char(0x80 | ((code >> 6) & 0x3F));
            *p++ = char(0x80 | (code & 0x3F));
        } else {
            *p++ = char(0xF0 | (code >> 18));
            *p++ = char(0x80 | ((code >> 12) & 0x3F));
            *p++ = char(0x80 | ((code >> 6) & 0x3F));
            *p++ = char(0x80 | (code & 0x3F));
        }
    }
    *p++ = '"';
    out.truncate(p - out.constData());
}

void SessionJsonWriter::appendNumber(QByteArray &out, double value)
{
    if (!std::isfinite(value)) {
        out += "null";
        return;
    }
    char digits[32];
    std::to_chars_result result;
    if (value == std::trunc(value) && std::abs(value) < 9007199254740992.0)
        result = std::to_chars(digits, digits + sizeof digits, static_cast<long long>(value));
    else
        result = std::to_chars(digits, digits + sizeof digits, value);
    out.append(digits, result.ptr - digits);
}

void SessionJsonWriter::appendSeconds(QByteArray &out, double seconds)
{
    if (!std::isfinite(seconds) || std::abs(seconds) > 9.0e12) {
        appendNumber(out, std::isfinite(seconds) ? seconds : 0.0);
        return;
    }
    long long micros = std::llround(seconds * 1e6);
    char digits[32];
    char *p = digits;
    if (micros < 0) {
        *p++ = '-';
        micros = -micros;
    }
    p = std::to_chars(p, digits + sizeof digits, micros / 1000000).ptr;
    long long fraction = micros % 1000000;
    if (fraction != 0) {
        char frac[6];
        for (int i = 5; i >= 0; --i) {
            frac[i] = char('0' + fraction % 10);
            fraction /= 10;
        }
        int len = 6;
        while (frac[len - 1] == '0')
            --len;
        *p++ = '.';
        for (int i = 0; i < len; ++i)
            *p++ = frac[i];
    }
    out.append(digits, p - digits);
}
