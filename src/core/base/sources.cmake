# The vocabulary every core folder shares: the recorded event, the one session clock, event kinds and roles.
target_sources(proclab_core PRIVATE
    base/SessionEvent.h base/SessionEvent.cpp
    base/SessionClock.h base/SessionClock.cpp
    base/EventKind.h
    base/LabRole.h base/LabRole.cpp)
