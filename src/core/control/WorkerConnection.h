#pragma once

#include "ControlMessage.h"

#include <QList>
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
    // Sends one request, giving it a fresh id (returned); 0 when it cannot be sent (the worker is gone, or
    // MaxPending requests already wait: a worker that stopped reading is not waited for). When the socket buffer is
    // full — a burst of hundreds of "add" requests outruns a worker that is busy starting threads — the request
    // waits in order in an outbox and goes out as soon as the socket is writable again; the GUI thread never blocks.
    quint32 send(ControlMessage message);
    static constexpr int MaxPending = 8192;
    void close();
    // Reads every message already waiting, now (a synchronous stop, which runs no event loop, must not lose a
    // worker's last words: the child-exit it sent before it exited).
    void readPending() { readAvailable(); }

Q_SIGNALS:
    void messageReceived(const ControlMessage &message);
    // The worker closed its end (it exited, or closed the socket on purpose).
    void closed();

private:
    void readAvailable();
    // Sends what waits in the outbox; false on a hard error (the worker is gone).
    bool flush();

    int m_fd = -1;
    quint32 m_nextId = 1;
    QSocketNotifier *m_notifier = nullptr;
    QSocketNotifier *m_writable = nullptr;
    QList<QByteArray> m_outbox;
};
