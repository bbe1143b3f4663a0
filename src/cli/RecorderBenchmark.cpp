#include "RecorderBenchmark.h"

#include "CliOutput.h"
#include "base/EventKind.h"
#include "base/SessionEvent.h"
#include "session/SessionHeader.h"
#include "session/SessionJsonWriter.h"
#include "session/SessionReader.h"
#include "session/SessionRecorder.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <algorithm>
#include <chrono>
#include <ctime>
#include <thread>

using namespace Qt::Literals::StringLiterals;

namespace {
using Clock = std::chrono::steady_clock;

double cpuSeconds(clockid_t clock)
{
    timespec ts{};
    clock_gettime(clock, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

// A typical line: a thread's sample, the kind that dominates a long session.
SessionEvent sampleEvent(double t, qint64 sequence)
{
    return SessionEvent{t, EventKind::TaskSample,
                        QJsonObject{{u"pid"_s, 4242},
                                    {u"tid"_s, 4242 + (sequence % 500)},
                                    {u"state"_s, u"blocked"_s},
                                    {u"running"_s, 0.0123},
                                    {u"ready"_s, 0.0021},
                                    {u"blocked"_s, 0.9856},
                                    {u"cpu"_s, 1.2},
                                    {u"core"_s, int(sequence % 2)},
                                    {u"reason"_s, u"queue empty"_s},
                                    {u"seq"_s, sequence}}};
}

struct Paced
{
    qint64 events = 0;
    double recordNs = 0; // producer: per record() call
    double buildNs = 0;  // producer: per event built (the caller's own cost, for scale)
    double recorderCpuNs = 0;
    quint64 written = 0;
    quint64 dropped = 0;
    bool inOrder = false;
    double megabytes = 0;
};

Paced pacedRun(const QString &path, double seconds, int rate)
{
    Paced result;
    SessionRecorder recorder;
    const SessionHeader header = SessionHeader::forThisMachine(u"bench-recorder"_s, {}, 0);
    if (!recorder.startAtPath(header, path))
        return result;
    const double cpuBefore = cpuSeconds(CLOCK_PROCESS_CPUTIME_ID);
    const double mineBefore = cpuSeconds(CLOCK_THREAD_CPUTIME_ID);
    const int perBatch = std::max(1, rate / 1000);
    const auto start = Clock::now();
    const qint64 total = qint64(seconds * rate);
    std::vector<SessionEvent> batch;
    batch.reserve(std::size_t(perBatch));
    std::chrono::nanoseconds building{0};
    std::chrono::nanoseconds recording{0};
    qint64 sequence = 0;
    while (sequence < total) {
        const auto due = start + std::chrono::microseconds(sequence * 1000000 / rate);
        std::this_thread::sleep_until(due);
        const auto t0 = Clock::now();
        for (int i = 0; i < perBatch && sequence + i < total; ++i)
            batch.push_back(sampleEvent(double(sequence + i) / rate, sequence + i));
        const auto t1 = Clock::now();
        for (SessionEvent &event : batch)
            recorder.record(std::move(event));
        const auto t2 = Clock::now();
        sequence += qint64(batch.size());
        batch.clear();
        building += t1 - t0;
        recording += t2 - t1;
    }
    const double mine = cpuSeconds(CLOCK_THREAD_CPUTIME_ID) - mineBefore;
    recorder.stop();
    // The producer thread's own CPU apart, what the process spent is the recorder thread's.
    const double all = cpuSeconds(CLOCK_PROCESS_CPUTIME_ID) - cpuBefore;
    result.events = sequence;
    result.recordNs = double(recording.count()) / double(std::max<qint64>(sequence, 1));
    result.buildNs = double(building.count()) / double(std::max<qint64>(sequence, 1));
    result.recorderCpuNs = std::max(0.0, all - mine) * 1e9 / double(std::max<qint64>(sequence, 1));
    result.written = recorder.eventsWritten();
    result.dropped = recorder.eventsDropped();
    result.megabytes = double(recorder.bytesWritten()) / 1e6;

    SessionReader reader;
    qint64 expected = 0;
    result.inOrder = reader.open(path);
    SessionEvent event;
    while (result.inOrder && reader.next(&event))
        result.inOrder = event.fields.value(u"seq"_s).toInteger(-1) == expected++;
    result.inOrder = result.inOrder && !reader.hasError() && expected == sequence;
    return result;
}

double flatOutRun(const QString &path, qint64 events, quint64 *written)
{
    // The events are made before the clock starts: this measures the recorder, not the producer's QJsonObjects.
    std::vector<SessionEvent> prepared;
    prepared.reserve(std::size_t(events));
    for (qint64 i = 0; i < events; ++i)
        prepared.push_back(sampleEvent(double(i) * 1e-6, i));
    SessionRecorder recorder;
    recorder.setQueueCapacity(std::size_t(events));
    if (!recorder.startAtPath(SessionHeader::forThisMachine(u"bench-recorder"_s, {}, 0), path))
        return 0;
    const auto start = Clock::now();
    for (SessionEvent &event : prepared)
        recorder.record(std::move(event));
    recorder.stop();
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    *written = recorder.eventsWritten();
    return double(*written) / elapsed;
}

// Median of a few rounds of formatting `n` events, in ns per event.
template<typename Format> double formatCost(Format format, int n)
{
    const SessionEvent event = sampleEvent(12.345678, 77);
    std::vector<double> rounds;
    for (int round = 0; round < 5; ++round) {
        qsizetype bytes = 0;
        const auto start = Clock::now();
        for (int i = 0; i < n; ++i)
            bytes += format(event).size();
        const double ns = double(std::chrono::nanoseconds(Clock::now() - start).count());
        rounds.push_back(bytes > 0 ? ns / n : 0);
    }
    std::sort(rounds.begin(), rounds.end());
    return rounds[rounds.size() / 2];
}
} // namespace

int RecorderBenchmark::run(const Options &options)
{
    QTemporaryDir dir;
    if (!dir.isValid()) {
        CliOutput::err(tr("proclab bench recorder: cannot make a temporary folder"));
        return 1;
    }
    const Paced paced = pacedRun(dir.filePath(u"paced.jsonl"_s), options.seconds, options.rate);
    quint64 flatWritten = 0;
    const qint64 flatEvents = 200000;
    const double sustained = flatOutRun(dir.filePath(u"flat.jsonl"_s), flatEvents, &flatWritten);
    const double writerNs = formatCost([](const SessionEvent &e) { return SessionJsonWriter::eventLine(e); }, 100000);
    const double qjsonNs = formatCost([](const SessionEvent &e) { return e.toJsonLine(); }, 100000);

    if (options.json) {
        QByteArray line = "{\"bench\":\"recorder\"";
        auto add = [&line](const char *key, double value) {
            line += ",\"";
            line += key;
            line += "\":";
            SessionJsonWriter::appendNumber(line, std::round(value * 10) / 10);
        };
        add("seconds", options.seconds);
        add("rate", options.rate);
        add("events", double(paced.events));
        add("written", double(paced.written));
        add("dropped", double(paced.dropped));
        line += ",\"in_order\":";
        line += paced.inOrder ? "true" : "false";
        add("record_ns_per_event", paced.recordNs);
        add("build_ns_per_event", paced.buildNs);
        add("recorder_cpu_ns_per_event", paced.recorderCpuNs);
        add("file_mb", paced.megabytes);
        add("flat_out_events_per_s", sustained);
        add("flat_out_written", double(flatWritten));
        add("format_ns_per_event", writerNs);
        add("qjsondocument_ns_per_event", qjsonNs);
        line += "}\n";
        CliOutput::outRaw(line);
    } else {
        CliOutput::out(tr("Paced: %1 events at %2/s for %3 s: %4 written, %5 dropped, %6 in order, %7 MB")
                           .arg(paced.events)
                           .arg(options.rate)
                           .arg(options.seconds)
                           .arg(paced.written)
                           .arg(paced.dropped)
                           .arg(paced.inOrder ? tr("all") : tr("NOT"))
                           .arg(paced.megabytes, 0, 'f', 1));
        CliOutput::out(tr("  producer: %1 ns per record() call (building the event itself: %2 ns)")
                           .arg(paced.recordNs, 0, 'f', 0)
                           .arg(paced.buildNs, 0, 'f', 0));
        CliOutput::out(tr("  recorder thread: %1 ns of CPU per event").arg(paced.recorderCpuNs, 0, 'f', 0));
        CliOutput::out(tr("Flat out: %1 events per second sustained to disk (%2 of %3 written)")
                           .arg(sustained, 0, 'f', 0)
                           .arg(flatWritten)
                           .arg(flatEvents));
        CliOutput::out(tr("Formatting one event: %1 ns (SessionJsonWriter) against %2 ns (QJsonDocument), %3× faster")
                           .arg(writerNs, 0, 'f', 0)
                           .arg(qjsonNs, 0, 'f', 0)
                           .arg(qjsonNs / std::max(writerNs, 1.0), 0, 'f', 1));
    }
    return paced.dropped == 0 && paced.inOrder ? 0 : 1;
}
