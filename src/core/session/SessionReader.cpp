#include "SessionReader.h"

#include "SessionFieldCheck.h"
#include "Utf8Validator.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>
#include <cstring>

using namespace Qt::Literals::StringLiterals;

namespace {
constexpr qint64 kChunk = 256 * 1024;

bool isBlank(const QByteArray &line)
{
    for (const char c : line) {
        if (c != ' ' && c != '\t' && c != '\r')
            return false;
    }
    return true;
}
} // namespace

SessionReader::SessionReader() = default;
SessionReader::~SessionReader() = default;

bool SessionReader::open(const QString &path)
{
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::ReadOnly)) {
        m_line = 0;
        m_errorLine = 0;
        m_error = tr("cannot open %1: %2").arg(path, file->errorString());
        return false;
    }
    m_ownDevice = std::move(file);
    return open(m_ownDevice.get());
}

bool SessionReader::open(QIODevice *device)
{
    m_device = device;
    m_buffer.clear();
    m_pos = 0;
    m_atEnd = false;
    m_line = 0;
    m_events = 0;
    m_latestT = 0;
    m_truncated = false;
    m_truncatedLine = 0;
    m_error.clear();
    m_errorLine = 0;

    QByteArray line;
    bool complete = false;
    LineResult result = nextLine(&line, &complete);
    // A UTF-8 byte order mark is not JSON, but editors add it; it says nothing wrong about the content.
    if (result == LineResult::Line && line.startsWith("\xEF\xBB\xBF"))
        line.remove(0, 3);
    if (result == LineResult::Error)
        return false;
    if (result == LineResult::End)
        return fail(tr("the file is empty: a session starts with a header line"));
    if (isBlank(line))
        return fail(tr("the first line must be the session header"));
    if (!complete)
        return fail(tr("the header line is cut short: the recording ended before it was written"));
    QJsonObject object;
    if (!parseObject(line, &object))
        return false;
    const QString problem = SessionHeader::fromJson(object, &m_header);
    if (!problem.isEmpty())
        return fail(problem);
    return true;
}

bool SessionReader::next(SessionEvent *event)
{
    if (hasError() || !m_device)
        return false;
    for (;;) {
        QByteArray line;
        bool complete = false;
        const LineResult result = nextLine(&line, &complete);
        if (result != LineResult::Line)
            return false;
        if (isBlank(line))
            continue;
        if (!complete) {
            // The last line has no newline: a crash cut it, unless it happens to be a whole event (a file written
            // by hand whose editor dropped the final newline).
            QJsonParseError parseError;
            const QJsonDocument document =
                Utf8Validator::isValid(line) ? QJsonDocument::fromJson(line, &parseError) : QJsonDocument();
            SessionEvent whole;
            if (document.isObject() && SessionEvent::fromJson(document.object(), &whole) &&
                m_latestT - whole.t <= BackwardsTolerance && SessionFieldCheck::problemWith(whole).isEmpty()) {
                *event = whole;
                ++m_events;
                m_latestT = std::max(m_latestT, whole.t);
                return true;
            }
            m_truncated = true;
            m_truncatedLine = m_line;
            return false;
        }
        QJsonObject object;
        if (!parseObject(line, &object))
            return false;
        if (!SessionEvent::fromJson(object, event))
            return fail(tr("an event needs a number \"t\" and a non-empty string \"kind\""));
        if (const QString problem = SessionFieldCheck::problemWith(*event); !problem.isEmpty())
            return fail(problem);
        if (event->t < -BackwardsTolerance || m_latestT - event->t > BackwardsTolerance)
            return fail(tr("t goes back from %1 s to %2 s").arg(m_latestT).arg(event->t));
        m_latestT = std::max(m_latestT, event->t);
        ++m_events;
        return true;
    }
}

QString SessionReader::truncationNote() const
{
    if (!m_truncated)
        return {};
    return tr("the file was cut short at line %1 (the recording ended abruptly); read up to line %2")
        .arg(m_truncatedLine)
        .arg(m_truncatedLine - 1);
}

bool SessionReader::readAll(const QString &path, Contents *contents, QString *error)
{
    SessionReader reader;
    if (!reader.open(path)) {
        *error = reader.errorString();
        return false;
    }
    Contents read;
    read.header = reader.header();
    SessionEvent event;
    while (reader.next(&event))
        read.events << event;
    if (reader.hasError()) {
        *error = reader.errorString();
        return false;
    }
    read.truncated = reader.isTruncated();
    *contents = std::move(read);
    return true;
}

SessionReader::LineResult SessionReader::nextLine(QByteArray *line, bool *complete)
{
    for (;;) {
        const qsizetype available = m_buffer.size() - m_pos;
        const char *start = m_buffer.constData() + m_pos;
        const void *newline = available > 0 ? std::memchr(start, '\n', size_t(available)) : nullptr;
        if (newline) {
            const qsizetype length = static_cast<const char *>(newline) - start;
            ++m_line;
            if (length > MaxLineBytes) {
                fail(tr("the line is longer than 1 MiB"));
                return LineResult::Error;
            }
            *line = QByteArray(start, length);
            *complete = true;
            m_pos += length + 1;
            return LineResult::Line;
        }
        if (available > MaxLineBytes && !m_atEnd) {
            // Refuse before reading further: a single line must not make the reader hold the whole file.
            ++m_line;
            fail(tr("the line is longer than 1 MiB"));
            return LineResult::Error;
        }
        if (m_atEnd) {
            if (available == 0)
                return LineResult::End;
            ++m_line;
            *line = QByteArray(start, available);
            *complete = false;
            m_pos = m_buffer.size();
            return LineResult::Line;
        }
        // Compact, then read another chunk.
        m_buffer.remove(0, m_pos);
        m_pos = 0;
        const qsizetype kept = m_buffer.size();
        m_buffer.resize(kept + kChunk);
        const qint64 n = m_device->read(m_buffer.data() + kept, kChunk);
        m_buffer.resize(kept + std::max<qint64>(n, 0));
        if (n < 0) {
            ++m_line;
            fail(tr("cannot read the file: %1").arg(m_device->errorString()));
            return LineResult::Error;
        }
        if (n == 0)
            m_atEnd = true;
    }
}

bool SessionReader::parseObject(const QByteArray &line, QJsonObject *object)
{
    const qsizetype valid = Utf8Validator::validPrefixLength(line);
    if (valid != line.size())
        return fail(tr("not valid UTF-8 (at byte %1)").arg(valid + 1));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(tr("not valid JSON: %1 at byte %2").arg(parseError.errorString()).arg(parseError.offset + 1));
    if (!document.isObject())
        return fail(tr("not a JSON object"));
    *object = document.object();
    return true;
}

bool SessionReader::fail(const QString &message)
{
    m_errorLine = std::max<qint64>(m_line, 1);
    m_error = tr("line %1: %2").arg(m_errorLine).arg(message);
    return false;
}
