#include "GilSession.h"

#include "base/EventKind.h"
#include "probe/TaskSampler.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace {
double rounded(double share)
{
    return std::round(share * 1000.0) / 1000.0; // reads at 200 Hz do not tell more than that
}
} // namespace

GilSession::GilSession(int hz) : m_sampler(hz) {}

GilSession::~GilSession()
{
    stop();
}

void GilSession::connectTo(TaskSampler &sampler)
{
    sampler.setFutexNamer(m_sampler.waitNamer());
}

void GilSession::start()
{
    m_sampler.start();
}

void GilSession::stop()
{
    m_sampler.stop();
}

void GilSession::setPids(const QList<int> &pids)
{
    m_sampler.setPids(pids);
}

QList<SessionEvent> GilSession::findingEvents(double t)
{
    QList<SessionEvent> events;
    for (const GilTarget &target : m_sampler.takeFindings()) {
        if (target.status == GilTarget::Status::Readable)
            m_readable.insert(target.pid);
        else
            m_readable.remove(target.pid);
        QJsonObject fields{{u"pid"_s, target.pid},
                           {u"version"_s, target.image.version()},
                           {u"path"_s, target.image.path},
                           {u"gil"_s, target.statusName()},
                           {u"message"_s, target.message}};
        if (target.status == GilTarget::Status::Readable)
            fields.insert(u"offsets"_s, target.fromDebugOffsets ? u"debug_offsets"_s : u"table"_s);
        events << SessionEvent{t, EventKind::PythonInterpreter, fields};
    }
    return events;
}

QList<SessionEvent> GilSession::tick(double t, const QList<int> &pids, QList<SessionEvent> &samples)
{
    setPids(pids);
    QList<SessionEvent> findings = findingEvents(t);
    annotate(samples);
    return findings;
}

QList<SessionEvent> GilSession::finish(double t)
{
    stop();
    return findingEvents(t) + summaryEvents(t);
}

void GilSession::foldInterval()
{
    const QHash<int, GilTally> interval = m_sampler.takeInterval();
    m_lastInterval = interval;
    for (auto it = interval.constBegin(); it != interval.constEnd(); ++it) {
        m_readsOf[it.key()] += it->reads;
        for (auto tid = it->byTid.constBegin(); tid != it->byTid.constEnd(); ++tid)
            m_heldBy[tid.key()] += tid.value();
    }
}

void GilSession::annotate(QList<SessionEvent> &events)
{
    foldInterval();
    if (m_readable.isEmpty())
        return;
    for (SessionEvent &event : events) {
        if (event.kind != EventKind::TaskSample)
            continue;
        const int pid = event.fields.value(u"pid"_s).toInt();
        if (!m_readable.contains(pid))
            continue;
        const int tid = event.fields.value(u"tid"_s).toInt();
        const Mark now{m_readsOf.value(pid), m_heldBy.value(tid)};
        const auto last = m_lastSample.constFind(tid);
        const Mark before = last == m_lastSample.constEnd() ? Mark{} : *last;
        m_lastSample.insert(tid, now);
        if (now.reads <= before.reads)
            continue; // no read of the GIL since this thread's last sample: nothing to say
        const double share = double(now.held - before.held) / double(now.reads - before.reads);
        event.fields.insert(u"gil"_s, rounded(std::clamp(share, 0.0, 1.0)));
    }
    if (m_lastSample.size() > 65536)
        m_lastSample.clear(); // TIDs of ended threads: keep the table bounded
}

QList<SessionEvent> GilSession::summaryEvents(double t)
{
    foldInterval();
    QList<SessionEvent> events;
    const QHash<int, GilTally> totals = m_sampler.totals();
    QList<int> pids = totals.keys();
    std::sort(pids.begin(), pids.end());
    for (int pid : pids) {
        const GilTally &tally = totals[pid];
        if (tally.reads == 0)
            continue;
        QList<int> tids = tally.byTid.keys();
        std::sort(tids.begin(), tids.end());
        QJsonArray threads;
        for (int tid : tids)
            threads.append(QJsonObject{{u"tid"_s, tid}, {u"gil"_s, rounded(tally.shareOf(tid))}});
        QJsonObject fields{{u"pid"_s, pid},
                           {u"reads"_s, qint64(tally.reads)},
                           {u"held"_s, rounded(double(tally.heldReads) / double(tally.reads))},
                           {u"threads"_s, threads},
                           {u"handovers_seen"_s, qint64(tally.holderChanges)},
                           {u"hz"_s, m_sampler.hz()}};
        if (tally.switchesKnown)
            fields.insert(u"handovers"_s, qint64(tally.switches));
        events << SessionEvent{t, EventKind::PythonGil, fields};
    }
    return events;
}
