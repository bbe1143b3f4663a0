# probe: /proc readers and pure parsers, CPU and task sampling, state classification, the sampler thread.
target_sources(proclab_core PRIVATE
    probe/BlockedReason.h probe/BlockedReason.cpp
    probe/CpuLoad.h
    probe/CpuLoadMeter.h probe/CpuLoadMeter.cpp
    probe/DescendantScanner.h probe/DescendantScanner.cpp
    probe/FileLimit.h probe/FileLimit.cpp
    probe/FutexWaitNamer.h
    probe/KeptProcFile.h probe/KeptProcFile.cpp
    probe/LinuxProcSource.h probe/LinuxProcSource.cpp
    probe/ProcParser.h probe/ProcParser.cpp
    probe/ProcRecords.h
    probe/ProcSource.h
    probe/ProcessSample.h
    probe/PythonRoleDetector.h probe/PythonRoleDetector.cpp
    probe/ReasonReader.h probe/ReasonReader.cpp
    probe/SamplerThread.h probe/SamplerThread.cpp
    probe/SamplerTicker.h probe/SamplerTicker.cpp
    probe/Snapshot.h
    probe/StateClassifier.h probe/StateClassifier.cpp
    probe/TaskReadPolicy.h probe/TaskReadPolicy.cpp
    probe/TaskSample.h
    probe/TaskSampler.h probe/TaskSampler.cpp
    probe/TaskState.h
    probe/TaskStateName.h probe/TaskStateName.cpp)
