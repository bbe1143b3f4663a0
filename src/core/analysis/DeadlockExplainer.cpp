#include "DeadlockExplainer.h"

#include "WaitForGraph.h"

#include <QStringList>

using namespace Qt::Literals::StringLiterals;

namespace {

QString capitalised(QString text)
{
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

} // namespace

QString DeadlockExplainer::threadLabel(const ThreadRef &thread)
{
    if (thread.name.isEmpty())
        return tr("thread %1").arg(thread.tid);
    return tr("thread %1 (%2)").arg(thread.tid).arg(thread.name);
}

QString DeadlockExplainer::memberPhrase(const CycleMember &member)
{
    const QString who = threadLabel(member.thread);
    QString waits;
    switch (member.waitKind) {
    case WaitKind::Lock:
        waits = tr("waits for %1").arg(member.object);
        break;
    case WaitKind::QueueFull:
        waits = tr("waits for space in the full queue %1").arg(member.object);
        break;
    case WaitKind::QueueEmpty:
        waits = tr("waits for an item in the empty queue %1").arg(member.object);
        break;
    case WaitKind::Child:
        waits = tr("waits for its child process %1 to end").arg(member.object);
        break;
    case WaitKind::PipeWrite:
        waits = tr("waits to write into the full pipe %1").arg(member.object);
        break;
    case WaitKind::PipeRead:
        waits = tr("waits to read from the empty pipe %1").arg(member.object);
        break;
    case WaitKind::None:
        waits = tr("waits");
        break;
    }
    if (member.locksHeld.isEmpty())
        return tr("%1 %2").arg(who, waits);
    return tr("%1 holds %2 and %3").arg(who, member.locksHeld.join(u", "_s), waits);
}

QString DeadlockExplainer::explainCycle(const DeadlockCycle &cycle)
{
    QStringList phrases;
    bool onlyLocks = true, child = false, pipe = false, queue = false;
    for (const CycleMember &member : cycle.members) {
        phrases.append(memberPhrase(member));
        onlyLocks = onlyLocks && member.waitKind == WaitKind::Lock;
        child = child || member.waitKind == WaitKind::Child;
        pipe = pipe || member.waitKind == WaitKind::PipeWrite || member.waitKind == WaitKind::PipeRead;
        queue = queue || member.waitKind == WaitKind::QueueFull || member.waitKind == WaitKind::QueueEmpty;
    }
    QString text = sentence(phrases) + u' ';
    if (cycle.members.size() == 1)
        text += tr("It waits for itself and can never go on: this is a deadlock.");
    else if (cycle.members.size() == 2)
        text += tr("Neither can go on: this is a deadlock.");
    else
        text += tr("None of these %1 threads can go on: this is a deadlock.").arg(cycle.members.size());
    if (queue)
        text += u' ' + tr("A queue wait would end if any one of the threads on the other side went on, but all of them "
                          "are blocked here too.");
    if (onlyLocks)
        text += u' ' + tr("Taking the locks in one global order (ordered=true) prevents it.");
    else if (child && pipe)
        text += u' ' + tr("The parent must read everything the child writes before it waits for the child: drain the "
                          "pipe, then join.");
    if (!cycle.blockedBehind.isEmpty())
        text += u' ' + tr("%n more thread(s) wait behind them and are stuck as well.", nullptr,
                          int(cycle.blockedBehind.size()));
    return text;
}

QString DeadlockExplainer::sentence(const QStringList &phrases)
{
    // The separators are words of the language too: Chinese joins clauses with "；" and ends with "。".
    return tr("%1.", "a sentence made of several clauses")
        .arg(capitalised(phrases.join(tr("; ", "between two clauses of one sentence"))));
}

QString DeadlockExplainer::explainOwnerDead(const OwnerDeadLock &finding)
{
    QStringList waiters;
    for (const ThreadRef &waiter : finding.waiters)
        waiters.append(threadLabel(waiter));
    QString text = tr("Lock %1 is still held by thread %2 of process %3, which is gone.")
                       .arg(finding.lock)
                       .arg(finding.ownerTid)
                       .arg(finding.ownerPid);
    if (!waiters.isEmpty()) {
        text += u' ' +
                tr("%1 wait(s) for it and can never go on: nobody is left to unlock it.", nullptr, int(waiters.size()))
                    .arg(capitalised(waiters.join(u", "_s)));
    }
    text +=
        u' ' +
        tr("A robust mutex (robust=true) hands it to the next waiter with EOWNERDEAD, which repairs the shared data "
           "and goes on.");
    return text;
}

QString DeadlockExplainer::explainInversion(const LockOrderInversion &inversion,
                                            const QHash<qint64, QString> &lockNames)
{
    const auto name = [&](qint64 lock) {
        return WaitForGraph::lockLabel(lock, lockNames.value(lock));
    };
    QStringList phrases;
    for (const LockOrder &order : inversion.orders) {
        const QString who = order.seenBy.isEmpty() ? tr("a thread") : threadLabel(order.seenBy.first());
        phrases.append(tr("%1 took %2 while holding %3").arg(who, name(order.to), name(order.from)));
    }
    return sentence(phrases) + u' ' +
           tr("Nothing has to hang yet, but if these threads each take their first lock at the same moment, they "
              "deadlock. Taking the locks in one global order prevents it.");
}

QString DeadlockExplainer::explainFutexMismatch(const FutexMismatch &mismatch, const QString &telemetryObject,
                                                const QString &futexObject)
{
    QString said;
    if (mismatch.telemetryKind == WaitKind::None)
        said = tr("waits for nothing");
    else if (mismatch.telemetryKind == WaitKind::Lock)
        said = tr("waits for lock %1").arg(telemetryObject);
    else if (mismatch.telemetryKind == WaitKind::QueueFull)
        said = tr("waits for room in queue %1").arg(telemetryObject);
    else if (mismatch.telemetryKind == WaitKind::QueueEmpty)
        said = tr("waits for an item in queue %1").arg(telemetryObject);
    else
        said = tr("waits for %1").arg(WaitForGraph::describeWait(mismatch.telemetryKind, mismatch.telemetryObject, {}));
    QString seen;
    switch (mismatch.futex.status) {
    case FutexObservation::Status::Lock:
        seen = tr("blocked on lock %1").arg(futexObject);
        break;
    case FutexObservation::Status::Queue:
        seen = tr("blocked inside queue %1").arg(futexObject);
        break;
    case FutexObservation::Status::OtherAddress:
        seen = tr("blocked on a futex at 0x%1, which is no known lock or queue").arg(mismatch.futex.address, 0, 16);
        break;
    case FutexObservation::Status::NotInFutex:
        seen = tr("asleep in another system call, not on any futex");
        break;
    case FutexObservation::Status::NotChecked:
        seen = tr("not checked");
        break;
    }
    return tr("The telemetry says %1 %2, but the kernel shows it %3. One of the two is out of date or wrong.")
        .arg(threadLabel(mismatch.thread), said, seen);
}
