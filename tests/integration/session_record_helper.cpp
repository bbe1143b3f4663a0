// session_record_helper PATH: records a session into PATH until it is killed — the stand-in for a supervisor
// that gets SIGKILLed mid-run (tst_sessioncrash). Two threads record 1000 events a second each: a "sampler"
// (task.sample lines) and a "controller" (output lines). "recording" on stdout once the header is on disk.
#include "base/SessionClock.h"
#include "session/SessionRecorder.h"

#include <QCoreApplication>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

using namespace Qt::Literals::StringLiterals;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: session_record_helper PATH\n");
        return 2;
    }
    SessionClock clock;
    SessionRecorder recorder;
    const SessionHeader header =
        SessionHeader::forThisMachine(u"crash-test"_s, QJsonObject{{u"rate"_s, 2000}}, clock.startUnix());
    if (!recorder.startAtPath(header, QFile::decodeName(argv[1]))) {
        std::fprintf(stderr, "%s\n", qPrintable(recorder.errorString()));
        return 1;
    }
    recorder.record(clock.now(), u"experiment.start"_s, QJsonObject{{u"experiment"_s, u"crash-test"_s}});
    std::printf("recording\n");
    std::fflush(stdout);
    std::thread controller([&] {
        for (qint64 i = 0;; ++i) {
            recorder.record(clock.now(), u"output"_s,
                            QJsonObject{{u"pid"_s, qint64(getpid())}, {u"seq"_s, i}, {u"line"_s, u"still alive"_s}});
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
    });
    for (qint64 i = 0;; ++i) {
        recorder.record(clock.now(), u"task.sample"_s,
                        QJsonObject{{u"pid"_s, qint64(getpid())},
                                    {u"tid"_s, qint64(getpid())},
                                    {u"state"_s, u"running"_s},
                                    {u"running"_s, 1.0},
                                    {u"seq"_s, i}});
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}
