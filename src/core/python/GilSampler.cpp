#include "GilSampler.h"

#include "InterpreterLocator.h"

#include <algorithm>
#include <ctime>

namespace {
constexpr qint64 NsPerSecond = 1000000000;

qint64 nowNs(clockid_t clock)
{
    timespec ts{};
    clock_gettime(clock, &ts);
    return qint64(ts.tv_sec) * NsPerSecond + ts.tv_nsec;
}
} // namespace

GilSampler::GilSampler(int hz) : m_hz(qBound(1, hz, 2000)) {}

GilSampler::~GilSampler()
{
    stop();
}

void GilSampler::setPids(const QList<int> &pids)
{
    QMutexLocker lock(&m_mutex);
    if (pids == m_pids)
        return;
    m_pids = pids;
    ++m_pidsVersion;
}

void GilSampler::start()
{
    if (m_thread.joinable())
        return;
    m_stop = false;
    m_thread = std::thread([this] { run(); });
}

void GilSampler::stop()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
}

QHash<int, GilTally> GilSampler::takeInterval()
{
    QMutexLocker lock(&m_mutex);
    return std::exchange(m_interval, {});
}

QHash<int, GilTally> GilSampler::totals() const
{
    QMutexLocker lock(&m_mutex);
    return m_totals;
}

QList<GilTarget> GilSampler::takeFindings()
{
    QMutexLocker lock(&m_mutex);
    return std::exchange(m_findings, {});
}

void GilSampler::run()
{
    const qint64 readingPeriod = NsPerSecond / m_hz;
    const qint64 idlePeriod = NsPerSecond / std::min(m_hz, IdleHz);
    qint64 deadline = nowNs(CLOCK_MONOTONIC);
    QHash<int, GilTally> tallies;
    QList<GilTarget> findings;
    for (quint64 number = 0; !m_stop.load(); ++number) {
        const bool reading = round(nowNs(CLOCK_MONOTONIC), tallies, findings);
        const qint64 period = reading ? readingPeriod : idlePeriod;
        {
            QMutexLocker lock(&m_mutex);
            for (auto it = tallies.constBegin(); it != tallies.constEnd(); ++it) {
                m_interval[it.key()].add(it.value());
                m_totals[it.key()].add(it.value());
            }
            m_findings += findings;
        }
        tallies.clear();
        findings.clear();
        m_cpuNs = nowNs(CLOCK_THREAD_CPUTIME_ID);
        m_rounds = number + 1;
        // Absolute deadlines keep the rate; a round that came late (a busy machine) starts the count again
        // rather than reading in a burst to catch up.
        deadline += period;
        const qint64 now = nowNs(CLOCK_MONOTONIC);
        if (deadline < now)
            deadline = now + period;
        const timespec until{time_t(deadline / NsPerSecond), long(deadline % NsPerSecond)};
        while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &until, nullptr) == EINTR) {
        }
    }
}

bool GilSampler::round(qint64 now, QHash<int, GilTally> &tallies, QList<GilTarget> &findings)
{
    QList<int> pids;
    bool changed = false;
    {
        QMutexLocker lock(&m_mutex);
        if (m_pidsVersion != m_appliedVersion) {
            m_appliedVersion = m_pidsVersion;
            pids = m_pids;
            changed = true;
        }
    }
    if (changed) {
        for (auto it = m_watched.begin(); it != m_watched.end();) {
            if (!pids.contains(it->first)) {
                m_namer.remove(it->first);
                it = m_watched.erase(it);
            } else {
                ++it;
            }
        }
        for (int pid : pids)
            m_watched.try_emplace(pid);
    }
    bool reading = false;
    for (auto &[pid, watched] : m_watched) {
        if (watched.done)
            continue;
        if (!watched.probe) {
            if (now < watched.nextLocateNs)
                continue;
            GilTarget target = InterpreterLocator::locate(pid);
            if (target.status == GilTarget::Status::NotPython) {
                watched.nextLocateNs = now + NsPerSecond / 4;
                continue;
            }
            findings << target;
            if (target.status != GilTarget::Status::Readable) {
                watched.done = true;
                continue;
            }
            watched.probe.emplace(target);
        }
        readOne(pid, watched, tallies[pid], findings);
        reading = reading || (watched.probe && !watched.done);
    }
    return reading;
}

void GilSampler::readOne(int pid, Watched &watched, GilTally &tally, QList<GilTarget> &findings)
{
    using Result = GilProbe::Reading::Result;
    const GilProbe::Reading reading = watched.probe->read();
    switch (reading.result) {
    case Result::Gone:
        watched.done = true;
        m_namer.remove(pid);
        return;
    case Result::Denied: {
        GilTarget target = watched.probe->target();
        target.status = GilTarget::Status::NotAllowed;
        target.message = InterpreterLocator::notAllowedMessage(pid);
        findings << target;
        watched.done = true;
        return;
    }
    case Result::Garbled: {
        // A build of this version laid out otherwise than the table says (other configure options): say so once
        // rather than show a wrong holder.
        GilTarget target = watched.probe->target();
        target.status = GilTarget::Status::Unsupported;
        target.message = InterpreterLocator::tr("GIL not shown for Python %1: this build's GIL is not where ProcLab "
                                                "expects it").arg(target.image.version());
        findings << target;
        watched.done = true;
        m_namer.remove(pid);
        return;
    }
    case Result::NotReady:
        // Two seconds of nothing where the GIL was: the process ran exec (another program, perhaps another
        // Python) — look for its interpreter again.
        if (++watched.notReady > 2 * m_hz) {
            watched.probe.reset();
            watched.rangeSet = false;
            watched.haveLast = false;
            watched.notReady = 0;
            m_namer.remove(pid);
        }
        return;
    case Result::Ok:
        break;
    }
    watched.notReady = 0;
    if (!watched.rangeSet) {
        m_namer.setRange(pid, watched.probe->waitRange());
        watched.rangeSet = true;
    }
    ++tally.reads;
    if (reading.locked && reading.holderTid > 0) {
        ++tally.heldReads;
        ++tally.byTid[reading.holderTid];
        if (watched.haveLast && watched.lastTid > 0 && watched.lastTid != reading.holderTid)
            ++tally.holderChanges;
        watched.lastTid = reading.holderTid;
    }
    if (watched.probe->target().layout.hasSwitchNumber) {
        if (watched.haveLast && reading.switches >= watched.lastSwitches)
            tally.switches += reading.switches - watched.lastSwitches;
        tally.switchesKnown = true;
        watched.lastSwitches = reading.switches;
    }
    watched.haveLast = true;
}
