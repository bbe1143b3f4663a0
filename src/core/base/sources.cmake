# The vocabulary every core folder shares: the recorded event and the one session clock.
target_sources(proclab_core PRIVATE
    base/SessionEvent.h base/SessionEvent.cpp
    base/SessionClock.h base/SessionClock.cpp)
