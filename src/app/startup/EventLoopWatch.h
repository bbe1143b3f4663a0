#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>

#include <array>
#include <memory>

// Measures how long the GUI thread's event loop is kept from running: a precise 10 ms timer notes how late each of
// its timeouts comes (the gap since the last one, less the interval). A late timeout is what a user feels as a
// frozen window — a click or a repaint waits just as long. Kept in a fixed histogram (0.1 ms steps up to 2 s), so
// an hour costs no more memory than a minute.
//
// Switched on with PROCLAB_STALL_REPORT=FILE (an engineer's tool, not a setting): at exit one JSON line goes to
// FILE — max, p50, p99 of the lateness, the number of stalls over 100 ms and when the worst of them happened.
class EventLoopWatch : public QObject
{
    Q_OBJECT
public:
    static constexpr int IntervalMs = 10;
    static constexpr double StallMs = 100.0;

    // `reportPath` empty: measures, but writeReport() writes nothing.
    explicit EventLoopWatch(const QString &reportPath = {}, QObject *parent = nullptr);
    ~EventLoopWatch() override;

    // A watch when PROCLAB_STALL_REPORT names a file that can be written, else nullptr (with one line on stderr
    // when the variable is set but the file cannot be made). Started.
    static std::unique_ptr<EventLoopWatch> fromEnvironment();

    // Starts (again) from nothing. The first timeout only sets the clock: the time before the event loop first runs
    // (building the window) is reported apart, as firstTickMs().
    void start();
    void stop();

    qint64 ticks() const { return m_ticks; }
    double maxLateMs() const { return m_maxLateMs; }
    // The lateness below which `fraction` (0…1) of the timeouts came; 0.1 ms resolution, 2000 ms at most.
    double percentileMs(double fraction) const;
    // Timeouts later than `ms` (counted by 0.1 ms buckets: a lateness within the bucket of `ms` is not counted).
    int stallsOver(double ms) const;
    // Time from start() to the first timeout: how long the window took before its event loop ran.
    double firstTickMs() const { return m_firstTickMs; }
    // The report as one compact JSON object (no newline).
    QByteArray reportLine() const;
    // Writes reportLine() and a newline to the report file; false (and errorString()) when it cannot.
    bool writeReport();
    QString errorString() const { return m_error; }

private:
    void onTimeout();

    static constexpr int BucketsPerMs = 10;
    static constexpr int Buckets = 2000 * BucketsPerMs + 1; // the last one: 2 s and more
    static constexpr int MaxStallsListed = 50;

    struct Stall
    {
        double atS = 0; // seconds since start()
        double lateMs = 0;
    };

    QString m_reportPath;
    QString m_error;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = -1;
    qint64 m_ticks = 0;
    double m_maxLateMs = 0;
    double m_maxLateAtS = 0;
    double m_firstTickMs = 0;
    int m_stalls = 0;
    QList<Stall> m_stallList;
    std::unique_ptr<std::array<quint32, Buckets>> m_histogram;
};
