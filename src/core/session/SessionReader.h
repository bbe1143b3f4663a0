#pragma once

#include "SessionHeader.h"
#include "base/SessionEvent.h"

#include <QCoreApplication>
#include <QIODevice>
#include <memory>

// Reads a session file as a stream: open() reads and checks the header, next() returns one event at a time, so a
// long session is never held in memory (and never twice).
//
// What it accepts and refuses (docs/session-format.md):
// - a file cut short by a crash — its last line has no newline and is not a whole event — is read up to its last
//   whole line; isTruncated() says so and truncationNote() says it in words;
// - refused, with the line number (errorLine(), and in errorString()): a missing or wrong header, a format version
//   other than 1, malformed JSON, a line that is not an object or lacks a number t and a string kind, a line over
//   1 MiB, invalid UTF-8, t going back by more than BackwardsTolerance seconds, a header or event field out of
//   its range or of the wrong type (SessionHeader::fromJson, SessionFieldCheck);
// - keys it does not know are kept in the event's fields and otherwise ignored; blank lines are skipped.
class SessionReader
{
    Q_DECLARE_TR_FUNCTIONS(SessionReader)
public:
    static constexpr qsizetype MaxLineBytes = qsizetype(1) << 20;
    // Events come from several threads and are queued in the order they arrive, so t may step back a little;
    // a step back of more than this means the lines were shuffled or written by something else.
    static constexpr double BackwardsTolerance = 10.0;

    SessionReader();
    ~SessionReader();
    SessionReader(const SessionReader &) = delete;
    SessionReader &operator=(const SessionReader &) = delete;

    // Opens a file and reads its header. False (with errorString()) when it cannot be read or the header is wrong.
    bool open(const QString &path);
    // The same from an open device, which must outlive the reader (a QBuffer in tests and the fuzzer).
    bool open(QIODevice *device);

    const SessionHeader &header() const { return m_header; }
    // The next event. False at the end of the events or on an error; hasError() tells them apart.
    bool next(SessionEvent *event);

    bool hasError() const { return !m_error.isEmpty(); }
    // "line 17: …", for the user.
    QString errorString() const { return m_error; }
    qint64 errorLine() const { return m_errorLine; }
    // True once the end was reached and the last line was cut short (and skipped).
    bool isTruncated() const { return m_truncated; }
    // The number of the skipped, incomplete line; 0 when not truncated.
    qint64 truncatedLine() const { return m_truncated ? m_truncatedLine : 0; }
    // "the file was cut short at line N (…); read up to line N-1", for the user; empty when not truncated.
    QString truncationNote() const;
    // The number of the line the last event came from.
    qint64 lineNumber() const { return m_line; }
    qint64 eventsRead() const { return m_events; }

    // Reads a whole file into memory: header and events. For small files and tests; false with *error.
    struct Contents
    {
        SessionHeader header;
        QList<SessionEvent> events;
        bool truncated = false;
    };
    static bool readAll(const QString &path, Contents *contents, QString *error);

private:
    enum class LineResult
    {
        Line,
        End,
        Error
    };
    LineResult nextLine(QByteArray *line, bool *complete);
    bool parseObject(const QByteArray &line, QJsonObject *object);
    bool fail(const QString &message);

    std::unique_ptr<QIODevice> m_ownDevice;
    QIODevice *m_device = nullptr;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    bool m_atEnd = false;
    SessionHeader m_header;
    qint64 m_line = 0;
    qint64 m_events = 0;
    double m_latestT = 0;
    bool m_truncated = false;
    qint64 m_truncatedLine = 0;
    QString m_error;
    qint64 m_errorLine = 0;
};
