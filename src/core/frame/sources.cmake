target_sources(proclab_core PRIVATE
    frame/TaskRow.h
    frame/Frame.h
    frame/FrameRowBuilder.h frame/FrameRowBuilder.cpp
    frame/ReplayWaits.h frame/ReplayWaits.cpp
    frame/LiveFrames.h frame/LiveFrames.cpp
    frame/LabCoreShare.h frame/LabCoreShare.cpp)
