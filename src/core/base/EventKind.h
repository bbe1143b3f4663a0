#pragma once

#include <QLatin1String>

// The kind of every SessionEvent, one name each, as docs/session-format.md ("Event kinds") lists them. Code makes and
// compares events with these names, never with string literals, so a kind is spelled once.
namespace EventKind {
inline constexpr QLatin1String ExperimentStart{"experiment.start"};
inline constexpr QLatin1String ExperimentStop{"experiment.stop"};
inline constexpr QLatin1String Phenomenon{"phenomenon"};
inline constexpr QLatin1String Measure{"measure"};
inline constexpr QLatin1String Step{"step"};
inline constexpr QLatin1String PoolTask{"pool.task"};
inline constexpr QLatin1String Output{"output"};
inline constexpr QLatin1String OutputDropped{"output.dropped"};
inline constexpr QLatin1String Error{"error"};
inline constexpr QLatin1String ProcessSpawn{"process.spawn"};
inline constexpr QLatin1String ProcessRole{"process.role"};
inline constexpr QLatin1String ProcessExit{"process.exit"};
inline constexpr QLatin1String ProcessZombie{"process.zombie"};
inline constexpr QLatin1String ProcessReap{"process.reap"};
inline constexpr QLatin1String ProcessReparent{"process.reparent"};
inline constexpr QLatin1String SignalSent{"signal.sent"};
inline constexpr QLatin1String ThreadStart{"thread.start"};
inline constexpr QLatin1String ThreadExit{"thread.exit"};
inline constexpr QLatin1String TaskState{"task.state"};
inline constexpr QLatin1String TaskSample{"task.sample"};
inline constexpr QLatin1String CpuSample{"cpu.sample"};
inline constexpr QLatin1String QueueSample{"queue.sample"};
inline constexpr QLatin1String PythonInterpreter{"python.interpreter"};
inline constexpr QLatin1String PythonGil{"python.gil"};
inline constexpr QLatin1String DeadlockDetected{"deadlock.detected"};
inline constexpr QLatin1String LockOwnerDead{"lock.owner_dead"};
inline constexpr QLatin1String LockOrderInversion{"lock_order.inversion"};
inline constexpr QLatin1String DeadlockResolved{"deadlock.resolved"};
inline constexpr QLatin1String LockFutexMismatch{"lock.futex_mismatch"};
inline constexpr QLatin1String LockFutexCheck{"lock.futex_check"};
} // namespace EventKind
