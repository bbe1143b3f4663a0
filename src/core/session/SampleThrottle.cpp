#include "SampleThrottle.h"
#include "base/EventKind.h"

#include <QJsonArray>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

double SampleThrottle::roundedShare(double share)
{
    // Shares with four decimals are finer than anything a /proc tick can measure, and keep lines short.
    return std::round(share * 1e4) / 1e4;
}

double SampleThrottle::roundedCpu(double percent)
{
    return std::round(percent * 10) / 10;
}

SampleThrottle::SampleThrottle(double minInterval) : m_minInterval(minInterval)
{}

QList<SessionEvent> SampleThrottle::offer(double t, const QList<TaskRecord> &samples, quint64 tick)
{
    // The tick's own number lets a reader count ticks between events, which a late tick's `t` cannot tell.
    const auto stamped = [tick](QJsonObject fields) {
        if (tick > 0)
            fields.insert(u"tick"_s, qint64(tick));
        return fields;
    };
    QList<SessionEvent> stateEvents;
    QList<SessionEvent> sampleEvents;
    QHash<qint64, Recorded> next;
    next.reserve(samples.size());
    for (const TaskRecord &sample : samples) {
        const auto previous = m_last.constFind(sample.tid);
        bool admit = false;
        Recorded recorded;
        const auto stateChange = [&](const QString &from) {
            stateEvents << SessionEvent{t, EventKind::TaskState,
                                        stamped(QJsonObject{{u"pid"_s, sample.pid},
                                                            {u"tid"_s, sample.tid},
                                                            {u"from"_s, from},
                                                            {u"to"_s, sample.state},
                                                            {u"reason"_s, sample.reason}})};
        };
        if (previous == m_last.constEnd()) {
            // The first state seen is a change too, from "new": a reader first seen already blocked in read()
            // must say so in the event stream, not only in its samples.
            admit = true;
            if (sample.state != u"new"_s)
                stateChange(u"new"_s);
        } else if (previous->state != sample.state) {
            admit = true;
            stateChange(previous->state);
        } else if (previous->wait != sample.wait || previous->waitOn != sample.waitOn
                   || previous->holds != sample.holds) {
            admit = true;
        } else {
            // A small tolerance: ticks of exactly 0.5 s, measured on a real clock, arrive a few µs early.
            admit = t - previous->t >= m_minInterval - 1e-3;
        }
        if (admit) {
            sampleEvents << SessionEvent{t, EventKind::TaskSample, stamped(sampleFields(sample))};
            recorded = Recorded{t, sample.state, sample.wait, sample.waitOn, sample.holds};
        } else {
            recorded = *previous;
        }
        next.insert(sample.tid, recorded);
    }
    m_last.swap(next);
    return stateEvents + sampleEvents;
}

QJsonObject SampleThrottle::sampleFields(const TaskRecord &sample)
{
    QJsonObject fields{{u"pid"_s, sample.pid},
                       {u"tid"_s, sample.tid},
                       {u"state"_s, sample.state},
                       {u"running"_s, roundedShare(sample.running)},
                       {u"ready"_s, roundedShare(sample.ready)},
                       {u"blocked"_s, roundedShare(sample.blocked)},
                       {u"cpu"_s, roundedCpu(sample.cpu)},
                       {u"core"_s, sample.core},
                       {u"reason"_s, sample.reason}};
    // Only lab threads that wait or hold something carry these: 500 running threads add nothing to the file.
    if (!sample.wait.isEmpty()) {
        fields.insert(u"wait"_s, sample.wait);
        fields.insert(u"wait_on"_s, sample.waitOn);
        if (!sample.waitLabel.isEmpty())
            fields.insert(u"wait_label"_s, sample.waitLabel);
    }
    if (!sample.holds.isEmpty())
        fields.insert(u"holds"_s, QJsonArray::fromStringList(sample.holds));
    return fields;
}
