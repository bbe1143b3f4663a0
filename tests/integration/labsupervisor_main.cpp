// proclab-test-supervisor: a small supervisor for the control tests that must end a supervisor from outside
// (SIGKILL, a normal quit) or run it under another user and a lowered RLIMIT_NPROC. It uses LabController exactly
// as proclab does, and talks to the test through stdout (one line per fact) and stdin ("quit").
//
//   --workers N --threads M [--deadlock]   start N host workers with M sleeper threads each (with --deadlock:
//                                          two lock-takers per worker taking its two locks in opposite orders);
//                                          prints "ready PID…" once every thread has started, "deadlocked" once
//                                          every pair is stuck; on "quit" or end of stdin it destroys the
//                                          controller, prints "stopped" and exits 0.
//   --nproc-room N --attempts K            (as root: first becomes nobody) lowers RLIMIT_NPROC to the tasks its
//                                          user has now plus N, tries K spawns, prints "spawned PID" or
//                                          "error ERRNO_NAME", tries one thread ("thread-error ERRNO_NAME"),
//                                          then ends one worker and prints "respawned PID" if a new spawn
//                                          works again; then exits.
#include "control/LabController.h"
#include "ipc/TelemetryBlock.h"

#include <QCoreApplication>
#include <QDir>
#include <QSocketNotifier>
#include <QTimer>

#include <cstdio>
#include <grp.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {

void say(const QByteArray &line)
{
    std::fputs(line.constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

// Tasks (threads) of `uid` now: what RLIMIT_NPROC counts.
int tasksOf(uid_t uid)
{
    int tasks = 0;
    for (const QString &pid : QDir(u"/proc"_s).entryList(QDir::Dirs)) {
        QFile status(u"/proc/"_s + pid + u"/status"_s);
        if (!pid.front().isDigit() || !status.open(QIODevice::ReadOnly))
            continue;
        uid_t owner = uid_t(-1);
        int threads = 0;
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("Uid:"))
                owner = line.mid(4).simplified().split(' ').value(0).toUInt();
            else if (line.startsWith("Threads:"))
                threads = line.mid(8).trimmed().toInt();
        }
        if (owner == uid)
            tasks += threads;
    }
    return tasks;
}

