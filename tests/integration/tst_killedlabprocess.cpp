// A lab process SIGKILLed while its thread waits on the experiment's queue, through a real ExperimentRun (the
// wiring the window and `proclab run` use, not a LabController set up by hand): once it has ended, its telemetry
// slot is released and the queue no longer counts it among the blocked getters. Without this the window would show
// a dead consumer still "waiting for an item" for the rest of the run.
#include "ChildrenLeft.h"

#include "control/SupervisorSetup.h"
#include "experiments/ExperimentCatalogue.h"
#include "experiments/ExperimentRun.h"

#include <QTest>

#include <csignal>

using namespace Qt::Literals::StringLiterals;

class tst_KilledLabProcess : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void killedWaiterLeavesTheTelemetry();
    void cleanup();
};

void tst_KilledLabProcess::initTestCase()
{
    qputenv("PROCLAB_WORKER", PROCLAB_BIN_DIR "/proclab-worker");
    QVERIFY(QFile::exists(QStringLiteral(PROCLAB_BIN_DIR "/proclab-worker")));
    SupervisorSetup::prepare();
}

void tst_KilledLabProcess::cleanup()
{
    QTRY_VERIFY_WITH_TIMEOUT(childrenLeft().isEmpty(), 5000);
}

namespace {
QList<ThreadTelemetrySample> waitingGetters(const TelemetrySnapshot &telemetry)
{
    QList<ThreadTelemetrySample> found;
    for (const ThreadTelemetrySample &thread : telemetry.threads) {
        if (!thread.exited && thread.state == ThreadState::WaitQueueEmpty)
            found << thread;
    }
    return found;
}
} // namespace

void tst_KilledLabProcess::killedWaiterLeavesTheTelemetry()
{
    std::unique_ptr<Experiment> experiment = ExperimentCatalogue::create(u"pc-processes"_s);
    QVERIFY(experiment);
    ParameterValues values = experiment->defaults();
    // One slow producer, three consumers: the consumers spend the run waiting for an item.
    QString error;
    QVERIFY2(values.set(u"producers"_s, u"1"_s, &error), qPrintable(error));
    QVERIFY2(values.set(u"consumers"_s, u"3"_s, &error), qPrintable(error));
    QVERIFY2(values.set(u"produce_ms"_s, u"10000"_s, &error), qPrintable(error));
    ExperimentRun::Options options;
    options.intervalMs = 100;
    options.record = false;
    ExperimentRun run(std::move(experiment), values, options);
    QVERIFY2(run.start(), qPrintable(run.errorString()));

    QTRY_VERIFY_WITH_TIMEOUT(waitingGetters(run.lastTelemetry()).size() >= 2, 30000);
    const pid_t victim = waitingGetters(run.lastTelemetry()).first().pid;
    QVERIFY(victim > 0);
    QCOMPARE(::kill(victim, SIGKILL), 0);

    // Within a few ticks of its exit: no live slot of the victim, and the queue's blocked count is exactly the
    // getters still waiting (a slow producer may hand one of them an item meanwhile; the two stay equal).
    const auto released = [&] {
        const TelemetrySnapshot &telemetry = run.lastTelemetry();
        for (const ThreadTelemetrySample &thread : telemetry.threads) {
            if (thread.pid == victim && !thread.exited)
                return false;
        }
        return !telemetry.queues.isEmpty() && telemetry.queues.first().blockedGetters == waitingGetters(telemetry).size();
    };
    QTRY_VERIFY_WITH_TIMEOUT(released(), 10000);
    run.stop();
}

QTEST_GUILESS_MAIN(tst_KilledLabProcess)
#include "tst_killedlabprocess.moc"
