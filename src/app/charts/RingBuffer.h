#pragma once

#include <QList>

#include <algorithm>

// A fixed-capacity history: push() overwrites the oldest value once full, so a chart's or a timeline's memory
// stays bounded however long a session runs. Template code lives here because it must.
template<typename T>
class RingBuffer
{
public:
    explicit RingBuffer(qsizetype capacity = 600) { setCapacity(capacity); }

    // Drops the history when the capacity changes: the old samples would have another spacing anyway.
    void setCapacity(qsizetype capacity)
    {
        m_items.clear();
        m_items.resize(std::max<qsizetype>(1, capacity));
        m_start = 0;
        m_size = 0;
    }
    qsizetype capacity() const { return m_items.size(); }
    qsizetype size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    void clear() { m_start = 0; m_size = 0; }

    void push(const T &value)
    {
        if (m_size < m_items.size()) {
            m_items[(m_start + m_size) % m_items.size()] = value;
            ++m_size;
        } else {
            m_items[m_start] = value;
            m_start = (m_start + 1) % m_items.size();
        }
    }
    // i = 0 is the oldest value kept.
    const T &at(qsizetype i) const { return m_items.at((m_start + i) % m_items.size()); }
    const T &last() const { return at(m_size - 1); }

private:
    QList<T> m_items;
    qsizetype m_start = 0;
    qsizetype m_size = 0;
};
