#include "WorkerConnection.h"

#include <QSocketNotifier>

#include <cerrno>
#include <sys/socket.h>
#include <unistd.h>

WorkerConnection::WorkerConnection(int fd, QObject *parent) : QObject(parent), m_fd(fd)
{
    m_notifier = new QSocketNotifier(fd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &WorkerConnection::readAvailable);
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
    ::close(m_fd);
    m_fd = -1;
}

quint32 WorkerConnection::send(ControlMessage message)
{
    if (m_fd < 0)
        return 0;
    const quint32 id = m_nextId++;
    message.setId(id);
    const QByteArray wire = message.encode();
    if (wire.isEmpty())
        return 0;
    // MSG_NOSIGNAL: a worker that died must not raise SIGPIPE in the supervisor.
    ssize_t sent;
    do {
        sent = ::send(m_fd, wire.constData(), size_t(wire.size()), MSG_NOSIGNAL | MSG_DONTWAIT);
    } while (sent < 0 && errno == EINTR);
    return sent == wire.size() ? id : 0;
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
