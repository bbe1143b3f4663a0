target_sources(proclab_core PRIVATE
    session/SessionClock.h session/SessionClock.cpp
    session/SessionEvent.h session/SessionEvent.cpp)
