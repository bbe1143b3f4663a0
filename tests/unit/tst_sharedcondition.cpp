// SharedCondition: the futex-word condition under SharedQueue. A notification wakes a sleeper, a stale ticket never
// sleeps, and a sleep ends at its absolute CLOCK_MONOTONIC time. Threads only (LABELS tsan).
#include "ipc/MonotonicDeadline.h"
#include "ipc/SharedCondition.h"

#include <QElapsedTimer>
#include <QTest>

#include <atomic>
#include <thread>

using namespace std::chrono_literals;

namespace {
timespec inMs(int ms)
{
    const std::int64_t at = MonotonicDeadline::nowNs() + std::int64_t(ms) * 1'000'000;
    return timespec{time_t(at / 1'000'000'000), long(at % 1'000'000'000)};
}
} // namespace

class tst_SharedCondition : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void staleTicketDoesNotSleep();
    void sleepEndsAtDeadline();
    void notifyWakesSleepers_data();
    void notifyWakesSleepers();
    void sleepersAreCountedOnlyWhileAsleep();
};

void tst_SharedCondition::staleTicketDoesNotSleep()
{
    SharedCondition::Word word{};
    const std::uint32_t ticket = SharedCondition::ticket(word);
    SharedCondition::notifyOne(word); // between the ticket and the sleep: must not be lost
    QElapsedTimer clock;
    clock.start();
    SharedCondition::sleep(word, ticket, inMs(5000));
    QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
}

void tst_SharedCondition::sleepEndsAtDeadline()
{
    SharedCondition::Word word{};
    QElapsedTimer clock;
    clock.start();
    SharedCondition::sleep(word, SharedCondition::ticket(word), inMs(60));
    QVERIFY(clock.elapsed() >= 59);
    QVERIFY(clock.elapsed() < 1500);
}

void tst_SharedCondition::notifyWakesSleepers_data()
{
    QTest::addColumn<int>("sleepers");
    QTest::addColumn<bool>("all");
    QTest::newRow("one, notifyOne") << 1 << false;
    QTest::newRow("three, notifyAll") << 3 << true;
}

void tst_SharedCondition::notifyWakesSleepers()
{
    QFETCH(int, sleepers);
    QFETCH(bool, all);
    SharedCondition::Word word{};
    std::atomic<int> ready{0};
    std::atomic<int> woken{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < sleepers; ++i) {
        threads.emplace_back([&] {
            const std::uint32_t ticket = SharedCondition::ticket(word);
            ++ready;
            // Ten seconds: only a notification ends this within the test's bounds.
            SharedCondition::sleep(word, ticket, inMs(10000));
            ++woken;
        });
    }
    QTRY_COMPARE(ready.load(), sleepers);
    QElapsedTimer clock;
    clock.start();
    if (all)
        SharedCondition::notifyAll(word);
    else
        SharedCondition::notifyOne(word);
    QTRY_COMPARE(woken.load(), sleepers);
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    for (auto &thread : threads)
        thread.join();
}

void tst_SharedCondition::sleepersAreCountedOnlyWhileAsleep()
{
    SharedCondition::Word word{};
    // A sleep that times out takes itself off the count.
    SharedCondition::sleep(word, SharedCondition::ticket(word), inMs(20));
    QCOMPARE(word.sleepers.load(), 0u);
    // A notification with nobody asleep still changes the word (a ticket taken before it is stale).
    const std::uint32_t before = SharedCondition::ticket(word);
    SharedCondition::notifyOne(word);
    QCOMPARE(word.sequence.load(), before + 1);
    QCOMPARE(word.sleepers.load(), 0u);
    // Two sleepers in the kernel: the count says so until a notification takes them off it.
    std::atomic<int> woken{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 2; ++i)
        threads.emplace_back([&] {
            SharedCondition::sleep(word, SharedCondition::ticket(word), inMs(10000));
            ++woken;
        });
    QTRY_COMPARE(word.sleepers.load(), 2u);
    QTest::qWait(50); // announced, and by now inside the futex wait
    SharedCondition::notifyAll(word);
    QTRY_COMPARE(woken.load(), 2);
    for (auto &thread : threads)
        thread.join();
    QCOMPARE(word.sleepers.load(), 0u);
}

QTEST_APPLESS_MAIN(tst_SharedCondition)
#include "tst_sharedcondition.moc"
