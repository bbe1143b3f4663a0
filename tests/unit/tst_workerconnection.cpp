// WorkerConnection keeps requests in order when the control socket's buffer is full, instead of refusing them:
// a burst of "add" requests (500 threads at once) must all reach the worker.
#include "control/WorkerConnection.h"

#include <QSignalSpy>
#include <QSocketNotifier>
#include <QTest>

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

class tst_WorkerConnection : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void burstOutrunsTheSocketBuffer();
    void refusesWhenThePeerIsGone();
};

void tst_WorkerConnection::burstOutrunsTheSocketBuffer()
{
    int fds[2];
    QCOMPARE(::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, fds), 0);
    WorkerConnection connection(fds[0]);
    constexpr int Requests = 3000; // far more than a socket buffer holds
    for (int i = 0; i < Requests; ++i) {
        const quint32 id = connection.send(ControlMessage("add").set("role", "producer").set("n", i));
        QVERIFY2(id != 0, qPrintable(QString::number(i)));
    }
    // The peer reads; the outbox drains as the event loop sees the socket writable again.
    int received = 0;
    char packet[ControlMessage::MaxPacketSize + 1];
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (;;) {
                const ssize_t n = ::recv(fds[1], packet, sizeof packet, MSG_DONTWAIT);
                if (n <= 0)
                    break;
                const auto message = ControlMessage::decode(QByteArrayView(packet, n));
                if (!message || message->number("n", -1).value_or(-1) != received)
                    return false; // out of order or corrupt: never true again
                ++received;
            }
            return received == Requests;
        }(),
        10000);
    ::close(fds[1]);
}

void tst_WorkerConnection::refusesWhenThePeerIsGone()
{
    int fds[2];
    QCOMPARE(::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, fds), 0);
    WorkerConnection connection(fds[0]);
    ::close(fds[1]);
    QCOMPARE(connection.send(ControlMessage("add").set("role", "producer")), 0u);
}

QTEST_GUILESS_MAIN(tst_WorkerConnection)
#include "tst_workerconnection.moc"
