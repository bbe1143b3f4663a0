#include "EventLoopWatch.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace Qt::Literals::StringLiterals;

EventLoopWatch::EventLoopWatch(const QString &reportPath, QObject *parent)
    : QObject(parent)
    , m_reportPath(reportPath)
    , m_histogram(std::make_unique<std::array<quint32, Buckets>>())
{
    // PreciseTimer: a coarse timer may be moved by up to 5 % of its interval on purpose, which would read as
    // lateness that the event loop did not cause.
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(IntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &EventLoopWatch::onTimeout);
}

EventLoopWatch::~EventLoopWatch() = default;

std::unique_ptr<EventLoopWatch> EventLoopWatch::fromEnvironment()
{
    const QString path = qEnvironmentVariable("PROCLAB_STALL_REPORT");
    if (path.isEmpty())
        return nullptr;
    // Made now rather than at exit, so a path that cannot be written is said at once, not after the session.
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        const QString line = tr("PROCLAB_STALL_REPORT: cannot write %1 (%2); the event loop is not measured")
                                 .arg(path, file.errorString());
        std::fputs((line + u'\n').toLocal8Bit().constData(), stderr);
        return nullptr;
    }
    auto watch = std::make_unique<EventLoopWatch>(path);
    watch->start();
    return watch;
}

void EventLoopWatch::start()
{
    m_histogram->fill(0);
    m_ticks = 0;
    m_maxLateMs = 0;
    m_maxLateAtS = 0;
    m_firstTickMs = 0;
    m_stalls = 0;
    m_stallList.clear();
    m_lastNs = -1;
    m_clock.start();
    m_timer.start();
}

void EventLoopWatch::stop()
{
    m_timer.stop();
}

void EventLoopWatch::onTimeout()
{
    const qint64 now = m_clock.nsecsElapsed();
    if (m_lastNs < 0) {
        m_firstTickMs = double(now) / 1e6;
        m_lastNs = now;
        return;
    }
    const double lateMs = std::max(0.0, double(now - m_lastNs) / 1e6 - IntervalMs);
    m_lastNs = now;
    ++m_ticks;
    const auto bucket = std::min<qint64>(Buckets - 1, qint64(std::floor(lateMs * BucketsPerMs)));
    ++(*m_histogram)[size_t(bucket)];
    const double atS = double(now) / 1e9;
    if (lateMs > m_maxLateMs) {
        m_maxLateMs = lateMs;
        m_maxLateAtS = atS;
    }
    if (lateMs > StallMs) {
        ++m_stalls;
        if (m_stallList.size() < MaxStallsListed)
            m_stallList.append({atS, lateMs});
    }
}

double EventLoopWatch::percentileMs(double fraction) const
{
    if (m_ticks == 0)
        return 0;
    const auto wanted = qint64(std::ceil(std::clamp(fraction, 0.0, 1.0) * double(m_ticks)));
    qint64 seen = 0;
    for (int i = 0; i < Buckets; ++i) {
        seen += (*m_histogram)[size_t(i)];
        if (seen >= wanted && seen > 0)
            return std::min(m_maxLateMs, double(i + 1) / BucketsPerMs); // the bucket's upper edge
    }
    return m_maxLateMs;
}

int EventLoopWatch::stallsOver(double ms) const
{
    qint64 over = 0;
    for (int i = std::max(0, int(std::floor(ms * BucketsPerMs)) + 1); i < Buckets; ++i)
        over += (*m_histogram)[size_t(i)];
    return int(over);
}

QByteArray EventLoopWatch::reportLine() const
{
    const auto round1 = [](double v) { return std::round(v * 10) / 10; };
    QJsonArray stalls;
    for (const Stall &stall : m_stallList)
        stalls.append(QJsonObject{{u"at_s"_s, round1(stall.atS)}, {u"late_ms"_s, round1(stall.lateMs)}});
    const QJsonObject report{
        {u"probe"_s, u"event-loop"_s},
        {u"timer_ms"_s, IntervalMs},
        {u"seconds"_s, round1(double(m_lastNs < 0 ? 0 : m_lastNs) / 1e9)},
        {u"first_tick_ms"_s, round1(m_firstTickMs)},
        {u"ticks"_s, m_ticks},
        {u"late_max_ms"_s, round1(m_maxLateMs)},
        {u"late_max_at_s"_s, round1(m_maxLateAtS)},
        {u"late_p50_ms"_s, round1(percentileMs(0.50))},
        {u"late_p99_ms"_s, round1(percentileMs(0.99))},
        {u"over_100ms"_s, m_stalls},
        {u"stalls"_s, stalls},
    };
    return QJsonDocument(report).toJson(QJsonDocument::Compact);
}

bool EventLoopWatch::writeReport()
{
    if (m_reportPath.isEmpty())
        return false;
    QFile file(m_reportPath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(reportLine() + '\n') < 0) {
        m_error = file.errorString();
        return false;
    }
    return true;
}
