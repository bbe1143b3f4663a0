#pragma once

#include "DeadlockFindings.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

// Words for the findings, for students: what each thread holds and waits for, why none of them can go on, and
// what would have prevented it. Every sentence goes through tr(), so the Chinese UI explains it in Chinese.
class DeadlockExplainer
{
    Q_DECLARE_TR_FUNCTIONS(DeadlockExplainer)

public:
    // "Thread 812 (lock-taker-1) holds L1 and waits for L2; thread 813 (lock-taker-2) holds L2 and waits for L1.
    // Neither can go on: this is a deadlock. Taking the locks in one global order (ordered=true) prevents it."
    static QString explainCycle(const DeadlockCycle &cycle);
    // The lock, its dead owner, the waiters, and what a robust mutex would have done.
    static QString explainOwnerDead(const OwnerDeadLock &finding);
    // The opposite orders and the threads they were seen in. `lockNames` maps lock ids to labels; ids missing
    // from it are shown as "L<id>".
    static QString explainInversion(const LockOrderInversion &inversion, const QHash<qint64, QString> &lockNames);
    // What the telemetry said, what the kernel showed, and that one of them is wrong. `telemetryObject` and
    // `futexObject` are the labels of the lock or queue each names ("L2", "Q1").
    static QString explainFutexMismatch(const FutexMismatch &mismatch, const QString &telemetryObject,
                                        const QString &futexObject);

    // "thread 812 (lock-taker-1)", or "thread 812" when the thread has no name.
    static QString threadLabel(const ThreadRef &thread);

private:
    static QString memberPhrase(const CycleMember &member);
    // Clauses joined into one sentence with the language's own separators.
    static QString sentence(const QStringList &phrases);
};
