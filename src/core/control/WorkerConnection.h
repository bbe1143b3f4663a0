#pragma once

#include "ControlMessage.h"

#include <QObject>

class QSocketNotifier;

// The supervisor's end of one lab process's control socket (SOCK_SEQPACKET; the protocol is described in
// ControlMessage.h). Sends requests with fresh ids and hands every received message to messageReceived().
//
// Lives on the thread of the LabController that owns it. Owns the descriptor.
class WorkerConnection : public QObject
{
    Q_OBJECT
public:
    // Takes ownership of `fd` (non-blocking, close-on-exec).
    explicit WorkerConnection(int fd, QObject *parent = nullptr);
    ~WorkerConnection() override;

    bool isOpen() const { return m_fd >= 0; }
    // Sends one request, giving it a fresh id (returned); 0 when it could not be sent (the worker is gone, or the
    // socket buffer is full: a worker that stopped reading is not waited for).
    quint32 send(ControlMessage message);
    void close();

Q_SIGNALS:
    void messageReceived(const ControlMessage &message);
    // The worker closed its end (it exited, or closed the socket on purpose).
    void closed();

private:
    void readAvailable();

    int m_fd = -1;
    quint32 m_nextId = 1;
    QSocketNotifier *m_notifier = nullptr;
};
