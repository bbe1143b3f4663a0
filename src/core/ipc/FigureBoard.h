#pragma once

#include "SharedMemory.h"

#include <QList>

#include <atomic>
#include <cstdint>

// A small array of 64-bit figures in shared memory that lab processes write and the supervisor reads: the values
// an experiment measures inside the lab (the racers' shared counter, what each isolated child saw, the pool's task
// times). One sealed memfd, lock-free atomics (they work across processes only because they are lock-free).
//
// The racers use slot 0 on purpose with a plain load and a plain store (relaxed, never a read-modify-write), so the
// lost updates they show are real interleavings, not C++ undefined behaviour.
class FigureBoard
{
public:
    static constexpr int MaxFigures = 4096;

    FigureBoard() = default;
    // A new zeroed board of `count` figures (1 … MaxFigures); invalid on failure.
    static FigureBoard create(int count);
    // The board in an inherited memfd; invalid when the fd is not one.
    static FigureBoard attach(int fd);

    bool isValid() const { return m_figures != nullptr; }
    int fd() const { return m_memory.fd(); }
    int count() const { return m_count; }
    // Nullptr for an index out of range.
    std::atomic<std::int64_t> *at(int index) const;
    void store(int index, std::int64_t value) const;
    // Every figure, as plain values.
    QList<qint64> read() const;

private:
    SharedMemory m_memory;
    std::atomic<std::int64_t> *m_figures = nullptr;
    int m_count = 0;
};
