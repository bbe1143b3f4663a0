# Shared memory between the supervisor and the lab processes: memfd regions, the bounded queue, the pipe channel,
# and the telemetry block (thread slots, named locks, queues).
target_sources(proclab_core PRIVATE
    ipc/FigureBoard.h ipc/FigureBoard.cpp
    ipc/PoolFigures.h ipc/PoolFigures.cpp
    ipc/IpcWait.h ipc/IpcWait.cpp
    ipc/MonotonicDeadline.h ipc/MonotonicDeadline.cpp
    ipc/PipeChannel.h ipc/PipeChannel.cpp
    ipc/ProcessSharedMutex.h ipc/ProcessSharedMutex.cpp
    ipc/QueueStats.h
    ipc/SharedCondition.h ipc/SharedCondition.cpp
    ipc/SharedLock.h ipc/SharedLock.cpp
    ipc/SharedMemory.h ipc/SharedMemory.cpp
    ipc/SharedQueue.h ipc/SharedQueue.cpp ipc/SharedQueueLayout.h
    ipc/StepAction.h ipc/StepAction.cpp
    ipc/StepControl.h ipc/StepControl.cpp
    ipc/StepGate.h ipc/StepGate.cpp
    ipc/TelemetryBlock.h ipc/TelemetryBlock.cpp
    ipc/TelemetryLayout.h
    ipc/TelemetrySnapshot.h
    ipc/ThreadIdentity.h ipc/ThreadIdentity.cpp
    ipc/ThreadState.h ipc/ThreadState.cpp
    ipc/ThreadTelemetry.h ipc/ThreadTelemetry.cpp)
