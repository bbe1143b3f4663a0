#include "SessionRecorder.h"

#include "LabPaths.h"
#include "SessionFolder.h"
#include "SessionJsonWriter.h"

#include "SessionFieldCheck.h"
#include "SessionReader.h"

#include <QDateTime>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

static_assert(SessionRecorder::MaxLineBytes < SessionReader::MaxLineBytes,
              "the recorder must never write a line the reader refuses");
// The worst case of a cut string is six bytes per UTF-16 unit (\u00XX): a dozen of them fit in one line.
static_assert(6 * SessionRecorder::MaxStringUnits * 4 < SessionRecorder::MaxLineBytes);

namespace {
QString cut(const QString &text)
{
    if (text.size() <= SessionRecorder::MaxStringUnits)
        return text;
    qsizetype keep = SessionRecorder::MaxStringUnits;
    if (text.at(keep - 1).isHighSurrogate())
        --keep; // never half a character
    return text.left(keep);
}

// The fields of an event too long for a line: its strings cut, else only its pid and tid.
QJsonObject shortened(const QJsonObject &fields, qsizetype lineBytes, bool keepStrings)
{
    QJsonObject out;
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        const QJsonValue value = it.value();
        if (keepStrings && value.isString())
            out.insert(cut(it.key()), cut(value.toString()));
        else if (keepStrings && (value.isDouble() || value.isBool()))
            out.insert(cut(it.key()), value);
        else if (it.key() == u"pid"_s || it.key() == u"tid"_s)
            out.insert(it.key(), value);
    }
    out.insert(u"truncated_bytes"_s, double(lineBytes));
    return out;
}
} // namespace

SessionRecorder::SessionRecorder(QObject *parent) : QObject(parent)
{}

void SessionRecorder::appendRecordedLine(QByteArray &out, const SessionEvent &event, double *latestT)
{
    SessionEvent line = event;
    // The reader refuses a t that is not a number, goes back by more than its tolerance, or an empty kind.
    if (!std::isfinite(line.t) || line.t < 0)
        line.t = std::max(0.0, *latestT);
    if (line.t < *latestT - SessionReader::BackwardsTolerance / 2)
        line.t = *latestT;
    line.t = std::min(line.t, SessionFieldCheck::MaxSeconds);
    if (line.kind.isEmpty())
        line.kind = u"unknown"_s;
    line.kind = cut(line.kind);
    // A field the reader would refuse (a PID of -5, a core of 10 000): the event is kept, its fields are not.
    if (const QString problem = SessionFieldCheck::problemWith(line); !problem.isEmpty())
        line.fields = QJsonObject{{u"invalid_fields"_s, problem}};
    *latestT = std::max(*latestT, line.t);
    const qsizetype start = out.size();
    SessionJsonWriter::appendEventLine(out, line);
    const qsizetype bytes = out.size() - start;
    if (bytes <= MaxLineBytes)
        return;
    for (const bool keepStrings : {true, false}) {
        out.truncate(start);
        SessionEvent shorter{line.t, line.kind, shortened(line.fields, bytes, keepStrings)};
        SessionJsonWriter::appendEventLine(out, shorter);
        if (out.size() - start <= MaxLineBytes)
            return;
    }
}

QByteArray SessionRecorder::recordedHeaderLine(const SessionHeader &header)
{
    QByteArray line = header.toJsonLine();
    if (line.size() <= MaxLineBytes)
        return line;
    SessionHeader shorter = header;
    shorter.host = cut(header.host);
    shorter.kernel = cut(header.kernel);
    shorter.experiment = cut(header.experiment);
    shorter.explanation = cut(header.explanation);
    shorter.proclabVersion = cut(header.proclabVersion);
    shorter.extra = {};
    shorter.parameters = shortened(header.parameters, line.size(), true);
    QByteArray shortLine = shorter.toJsonLine();
    if (shortLine.size() > MaxLineBytes) {
        shorter.parameters = shortened(header.parameters, line.size(), false);
        shortLine = shorter.toJsonLine();
    }
    return shortLine;
}

SessionRecorder::~SessionRecorder()
{
    stop();
}

void SessionRecorder::setFlushInterval(std::chrono::milliseconds interval)
{
    m_flushInterval = std::clamp(interval, std::chrono::milliseconds(1), std::chrono::milliseconds(200));
}

void SessionRecorder::setQueueCapacity(std::size_t events)
{
    m_queueCapacity = events;
}

void SessionRecorder::setRetention(const SessionRetention &retention)
{
    m_retention = retention;
}

