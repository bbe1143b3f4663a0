#include "WorkerConnection.h"

#include <QSocketNotifier>

#include <cerrno>
#include <sys/socket.h>
#include <unistd.h>

WorkerConnection::WorkerConnection(int fd, QObject *parent) : QObject(parent), m_fd(fd)
{
    m_notifier = new QSocketNotifier(fd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &WorkerConnection::readAvailable);
    m_writable = new QSocketNotifier(fd, QSocketNotifier::Write, this);
    m_writable->setEnabled(false);
    connect(m_writable, &QSocketNotifier::activated, this, [this] {
        if (!flush()) {
            close();
            Q_EMIT closed();
        }
    });
}

WorkerConnection::~WorkerConnection()
{
    close();
}

void WorkerConnection::close()
{
    if (m_fd < 0)
        return;
    m_notifier->setEnabled(false);
    m_writable->setEnabled(false);
    m_outbox.clear();
    ::close(m_fd);
    m_fd = -1;
}

quint32 WorkerConnection::send(ControlMessage message)
{
    if (m_fd < 0 || m_outbox.size() >= MaxPending)
        return 0;
    const quint32 id = m_nextId++;
    message.setId(id);
    const QByteArray wire = message.encode();
    if (wire.isEmpty())
        return 0;
    m_outbox.append(wire);
    return flush() ? id : 0;
}

bool WorkerConnection::flush()
{
    while (!m_outbox.isEmpty()) {
        const QByteArray &wire = m_outbox.first();
        // MSG_NOSIGNAL: a worker that died must not raise SIGPIPE in the supervisor.
        const ssize_t sent = ::send(m_fd, wire.constData(), size_t(wire.size()), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (sent < 0 && errno == EINTR)
            continue;
        if (sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            m_writable->setEnabled(true);
            return true;
        }
        if (sent != wire.size())
            return false;
        m_outbox.removeFirst();
    }
    m_writable->setEnabled(false);
    return true;
}

void WorkerConnection::readAvailable()
{
    char buffer[ControlMessage::MaxPacketSize + 1];
    while (m_fd >= 0) {
        const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, MSG_DONTWAIT);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        if (n <= 0) {
            // End of file (or ECONNRESET): the worker is gone. Nobody sends empty packets on purpose.
            close();
            Q_EMIT closed();
            return;
        }
        if (const std::optional<ControlMessage> message = ControlMessage::decode(QByteArrayView(buffer, n)))
            Q_EMIT messageReceived(*message);
    }
}
