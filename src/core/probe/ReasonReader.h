#pragma once

#include "FutexWaitNamer.h"
#include "KeptProcFile.h"
#include "ProcSource.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <vector>

// Reads why a task is blocked and puts it in plain words (BlockedReason): from task/<tid>/syscall, kept open per
// task, resolving the descriptor of a read or write (a pipe, a socket, the terminal); where syscall cannot be read
// — it needs ptrace rights, which Yama denies for processes that are not our descendants — or says nothing (blocked
// outside a system call), from wchan. It says which source it used.
//
// The words are interned: tasks waiting alike share one QString.
class ReasonReader
{
public:
    // Per task: the kept syscall file, and whether syscall proved unreadable (wchan from then on).
    struct Kept {
        KeptProcFile syscall;
        bool wchanOnly = false;
    };

    explicit ReasonReader(ProcSource *source);

    // Sets *reason (never empty: BlockedReason::unsaid() when nothing spoke) and *source ("syscall", "wchan" or ""
    // when only the letter or nothing spoke).
    void read(int pid, int tid, char letter, Kept &kept, QString *reason, QString *source);
    // The sampler's count of kept descriptors and its budget: beyond it syscall is read per read (KeptProcFile).
    void setKeptBudget(int *keptCount, int budget)
    {
        m_keptCount = keptCount;
        m_keptBudget = budget;
    }
    // Who may name a futex wait better than the kernel (CPython's GIL); null: nobody. Not owned; it must outlive
    // the reader. Set before sampling starts.
    void setFutexNamer(const FutexWaitNamer *namer) { m_futexNamer = namer; }
    // The shared copy of text (empty stays empty).
    QString intern(const QString &text);

private:
    ProcSource *m_source;
    int *m_keptCount = nullptr;
    int m_keptBudget = 0;
    const FutexWaitNamer *m_futexNamer = nullptr;
    QHash<QString, QString> m_texts;
    std::vector<char> m_buffer;
};
