#include "StateClassifier.h"

#include <algorithm>

TaskState StateClassifier::stateOfLetter(char letter)
{
    switch (letter) {
    case 'R': return TaskState::Running;
    case 'T':
    case 't': return TaskState::Stopped;
    case 'Z': return TaskState::Zombie;
    case 'X':
    case 'x': return TaskState::Terminated;
    default: return TaskState::Blocked; // S, D, I (idle kernel thread), P (parked), W, K, …
    }
}

StateClassifier::Result StateClassifier::classify(const Input &in)
{
    Result r;
    if (in.gone) {
        r.state = TaskState::Terminated;
        r.blocked = 1;
        return r;
    }

    // Counters going backwards (a fake tree rewritten, a TID we mistook, a kernel quirk) make this interval's
    // deltas meaningless: say so, and fall back on the letter.
    if (in.intervalNs <= 0 || in.cpuDeltaNs < 0 || in.waitDeltaNs < 0 || in.slicesDelta < 0) {
        r.sharesKnown = false;
        r.state = in.everScheduled ? stateOfLetter(in.letter) : TaskState::New;
        return r;
    }

    const double dt = double(in.intervalNs);
    r.running = double(in.cpuDeltaNs) / dt;
    r.ready = double(in.waitDeltaNs) / dt;
    // The two reads of the counters are not exactly Δt apart, and waits are credited in lumps: clamp the sum to 1.
    const double sum = r.running + r.ready;
    if (sum > 1.0) {
        r.running /= sum;
        r.ready /= sum;
    }
    r.blocked = std::max(0.0, 1.0 - r.running - r.ready);
    r.progressed = in.cpuDeltaNs > 0 || in.waitDeltaNs > 0 || in.slicesDelta > 0;

    const char letter = in.letter;
    // A fresh terminal letter wins over shares: the thread may have run and then stopped or exited.
    if (in.letterFresh && (letter == 'Z' || letter == 'X' || letter == 'x' || letter == 'T' || letter == 't')) {
        r.state = stateOfLetter(letter);
        return r;
    }
    if (!in.everScheduled) {
        r.state = TaskState::New;
        return r;
    }
    if (!r.progressed) {
        if (letter == 'R') {
            // Starved: runnable the whole interval, never on a core, and its wait not credited yet.
            r.state = TaskState::Ready;
            r.ready = 1;
            r.blocked = 0;
        } else {
            r.state = letter ? stateOfLetter(letter) : TaskState::Blocked;
        }
        return r;
    }
    if (r.running >= r.ready && r.running >= r.blocked)
        r.state = TaskState::Running;
    else if (r.ready >= r.blocked)
        r.state = TaskState::Ready;
    else
        r.state = letter == 'T' || letter == 't' ? TaskState::Stopped : TaskState::Blocked;
    return r;
}