int runNprocTrial(int room, int attempts)
{
    if (::geteuid() == 0) {
        // RLIMIT_NPROC is not enforced for root (nor with CAP_SYS_RESOURCE): become nobody first.
        const uid_t nobody = 65534;
        if (::setgroups(0, nullptr) != 0 || ::setresgid(nobody, nobody, nobody) != 0
            || ::setresuid(nobody, nobody, nobody) != 0) {
            say("setup-failed");
            return 1;
        }
    }
    rlimit limit{};
    limit.rlim_cur = limit.rlim_max = rlim_t(tasksOf(::getuid()) + room);
    if (::setrlimit(RLIMIT_NPROC, &limit) != 0) {
        say("setup-failed");
        return 1;
    }
    LabController controller;
    QList<pid_t> workers;
    QByteArray lastError;
    QObject::connect(&controller, &LabController::event, [&](const SessionEvent &e) {
        if (e.kind == u"error"_s)
            lastError = e.fields.value(u"errno_name"_s).toString().toLatin1();
    });
    for (int i = 0; i < attempts; ++i) {
        if (const std::optional<pid_t> pid = controller.spawnWorker(WorkerLaunch()))
            workers.append(*pid), say("spawned " + QByteArray::number(*pid));
        else
            say("error " + lastError);
    }
    say("processes " + QByteArray::number(controller.processCount()));
    if (!workers.isEmpty()) {
        // Threads count against RLIMIT_NPROC too: the worker's pthread_create gets EAGAIN and says so.
        ThreadSpec thread;
        thread.role = u"sleeper"_s;
        lastError.clear();
        controller.addThread(workers.first(), thread);
        QTimer deadline;
        deadline.start(3000);
        while (lastError.isEmpty() && controller.threadCount() > 0 && deadline.isActive())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        say(lastError.isEmpty() ? QByteArray("thread started") : "thread-error " + lastError);
    }
    if (!workers.isEmpty()) {
        const pid_t victim = workers.first();
        bool reaped = false;
        QObject::connect(&controller, &LabController::event, [&](const SessionEvent &e) {
            if (e.kind == u"process.reap"_s && e.fields.value(u"pid"_s).toInt() == victim)
                reaped = true;
        });
        controller.sendSignal(victim, SIGKILL);
        QTimer deadline;
        deadline.start(3000);
        while (!reaped && deadline.isActive())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        if (const std::optional<pid_t> pid = controller.spawnWorker(WorkerLaunch()))
            say("respawned " + QByteArray::number(*pid));
        else
            say("error " + lastError);
    }
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const auto option = [&](const QString &name, int fallback) {
        const qsizetype at = args.indexOf(name);
        return at >= 0 && at + 1 < args.size() ? args.at(at + 1).toInt() : fallback;
    };
    // A test may hand a copy of the worker that another user can run (--nproc-room becomes nobody).
    if (qEnvironmentVariableIsEmpty("PROCLAB_WORKER"))
        qputenv("PROCLAB_WORKER", QByteArrayLiteral(PROCLAB_BIN_DIR "/proclab-worker"));
    if (args.contains(u"--nproc-room"_s))
        return runNprocTrial(option(u"--nproc-room"_s, 2), option(u"--attempts"_s, 4));

    const int workers = option(u"--workers"_s, 1);
    const int threads = option(u"--threads"_s, 1);
    const bool deadlock = args.contains(u"--deadlock"_s);
    TelemetryBlockSpec spec;
    spec.slotCount = workers * threads + 8;
    for (int i = 0; deadlock && i < 2 * workers; ++i)
        spec.lockNames.append(u"L"_s + QString::number(i));
    TelemetryBlock block = TelemetryBlock::create(spec);
    if (!block.isValid()) {
        say("setup-failed");
        return 1;
    }
    auto *controller = new LabController;
    controller->setTelemetryBlock(&block);
    QList<pid_t> pids;
    int started = 0;
    const int expected = deadlock ? 2 * workers : workers * threads;
    QObject::connect(controller, &LabController::event, [&](const SessionEvent &e) {
        if (e.kind == u"thread.start"_s && ++started == expected) {
            QByteArray line = "ready";
            for (pid_t pid : pids)
                line += ' ' + QByteArray::number(pid);
            say(line);
        } else if (e.kind == u"error"_s) {
            say("error " + e.fields.value(u"message"_s).toString().toUtf8());
        }
    });
    for (int i = 0; i < workers; ++i) {
        const std::optional<pid_t> pid = controller->spawnWorker(WorkerLaunch());
        if (!pid)
            return 1;
        pids.append(*pid);
        for (int t = 0; t < (deadlock ? 2 : threads); ++t) {
            ThreadSpec thread;
            thread.role = deadlock ? u"lock-taker"_s : u"sleeper"_s;
            if (deadlock) {
                thread.locks = t == 0 ? QList<int>{2 * i, 2 * i + 1} : QList<int>{2 * i + 1, 2 * i};
                thread.stepMs = 150;
                thread.holdMs = -1;
            }
            controller->addThread(*pid, thread);
        }
    }
    QTimer deadlockWatch;
    QObject::connect(&deadlockWatch, &QTimer::timeout, [&] {
        const TelemetrySnapshot snapshot = block.snapshot();
        for (const LockSample &lock : snapshot.locks) {
            if (lock.ownerTid == 0 || lock.waiterCount == 0)
                return;
        }
        deadlockWatch.stop();
        say("deadlocked");
    });
    if (deadlock)
        deadlockWatch.start(50);

    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&input, &QSocketNotifier::activated, [&] {
        char buffer[256];
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n <= 0 || QByteArray(buffer, int(n)).contains("quit")) {
            input.setEnabled(false);
            app.quit();
        }
    });
    const int status = app.exec();
    delete controller; // ends every lab process: SIGTERM, SIGKILL after the grace period, all reaped
    say("stopped");
    return status;
}
