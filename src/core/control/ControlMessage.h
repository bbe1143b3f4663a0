#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>

#include <optional>

// One message on a lab process's control socket (a SOCK_SEQPACKET socketpair: one message = one packet, so no
// framing is needed and a message is never split or merged with the next).
//
// Wire format, ASCII, at most MaxPacketSize bytes, no trailing newline:
//
//     <verb> <id> [<key>=<value>]…
//
// verb: [a-z-]+; id: a decimal number chosen by the supervisor for a request and echoed in the worker's reply,
// 0 for messages the worker sends on its own; key: [a-z-]+; value: printable ASCII without space or '='
// (lists are comma-separated). Unknown keys are ignored by both sides so either can grow.
//
// Supervisor → worker (requests; the worker answers each with `ok <id> …` or `failed <id> errno=N reason=word`):
//   add <id> role=R [rate=N] [queue=I] [busy=1] [locks=A,B…] [step=MS] [hold=MS] [rounds=N] [name=NAME]
//                                        start a thread (roles: producer, consumer, poller, cpu, io, sleeper,
//                                        lock-taker); ok carries tid=T role=R name=NAME
//   stop <id> tid=T                      ask thread T to finish (cooperatively: a thread stuck on a lock stays)
//   rate <id> [tid=T] value=N            items (or rounds) per second for T, or for every thread; 0 = flat out
//   take <id> tid=T locks=A,B…           lock-taker T takes these locks in this order and holds them
//   release <id> tid=T                   lock-taker T releases what it holds
//   fork <id> kind=worker|sleeper [role=R] [name=NAME]
//                                        fork a child; ok carries pid=P start=S (stat field 22)
//   exit <id> code=N                     end the process with status N (no reply)
// Worker → supervisor (id 0):
//   hello 0 pid=P tid=T                  sent once at start
//   thread-start 0 tid=T role=R name=N   a thread started on the worker's own (--role, or a role's helper)
//   thread-exit 0 tid=T role=R           a thread ended
//   child-start 0 pid=P start=S role=R  a role forked a child by itself (the joiner); start: stat field 22
//   child-exit 0 pid=P code=N | signal=N a forked child ended and was reaped by the worker
class ControlMessage
{
public:
    static constexpr int MaxPacketSize = 1024;

    ControlMessage() = default;
    explicit ControlMessage(QByteArray verb, quint32 id = 0);

    QByteArray verb() const { return m_verb; }
    quint32 id() const { return m_id; }
    void setId(quint32 id) { m_id = id; }

    // Adds or replaces a field. Returns *this so fields chain. A value that breaks the wire format makes
    // encode() return an empty packet rather than a malformed one.
    ControlMessage &set(QByteArrayView key, QByteArrayView value);
    ControlMessage &set(QByteArrayView key, qint64 value);
    // A comma-separated list of numbers, as numberList() reads it.
    ControlMessage &setNumberList(QByteArrayView key, const QList<int> &numbers);

    bool has(QByteArrayView key) const;
    // The raw value, empty when absent.
    QByteArray value(QByteArrayView key) const;
    // The value as a number; `fallback` when absent; std::nullopt when present but not a number.
    std::optional<qint64> number(QByteArrayView key, qint64 fallback) const;
    // A comma-separated list of numbers; std::nullopt when any element is not one.
    std::optional<QList<int>> numberList(QByteArrayView key) const;

    // The packet to send; empty when the message cannot be encoded (bad verb, key or value, or too long).
    QByteArray encode() const;
    // Sends the packet as one datagram on a connected socket, from any thread (a worker's main thread, or a role's
    // helper announcing itself). False when it cannot be encoded or sent.
    bool sendOn(int fd) const;
    // Parses one received packet; std::nullopt for anything that does not follow the format above.
    static std::optional<ControlMessage> decode(QByteArrayView packet);

private:
    QByteArray m_verb;
    quint32 m_id = 0;
    QList<QPair<QByteArray, QByteArray>> m_fields;
};
