#include "FigureBoard.h"

static_assert(std::atomic<std::int64_t>::is_always_lock_free, "figures are shared between processes");

FigureBoard FigureBoard::create(int count)
{
    FigureBoard board;
    if (count < 1 || count > MaxFigures)
        return board;
    board.m_memory = SharedMemory::create("proclab-figures", sizeof(std::atomic<std::int64_t>) * size_t(count));
    if (!board.m_memory.isValid())
        return board;
    // The memfd is zero-filled; constructing the atomics in place makes them objects C++ knows about.
    auto *figures = static_cast<std::atomic<std::int64_t> *>(board.m_memory.data());
    for (int i = 0; i < count; ++i)
        new (&figures[i]) std::atomic<std::int64_t>(0);
    board.m_figures = figures;
    board.m_count = count;
    return board;
}

FigureBoard FigureBoard::attach(int fd)
{
    FigureBoard board;
    board.m_memory = SharedMemory::attach(fd);
    if (!board.m_memory.isValid() || board.m_memory.size() < sizeof(std::atomic<std::int64_t>))
        return FigureBoard();
    board.m_figures = static_cast<std::atomic<std::int64_t> *>(board.m_memory.data());
    board.m_count = int(std::min<size_t>(board.m_memory.size() / sizeof(std::atomic<std::int64_t>), MaxFigures));
    return board;
}

std::atomic<std::int64_t> *FigureBoard::at(int index) const
{
    return index >= 0 && index < m_count ? &m_figures[index] : nullptr;
}

void FigureBoard::store(int index, std::int64_t value) const
{
    if (auto *figure = at(index))
        figure->store(value, std::memory_order_relaxed);
}

QList<qint64> FigureBoard::read() const
{
    QList<qint64> values;
    values.reserve(m_count);
    for (int i = 0; i < m_count; ++i)
        values << m_figures[i].load(std::memory_order_relaxed);
    return values;
}
