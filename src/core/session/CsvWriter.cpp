#include "CsvWriter.h"

#include "SessionJsonWriter.h"

#include <cmath>

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
    m_buffer += quoted(utf8);
    return *this;
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
