#include "ProgramOutput.h"

#include <QSocketNotifier>

#include <cerrno>
#include <unistd.h>

ProgramOutput::ProgramOutput(int fd, const QString &stream, QObject *parent)
    : QObject(parent)
    , m_fd(fd)
    , m_stream(stream)
{
    if (m_fd < 0)
        return;
    m_notifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &ProgramOutput::onReadable);
}

ProgramOutput::~ProgramOutput()
{
    closeFd();
}

void ProgramOutput::onReadable()
{
    if (!readAvailable()) {
        splitLines(true);
        closeFd();
    }
}

bool ProgramOutput::readAvailable()
{
    // A program that writes without pause (`yes`) refills the pipe as fast as it is read: read at most
    // MaxReadsPerWakeup buffers, then let the event loop run (the notifier fires again at once). Each buffer is
    // cut into lines before the next is read, so m_pending never holds more than one partial line.
    char buffer[16384];
    for (int reads = 0; reads < MaxReadsPerWakeup;) {
        const ssize_t n = ::read(m_fd, buffer, sizeof buffer);
        if (n > 0) {
            ++reads;
            const QByteArray bytes(buffer, n);
            m_pending.append(bytes);
            Q_EMIT chunk(bytes);
            splitLines(false);
            if (m_fd < 0) // a receiver drained or closed us
                return false;
            if (n < ssize_t(sizeof buffer))
                return true;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        return n < 0 && errno == EAGAIN;
    }
    return true;
}

void ProgramOutput::drain()
{
    if (m_fd >= 0) {
        readAvailable();
        closeFd();
    }
    splitLines(true);
}

void ProgramOutput::splitLines(bool flushPartial)
{
    qsizetype start = 0;
    for (;;) {
        const qsizetype newline = m_pending.indexOf('\n', start);
        if (newline < 0) {
            if (m_pending.size() - start < MaxLineBytes)
                break;
            Q_EMIT line(QString::fromUtf8(m_pending.sliced(start, MaxLineBytes)));
            start += MaxLineBytes;
            continue;
        }
        qsizetype end = newline;
        if (end > start && m_pending.at(end - 1) == '\r')
            --end;
        Q_EMIT line(QString::fromUtf8(m_pending.sliced(start, end - start)));
        start = newline + 1;
    }
    m_pending.remove(0, start);
    if (flushPartial && !m_pending.isEmpty()) {
        Q_EMIT line(QString::fromUtf8(m_pending));
        m_pending.clear();
    }
}

void ProgramOutput::closeFd()
{
    if (m_notifier) {
        m_notifier->setEnabled(false);
        m_notifier->deleteLater();
        m_notifier = nullptr;
    }
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}
