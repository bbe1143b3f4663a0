// Fuzz entry point for the session reader and what reads its output: any bytes, as a session file, must be
// either refused with a line number or read, and whatever is read must replay and export to JSONL, CSV and HTML —
// no crash, no hang, no sanitizer report. Built with libFuzzer by tests/fuzz/run-libfuzzer.sh, and linked into
// FuzzCorpusReplay.cpp by the normal build to replay tests/fuzz/corpus in ctest.
#include "session/CsvExporter.h"
#include "session/HtmlReportExporter.h"
#include "session/JsonlExporter.h"
#include "session/SessionReader.h"
#include "session/SessionReplay.h"

#include <QBuffer>
#include <cstdint>
#include <cstdlib>

namespace {
// Reads the bytes as a session; returns the normalised JSONL copy (empty when refused).
QByteArray normalised(const QByteArray &bytes)
{
    QByteArray input = bytes;
    QBuffer in(&input);
    in.open(QIODevice::ReadOnly);
    SessionReader reader;
    if (!reader.open(&in))
        return {};
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    if (!JsonlExporter().write(reader, &buffer)) {
        // Refusals always name a line.
        if (!reader.hasError() || reader.errorLine() < 1)
            std::abort();
        return {};
    }
    return out;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // Lines over 1 MiB are refused anyway; keep the fuzzer's inputs to what it can explore quickly.
    if (size > 4 * 1024 * 1024)
        return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QByteArray copy = normalised(bytes);
    if (copy.isEmpty())
        return 0;
    // The normal form is a fixed point: reading the copy gives the same copy again.
    if (normalised(copy) != copy)
        std::abort();

    QByteArray input = bytes;
    {
        // The replay of the same input: seeking anywhere, in any order, must agree with applying every event.
        QBuffer in(&input);
        in.open(QIODevice::ReadOnly);
        SessionReplay replay;
        if (!replay.load(&in))
            std::abort();
        SessionMoment all;
        for (const SessionEvent &event : replay.events())
            all.apply(event);
        if (!(replay.momentAt(replay.duration()) == all))
            std::abort();
        replay.momentAt(replay.duration() / 2);
        replay.momentAt(-1);
    }
    {
        QBuffer in(&input);
        in.open(QIODevice::ReadOnly);
        SessionReader reader;
        if (!reader.open(&in))
            std::abort(); // it was read a moment ago
        QByteArray html;
        QBuffer out(&html);
        out.open(QIODevice::WriteOnly);
        if (!HtmlReportExporter().write(reader, &out))
            std::abort();
    }
    {
        QBuffer in(&input);
        in.open(QIODevice::ReadOnly);
        SessionReader reader;
        if (!reader.open(&in))
            std::abort();
        QByteArray events, tasks, cpus, queues;
        QBuffer e(&events), t(&tasks), c(&cpus), q(&queues);
        e.open(QIODevice::WriteOnly);
        t.open(QIODevice::WriteOnly);
        c.open(QIODevice::WriteOnly);
        q.open(QIODevice::WriteOnly);
        if (!CsvExporter().write(reader, &e, &t, &c, &q))
            std::abort();
    }
    return 0;
}
