#include "FutexCrossCheck.h"

#include "base/EventKind.h"
#include "probe/LinuxProcSource.h"
#include "probe/ProcParser.h"

#include <QSet>

using namespace Qt::Literals::StringLiterals;


FutexCrossCheck::FutexCrossCheck(const QString &procRoot, int recheckEveryTicks, int maxLooksPerTick,
                                 int settleTicks)
    : FutexCrossCheck(std::make_unique<LinuxProcSource>(procRoot), recheckEveryTicks, maxLooksPerTick, settleTicks)
{}

FutexCrossCheck::~FutexCrossCheck() = default;

FutexCrossCheck::FutexCrossCheck(std::unique_ptr<ProcSource> source, int recheckEveryTicks, int maxLooksPerTick,
                                 int settleTicks)
    : m_source(source ? std::move(source) : std::make_unique<LinuxProcSource>())
    , m_recheckEveryTicks(std::max(1, recheckEveryTicks))
    , m_maxLooksPerTick(std::max(1, maxLooksPerTick))
    , m_settleTicks(std::max(0, settleTicks))
{}

void FutexCrossCheck::setMapping(const FutexMapping &mapping)
{
    m_mapping = mapping;
    m_threads.clear();
    m_maps.clear();
}

void FutexCrossCheck::reset()
{
    m_threads.clear();
    m_maps.clear();
    m_refused.clear();
    m_rotation = 0;
    m_waitsChecked = m_waitsConfirmed = m_syscallReads = m_mapsReads = m_unreadable = 0;
}

bool FutexCrossCheck::agrees(const WaitInput &thread, const FutexObservation &observation)
{
    switch (thread.waitKind) {
    case WaitKind::Lock:
        return observation.status == FutexObservation::Status::Lock && observation.lockId == thread.waitObject;
    case WaitKind::QueueFull:
    case WaitKind::QueueEmpty:
        return observation.status == FutexObservation::Status::Queue && observation.queueId == thread.waitObject;
    default:
        return false;
    }
}

bool FutexCrossCheck::due(const WaitInput &thread, Watched *watched) const
{
    if (watched->kind != thread.waitKind || watched->object != thread.waitObject || watched->epoch != thread.waitEpoch)
        *watched = Watched{thread.waitKind, thread.waitObject, thread.waitEpoch, 0, false, false, false, false, 0};
    if (!watched->looked)
        return watched->ticksSeen++ >= m_settleTicks;
    // A look that did not confirm the wait is repeated on the next tick: a second answer either confirms the
    // disagreement (DeadlockMonitor reports it) or clears it (the telemetry was read just as the wait changed).
    return !watched->lastAgreed || ++watched->ticksSinceLook >= m_recheckEveryTicks;
}

void FutexCrossCheck::observe(WaitTick *tick)
{
    QSet<qint64> watchedNow;
    QSet<qint64> pidsNow;
    int looks = 0;
    bool deferred = false;
    const qsizetype count = tick->threads.size();
    // Threads past the budget stay due; the next tick starts where this one ran out, so none is starved by
    // threads earlier in the list that keep starting new waits.
    const qsizetype first = count > 0 ? m_rotation % count : 0;
    for (qsizetype n = 0; n < count; ++n) {
        WaitInput &thread = tick->threads[(first + n) % count];
        thread.futex = {};
        pidsNow.insert(thread.pid);
        if (!isActive() || !thread.alive)
            continue;
        const bool lockWait = thread.waitKind == WaitKind::Lock && m_mapping.knowsLock(thread.waitObject);
        const bool queueWait = (thread.waitKind == WaitKind::QueueFull || thread.waitKind == WaitKind::QueueEmpty) &&
                               m_mapping.knowsQueue(thread.waitObject);
        if (!lockWait && !queueWait)
            continue;
        watchedNow.insert(thread.tid);
        Watched &watched = m_threads[thread.tid];
        if (!due(thread, &watched) || m_refused.contains(thread.pid))
            continue;
        if (looks == m_maxLooksPerTick) {
            if (!deferred)
                m_rotation = quint64(first + n);
            deferred = true;
            continue;
        }
        ++looks;
        // The first re-check of a wait comes 10 to 19 ticks (for recheckEveryTicks 10) after its first look, at a
        // phase of the thread's own, so that a burst of new waits is not re-checked all on one later tick.
        watched.ticksSinceLook = watched.looked ? 0 : -int(thread.tid % m_recheckEveryTicks);
        watched.looked = true;
        thread.futex = look(thread.pid, thread.tid);
        if (thread.futex.status == FutexObservation::Status::NotChecked) {
            watched.lastAgreed = false; // not asleep right now: look again next tick
            continue;
        }
        if (!watched.counted) {
            watched.counted = true;
            ++m_waitsChecked;
        }
        watched.lastAgreed = agrees(thread, thread.futex);
        if (watched.lastAgreed && !watched.confirmed) {
            watched.confirmed = true;
            ++m_waitsConfirmed;
        }
    }
    for (auto it = m_threads.begin(); it != m_threads.end();)
        it = watchedNow.contains(it.key()) ? std::next(it) : m_threads.erase(it);
    for (auto it = m_maps.begin(); it != m_maps.end();)
        it = pidsNow.contains(it.key()) ? std::next(it) : m_maps.erase(it);
}

