# src/core/ipc: shared memory, the bounded queue, the pipe channel, the telemetry block. These run threads of one
# process only (no fork, no Qt event loop), so the thread-sanitizer preset runs them too (LABELS tsan).
proclab_add_test(tst_sharedmemory SOURCES tst_sharedmemory.cpp LIBS proclab_core LABELS tsan)
proclab_add_test(tst_sharedqueue SOURCES tst_sharedqueue.cpp LIBS proclab_core LABELS tsan TIMEOUT 120)
proclab_add_test(tst_pipechannel SOURCES tst_pipechannel.cpp LIBS proclab_core LABELS tsan)
proclab_add_test(tst_sharedlock SOURCES tst_sharedlock.cpp LIBS proclab_core LABELS tsan)
proclab_add_test(tst_telemetryblock SOURCES tst_telemetryblock.cpp LIBS proclab_core LABELS tsan)
proclab_add_test(tst_threadstate SOURCES tst_threadstate.cpp LIBS proclab_core LABELS tsan)
proclab_add_test(tst_sharedcondition SOURCES tst_sharedcondition.cpp LIBS proclab_core LABELS tsan)
# Forks: not for the thread sanitizer.
proclab_add_test(tst_threadidentity SOURCES tst_threadidentity.cpp LIBS proclab_core)

# Under the thread sanitizer: QtTest's watchdog thread runs in uninstrumented Qt; ipc-tsan.supp says why.
foreach(test tst_sharedmemory tst_sharedqueue tst_pipechannel tst_sharedlock tst_telemetryblock tst_threadstate
        tst_sharedcondition)
    set_property(TEST ${test} APPEND PROPERTY ENVIRONMENT
        "TSAN_OPTIONS=suppressions=${CMAKE_CURRENT_SOURCE_DIR}/ipc-tsan.supp")
endforeach()
