#include "CsvWriter.h"

#include "SessionJsonWriter.h"

#include <cmath>

namespace {
// [+-]digits[.digits][e[+-]digits], and nothing else (no spaces, no "inf"): what a spreadsheet reads as a number.
bool isPlainNumber(const QByteArray &text)
{
    qsizetype i = 0;
    const qsizetype n = text.size();
    auto digits = [&] {
        const qsizetype start = i;
        while (i < n && text[i] >= '0' && text[i] <= '9')
            ++i;
        return i - start;
    };
    if (i < n && (text[i] == '+' || text[i] == '-'))
        ++i;
    qsizetype mantissa = digits();
    if (i < n && text[i] == '.') {
        ++i;
        mantissa += digits();
    }
    if (mantissa == 0)
        return false;
    if (i < n && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        if (i < n && (text[i] == '+' || text[i] == '-'))
            ++i;
        if (digits() == 0)
            return false;
    }
    return i == n;
}
} // namespace

CsvWriter::CsvWriter(QIODevice *device) : m_device(device)
{
    m_buffer.reserve(1 << 16);
}

void CsvWriter::separate()
{
    if (m_rowStarted)
        m_buffer += ',';
    m_rowStarted = true;
}

CsvWriter &CsvWriter::field(QStringView text)
{
    return field(text.toUtf8());
}

CsvWriter &CsvWriter::field(const QByteArray &utf8)
{
    separate();
    m_buffer += quoted(neutralised(utf8));
    return *this;
}

QByteArray CsvWriter::neutralised(const QByteArray &utf8)
{
    if (utf8.isEmpty())
        return utf8;
    const char first = utf8.front();
    if (first != '=' && first != '+' && first != '-' && first != '@' && first != '\t' && first != '\r')
        return utf8;
    // "-3" and "+1.5" are numbers a spreadsheet reads as such, not formulas: they stay as they are.
    if ((first == '-' || first == '+') && isPlainNumber(utf8))
        return utf8;
    return '\'' + utf8;
}

CsvWriter &CsvWriter::field(qint64 value)
{
    separate();
    m_buffer += QByteArray::number(value);
    return *this;
}

CsvWriter &CsvWriter::field(double value)
{
    separate();
    if (!std::isnan(value))
        SessionJsonWriter::appendNumber(m_buffer, value);
    return *this;
}

CsvWriter &CsvWriter::seconds(double t)
{
    separate();
    SessionJsonWriter::appendSeconds(m_buffer, t);
    return *this;
}

CsvWriter &CsvWriter::empty()
{
    separate();
    return *this;
}

void CsvWriter::endRow()
{
    m_buffer += "\r\n";
    m_rowStarted = false;
    if (m_buffer.size() >= (1 << 16))
        flush();
}

bool CsvWriter::flush()
{
    if (!m_buffer.isEmpty()) {
        if (m_device->write(m_buffer) != m_buffer.size())
            m_ok = false;
        m_buffer.clear();
    }
    return m_ok;
}

QByteArray CsvWriter::quoted(const QByteArray &utf8)
{
    bool needsQuotes = false;
    for (const char c : utf8) {
        if (c == ',' || c == '"' || c == '\r' || c == '\n') {
            needsQuotes = true;
            break;
        }
    }
    if (!needsQuotes)
        return utf8;
    QByteArray out;
    out.reserve(utf8.size() + 8);
    out += '"';
    for (const char c : utf8) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
    return out;
}
