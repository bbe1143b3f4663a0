# src/core/ipc between real processes (fork): queue and pipe across processes, SIGKILL of a lock holder (robust and
# not), killed condvar waiters, telemetry of a killed process. Not for the thread sanitizer (fork + kill).
proclab_add_test(tst_ipcprocesses SOURCES tst_ipcprocesses.cpp LIBS proclab_core TIMEOUT 180)
