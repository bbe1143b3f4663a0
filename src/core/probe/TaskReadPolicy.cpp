#include "TaskReadPolicy.h"

#include "StateClassifier.h"

#include <algorithm>

bool TaskReadPolicy::showsBlocked(char letter)
{
    return letter != 0 && letter != '?' && StateClassifier::stateOfLetter(letter) == TaskState::Blocked;
}

TaskReadPolicy::Decision TaskReadPolicy::decideStat(const Facts &f)
{
    const auto decision = [](Stat stat, Why why, bool detailsDue) { return Decision{stat, why, detailsDue}; };
    if (f.mainThread) {
        // Its letter is fresh at every tick; its details are due when another thread's stat would be read.
        const bool details = f.fullRead || !f.letterSeen || f.rotationDue || (!f.progressed && f.quietTicks == 1);
        return decision(Stat::FromProcess, Why::MainThread, details);
    }
    if (!f.letterSeen)
        return decision(Stat::Read, Why::FirstSight, true);
    if (f.fullRead)
        return decision(Stat::Read, Why::FullRead, true);
    if (!f.progressed && f.ranSinceLetter) {
        // It ran, and has stopped making progress: asleep again, stopped, or waiting for a core.
        const bool processStopping = f.processLetter == 'T' || f.processLetter == 't';
        if (!showsBlocked(f.letter) || processStopping || f.quietTicks >= 2)
            return decision(Stat::Read, Why::AfterRun, true);
        // Its old letter shows Blocked, which is what a thread that ran a little and slept again is; a thread
        // that was stopped or starves stays without progress and is read at the next tick.
    }
    if (f.rotationDue) {
        if (!f.progressed && !f.ranSinceLetter && f.nothingElseRunnable && f.letter != 'R')
            return decision(Stat::Proved, Why::ProvedUnchanged, true);
        return decision(Stat::Read, Why::Rotation, true);
    }
    return decision(Stat::Skip, Why::None, false);
}

bool TaskReadPolicy::readReason(const ReasonFacts &f)
{
    if (!f.blocked)
        return false;
    // A thread that keeps running and blocking again (a busy producer) has its reason re-read at most every
    // maxAge: at 500 such threads, reading syscall for each at every tick was a fifth of the window's CPU.
    const bool old = f.ageNs >= f.maxAgeNs;
    return !f.wasBlocked || f.guessed || f.letterChanged || (f.ranSinceRead && old);
}

bool TaskReadPolicy::readSwitches(bool enabled, bool letterFresh, const Decision &decision, bool mainThread,
                                  bool scheduledSinceLastRead)
{
    return enabled && letterFresh && (decision.detailsDue || !mainThread) && scheduledSinceLastRead;
}

qint64 TaskReadPolicy::nextRotationNs(bool firstSight, qint64 nowNs, qint64 periodNs, qint64 lastIntervalNs, int tid)
{
    // A multiplicative hash of the TID spreads the first rotations evenly over the period.
    const double phase = double((quint32(tid) * 2654435761u) >> 8) / double(1u << 24);
    const qint64 next = firstSight ? nowNs + qint64(double(periodNs) * phase) : nowNs + periodNs - lastIntervalNs;
    return std::max(next, nowNs + 1);
}
