target_sources(proclab_core PRIVATE
    analysis/WaitInput.h
    analysis/WaitKindName.h analysis/WaitKindName.cpp
    analysis/DeadlockFindings.h analysis/DeadlockFindings.cpp
    analysis/WaitForGraph.h analysis/WaitForGraph.cpp
    analysis/LockOrderGraph.h analysis/LockOrderGraph.cpp
    analysis/DeadlockExplainer.h analysis/DeadlockExplainer.cpp
    analysis/DeadlockMonitor.h analysis/DeadlockMonitor.cpp
    analysis/WaitGraphView.h analysis/WaitGraphView.cpp
    analysis/FutexMapping.h analysis/FutexMapping.cpp
    analysis/FutexCrossCheck.h analysis/FutexCrossCheck.cpp
    analysis/LoadHeadroom.h analysis/LoadHeadroom.cpp)
