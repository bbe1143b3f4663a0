#pragma once

#include <QByteArray>
#include <QIODevice>
#include <QString>
#include <QStringView>

// Rows of an RFC 4180 CSV file: fields separated by commas, a field quoted when it holds a comma, a quote, CR or
// LF (its quotes doubled), rows ended by CRLF, UTF-8. Spreadsheets and pandas.read_csv read this as is.
// A text field that a spreadsheet would run as a formula — starting with =, +, -, @, a tab or a CR, and not a
// number — gets a leading ' (OWASP's advice against CSV injection); numbers are never changed.
class CsvWriter
{
public:
    explicit CsvWriter(QIODevice *device);

    CsvWriter &field(QStringView text);
    CsvWriter &field(const QByteArray &utf8);
    CsvWriter &field(qint64 value);
    // Shortest exact form; empty for NaN (a missing value to pandas).
    CsvWriter &field(double value);
    // Seconds with microsecond precision.
    CsvWriter &seconds(double t);
    CsvWriter &empty();
    // Ends the row; the text is flushed to the device in large blocks.
    void endRow();
    // Writes what is buffered. False when the device refused it.
    bool flush();

    static QByteArray quoted(const QByteArray &utf8);
    // The text with a leading ' when a spreadsheet would take it for a formula (see above).
    static QByteArray neutralised(const QByteArray &utf8);

private:
    void separate();

    QIODevice *m_device;
    QByteArray m_buffer;
    bool m_rowStarted = false;
    bool m_ok = true;
};
