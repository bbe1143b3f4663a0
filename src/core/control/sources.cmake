target_sources(proclab_core PRIVATE
    control/ChildScanner.h control/ChildScanner.cpp
    control/ControlEvents.h control/ControlEvents.cpp
    control/ControlMessage.h control/ControlMessage.cpp
    control/ForeignReaper.h control/ForeignReaper.cpp
    control/LabController.h control/LabController.cpp
    control/LabProcessInfo.h
    control/LabProcessRecord.h control/LabProcessRecord.cpp
    control/PidFd.h control/PidFd.cpp
    control/ProcessSpawner.h control/ProcessSpawner.cpp
    control/SupervisorSetup.h control/SupervisorSetup.cpp
    control/WorkerCommands.h control/WorkerCommands.cpp
    control/WorkerConnection.h control/WorkerConnection.cpp
    control/WorkerLauncher.h control/WorkerLauncher.cpp)
