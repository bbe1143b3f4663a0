#pragma once

#include "base/SessionEvent.h"

#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

// What the HTML report shows, gathered in one pass over a session's events, in bounded memory: long series are
// thinned (every other point dropped, and later ones taken at half the rate) so an hour-long session makes a
// report of the same size as a minute's; the state timeline keeps only changes of state.
class SessionReportData
{
public:
    static constexpr qsizetype MaxSeriesPoints = 1500;
    static constexpr qsizetype MaxLanes = 40;
    static constexpr qsizetype MaxTableRows = 1500;
    static constexpr qsizetype MaxPoolTasks = 1000;
    static constexpr qsizetype MaxFigures = 64;
    static constexpr qsizetype MaxCycleMembers = 64;
    static constexpr qsizetype MaxGilSamples = 20000;

    struct CpuPoint
    {
        double t = 0;
        QList<double> busy; // per core, 0..1
    };
    struct QueuePoint
    {
        double t = 0;
        double depth = 0;
        double capacity = 0;
    };
    struct StateSpan
    {
        double from = 0;
        double to = 0;
        QString state;
    };
    struct Lane
    {
        qint64 pid = 0;
        qint64 tid = 0;
        QString label;
        QList<StateSpan> spans;
        bool open = false; // the last span is still running
    };
    struct Series
    {
        QList<QueuePoint> points;
        qsizetype seen = 0;
        qsizetype stride = 1;
    };

    // One pool task (a pool.task event), in session time.
    struct PoolTask
    {
        QString mode;
        int task = 0;
        qint64 pid = 0;
        double start = 0;
        double end = 0;
        bool operator==(const PoolTask &) const = default;
    };
    // The last value of one of the experiment's `measure` figures.
    struct Figure
    {
        QString name;
        double value = 0;
        QJsonObject extra;
        double t = 0;
    };

    // One task.sample's `gil`: the share of the time since its thread's previous sample it held CPython's GIL.
    struct GilSample
    {
        double t = 0;
        qint64 pid = 0;
        qint64 tid = 0;
        double share = 0;
    };

    void add(const SessionEvent &event);
    // A pool.task event's fields as a task, or nothing when they are not a valid one (a recording is hostile
    // input). The one parser, for the report and for the window's Gantt chart (SessionMoment::poolTasks).
    static std::optional<PoolTask> poolTaskOf(const QJsonObject &fields);
    // Closes the lanes still open at the session's last time. Call once, after the last add().
    void finish();

    double duration() const { return m_duration; }
    const QList<CpuPoint> &cpuPoints() const { return m_cpu; }
    int coreCount() const { return m_cores; }
    const QMap<QString, Series> &queues() const { return m_queues; }
    const QList<Lane> &lanes() const { return m_lanes; }
    qsizetype omittedLanes() const { return m_omittedLanes; }
    const QList<SessionEvent> &tableEvents() const { return m_table; }
    qsizetype omittedTableRows() const { return m_omittedRows; }
    bool hasPhenomenon() const { return m_hasPhenomenon; }
    const QJsonObject &phenomenon() const { return m_phenomenon; }
    const QMap<QString, qsizetype> &kindCounts() const { return m_kindCounts; }
    qsizetype processCount() const { return m_pids.size(); }
    qsizetype threadCount() const { return m_tids.size(); }
    const QList<PoolTask> &poolTasks() const { return m_poolTasks; }
    // The figures in the order they first appeared, each with its last value.
    const QList<Figure> &figures() const { return m_figures; }
    const Figure *figure(const QString &name) const;
    // The gil shares of the task samples (the first MaxGilSamples), and each process's python.gil summary and
    // python.interpreter finding, in the order recorded.
    const QList<GilSample> &gilSamples() const { return m_gilSamples; }
    const QList<QJsonObject> &gilSummaries() const { return m_gilSummaries; }
    const QList<QJsonObject> &interpreters() const { return m_interpreters; }
    // The members of the last deadlock cycle found (deadlock.detected's "cycle"), empty when none.
    const QJsonArray &deadlockCycle() const { return m_cycle; }
    // The name a process or thread was given (its role or name), empty when unknown.
    QString nameOf(qint64 id) const { return m_names.value(id); }

private:
    void addCpuSample(const SessionEvent &event);
    void addQueueSample(const SessionEvent &event);
    void addPoolTask(const QJsonObject &fields);
    void addFigure(const SessionEvent &event);
    void setState(qint64 pid, qint64 tid, double t, const QString &state);
    void closeLane(qint64 tid, double t);
    Lane *lane(qint64 pid, qint64 tid);
    QString labelFor(qint64 pid, qint64 tid) const;

    double m_duration = 0;
    QList<CpuPoint> m_cpu;
    qsizetype m_cpuSeen = 0;
    qsizetype m_cpuStride = 1;
    int m_cores = 0;
    QMap<QString, Series> m_queues;
    QList<Lane> m_lanes;
    QHash<qint64, qsizetype> m_laneByTid;
    qsizetype m_omittedLanes = 0;
    QHash<qint64, QString> m_names; // by TID (a process's name under its PID, which is its main thread's TID)
    QList<SessionEvent> m_table;
    qsizetype m_omittedRows = 0;
    bool m_hasPhenomenon = false;
    QJsonObject m_phenomenon;
    QMap<QString, qsizetype> m_kindCounts;
    QList<PoolTask> m_poolTasks;
    QList<Figure> m_figures;
    QJsonArray m_cycle;
    QList<GilSample> m_gilSamples;
    QList<QJsonObject> m_gilSummaries;
    QList<QJsonObject> m_interpreters;
    QHash<qint64, bool> m_pids;
    QHash<qint64, bool> m_tids;
};