FutexObservation FutexCrossCheck::look(qint64 pid, qint64 tid)
{
    QByteArray text;
    ++m_syscallReads;
    if (!readFile(pid, tid, ProcSource::File::Syscall, &text))
        return {};
    const auto state = ProcParser::parseSyscall(text);
    if (!state || state->kind != SyscallState::Kind::InSyscall)
        return {};
    if (!FutexMapping::futexAddress(*state))
        return m_mapping.observe({}, *state); // NotInFutex: no maps needed
    const bool cached = m_maps.contains(pid);
    const QList<MemoryMapping> *maps = mapsOf(pid, false);
    if (!maps)
        return {};
    FutexObservation observation = m_mapping.observe(*maps, *state);
    // Maps read earlier may miss a mapping made since (a new thread's stack, a re-mapped region): an address that
    // names nothing is looked up again in fresh maps before it counts.
    if (observation.status == FutexObservation::Status::OtherAddress && cached) {
        maps = mapsOf(pid, true);
        if (!maps)
            return {};
        observation = m_mapping.observe(*maps, *state);
    }
    return observation;
}

const QList<MemoryMapping> *FutexCrossCheck::mapsOf(qint64 pid, bool fresh)
{
    auto it = m_maps.find(pid);
    if (it != m_maps.end() && !fresh)
        return &*it;
    QByteArray text;
    ++m_mapsReads;
    if (!readFile(pid, 0, ProcSource::File::Maps, &text)) {
        m_maps.remove(pid);
        return nullptr;
    }
    return &*m_maps.insert(pid, FutexMapping::parseMaps(text));
}

bool FutexCrossCheck::readFile(qint64 pid, qint64 tid, ProcSource::File file, QByteArray *contents)
{
    const ProcSource::Result result = m_source->readOnce(int(pid), int(tid), file, contents);
    if (result == ProcSource::Result::Ok)
        return true;
    ++m_unreadable;
    if (result == ProcSource::Result::Denied)
        m_refused.insert(pid, true); // Yama: no ptrace rights over this process, not asked again
    return false;
}

SessionEvent FutexCrossCheck::summaryEvent(double t, int mismatches) const
{
    return {t,
            EventKind::LockFutexCheck,
            {{u"waits_checked"_s, m_waitsChecked},
             {u"waits_confirmed"_s, m_waitsConfirmed},
             {u"mismatches"_s, mismatches},
             {u"syscall_reads"_s, m_syscallReads},
             {u"unreadable"_s, m_unreadable},
             {u"explanation"_s, explainSummary(m_waitsChecked, m_waitsConfirmed, mismatches, m_unreadable)}}};
}

QString FutexCrossCheck::explainSummary(int checked, int confirmed, int mismatches, int unreadable)
{
    QString text = tr("ProcLab asked the kernel what %n waiting thread(s) were blocked on: it confirmed what the "
                      "telemetry said for %1 of them; %2 disagreement(s) lasted and were reported.",
                      nullptr, checked)
                       .arg(confirmed)
                       .arg(mismatches);
    if (unreadable > 0)
        text += u' ' + tr("%n file(s) of /proc could not be read (no ptrace rights, or the thread was gone).", nullptr,
                          unreadable);
    return text;
}