bool SessionRecorder::startInFolder(const SessionHeader &header, const QString &folder)
{
    if (isRecording()) {
        setError(tr("already recording to %1").arg(m_path));
        return false;
    }
    const QString where = folder.isEmpty() ? LabPaths::sessionsFolder() : folder;
    QString path;
    QString error;
    const int fd = SessionFolder::createNewFile(where, header.experiment,
                                                QDateTime::fromSecsSinceEpoch(qint64(header.startUnix)), &path, &error);
    if (fd < 0) {
        setError(error);
        return false;
    }
    if (!begin(fd, path, header)) {
        ::unlink(QFile::encodeName(path).constData());
        return false;
    }
    m_deletedOnStart = m_retention.enforce(where, path);
    if (!m_deletedOnStart.isEmpty())
        Q_EMIT oldSessionsDeleted(m_deletedOnStart);
    return true;
}

bool SessionRecorder::startAtPath(const SessionHeader &header, const QString &path)
{
    if (isRecording()) {
        setError(tr("already recording to %1").arg(m_path));
        return false;
    }
    QString error;
    const int fd = SessionFolder::openExplicitFile(path, &error);
    if (fd < 0) {
        setError(error);
        return false;
    }
    return begin(fd, path, header);
}

bool SessionRecorder::begin(int fd, const QString &path, const SessionHeader &header)
{
    m_fd = fd;
    m_path = path;
    m_deletedOnStart.clear();
    m_goodSize = 0;
    m_written = 0;
    m_failedEvents = 0;
    m_bytes = 0;
    m_failing = false;
    // The header goes out at once, from the caller: an unwritable file is known before the experiment starts.
    QByteArray line = recordedHeaderLine(header) + '\n';
    writeBuffer(line, 0);
    if (m_failing.load()) {
        // Nothing has started yet: the message says what failed, not that an experiment goes on.
        setError(tr("cannot write the session file %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(m_lastErrno))));
        ::close(m_fd);
        m_fd = -1;
        return false;
    }
    m_queue.open(m_queueCapacity);
    m_thread = std::thread([this] { run(); });
    return true;
}

void SessionRecorder::record(SessionEvent event)
{
    // The queue lives as long as the recorder and is closed outside a recording, so a stray event is counted.
    m_queue.push(std::move(event));
}

void SessionRecorder::record(double t, const QString &kind, const QJsonObject &fields)
{
    record(SessionEvent{t, kind, fields});
}

void SessionRecorder::stop()
{
    if (!m_thread.joinable())
        return;
    m_queue.close();
    m_thread.join();
    ::close(m_fd);
    m_fd = -1;
}

QString SessionRecorder::errorString() const
{
    std::lock_guard lock(m_errorMutex);
    return m_error;
}

quint64 SessionRecorder::eventsDropped() const
{
    return m_failedEvents.load(std::memory_order_relaxed) + m_queue.dropped();
}

void SessionRecorder::run()
{
    std::vector<SessionEvent> batch;
    batch.reserve(4096);
    QByteArray buffer;
    buffer.reserve(1 << 20);
    double latestT = 0;
    for (;;) {
        // Closed is read before taking, so the last take after close() gets everything pushed before it.
        const bool closed = m_queue.isClosed();
        m_queue.takeAll(&batch, m_flushInterval);
        for (const SessionEvent &event : batch)
            appendRecordedLine(buffer, event, &latestT);
        const quint64 count = batch.size();
        batch.clear();
        if (!buffer.isEmpty())
            writeBuffer(buffer, count);
        if (closed)
            break;
    }
}

void SessionRecorder::writeBuffer(QByteArray &buffer, quint64 events)
{
    const char *data = buffer.constData();
    qsizetype left = buffer.size();
    int error = 0;
    while (left > 0) {
        const ssize_t n = ::write(m_fd, data, size_t(left));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            error = errno;
            break;
        }
        data += n;
        left -= n;
    }
    if (error == 0) {
        m_goodSize += buffer.size();
        m_bytes.fetch_add(quint64(buffer.size()), std::memory_order_relaxed);
        m_written.fetch_add(events, std::memory_order_relaxed);
        buffer.clear();
        if (m_failing.exchange(false))
            Q_EMIT writeRecovered();
        return;
    }
    // A short write left part of a line: cut the file back to its last whole line so that a reader never meets a
    // broken line in the middle of the file. The file is O_APPEND, so the next write lands right after it.
    if (::ftruncate(m_fd, m_goodSize) != 0) {
        // Nothing more can be done for this file; later writes still try.
    }
    m_failedEvents.fetch_add(events, std::memory_order_relaxed);
    m_lastErrno = error;
    buffer.clear();
    const QString message = tr("cannot write the session file %1: %2; the experiment goes on, but events are lost")
                                .arg(m_path, QString::fromLocal8Bit(std::strerror(error)));
    setError(message);
    if (!m_failing.exchange(true))
        Q_EMIT writeFailed(message);
}

void SessionRecorder::setError(const QString &message)
{
    std::lock_guard lock(m_errorMutex);
    m_error = message;
}
