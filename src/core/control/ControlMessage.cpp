#include "ControlMessage.h"

#include <sys/socket.h>

namespace {

bool isWord(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (!((c >= 'a' && c <= 'z') || c == '-'))
            return false;
    }
    return true;
}

bool isValue(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (c <= ' ' || c > '~' || c == '=')
            return false;
    }
    return true;
}

} // namespace

ControlMessage::ControlMessage(QByteArray verb, quint32 id) : m_verb(std::move(verb)), m_id(id)
{
}

ControlMessage &ControlMessage::set(QByteArrayView key, QByteArrayView value)
{
    for (auto &field : m_fields) {
        if (field.first == key) {
            field.second = value.toByteArray();
            return *this;
        }
    }
    m_fields.append({key.toByteArray(), value.toByteArray()});
    return *this;
}

ControlMessage &ControlMessage::set(QByteArrayView key, qint64 value)
{
    return set(key, QByteArray::number(value));
}

ControlMessage &ControlMessage::setNumberList(QByteArrayView key, const QList<int> &numbers)
{
    QByteArrayList parts;
    for (const int n : numbers)
        parts.append(QByteArray::number(n));
    return set(key, parts.join(','));
}

bool ControlMessage::has(QByteArrayView key) const
{
    for (const auto &field : m_fields) {
        if (field.first == key)
            return true;
    }
    return false;
}

QByteArray ControlMessage::value(QByteArrayView key) const
{
    for (const auto &field : m_fields) {
        if (field.first == key)
            return field.second;
    }
    return {};
}

std::optional<qint64> ControlMessage::number(QByteArrayView key, qint64 fallback) const
{
    if (!has(key))
        return fallback;
    bool ok = false;
    const qint64 n = value(key).toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    return n;
}

std::optional<QList<int>> ControlMessage::numberList(QByteArrayView key) const
{
    QList<int> numbers;
    const QByteArray text = value(key);
    if (text.isEmpty())
        return numbers;
    for (const QByteArray &part : text.split(',')) {
        bool ok = false;
        const int n = part.toInt(&ok);
        if (!ok)
            return std::nullopt;
        numbers.append(n);
    }
    return numbers;
}

bool ControlMessage::sendOn(int fd) const
{
    const QByteArray packet = encode();
    return fd >= 0 && !packet.isEmpty()
        && ::send(fd, packet.constData(), size_t(packet.size()), MSG_NOSIGNAL) == packet.size();
}

QByteArray ControlMessage::encode() const
{
    if (!isWord(m_verb))
        return {};
    QByteArray packet = m_verb + ' ' + QByteArray::number(m_id);
    for (const auto &field : m_fields) {
        if (!isWord(field.first) || !isValue(field.second))
            return {};
        packet += ' ' + field.first + '=' + field.second;
    }
    if (packet.size() > MaxPacketSize)
        return {};
    return packet;
}

std::optional<ControlMessage> ControlMessage::decode(QByteArrayView packet)
{
    if (packet.isEmpty() || packet.size() > MaxPacketSize)
        return std::nullopt;
    const QList<QByteArray> parts = packet.toByteArray().split(' ');
    if (parts.size() < 2 || !isWord(parts.at(0)))
        return std::nullopt;
    bool ok = false;
    const quint32 id = parts.at(1).toUInt(&ok);
    if (!ok || parts.at(1).startsWith('+'))
        return std::nullopt;
    ControlMessage message(parts.at(0), id);
    for (qsizetype i = 2; i < parts.size(); ++i) {
        const QByteArray &part = parts.at(i);
        const qsizetype eq = part.indexOf('=');
        if (eq <= 0)
            return std::nullopt;
        const QByteArray key = part.left(eq);
        const QByteArray value = part.mid(eq + 1);
        if (!isWord(key) || !isValue(value))
            return std::nullopt;
        message.set(key, value);
    }
    return message;
}
