# Lab process control with real processes (src/core/control, src/worker). Timing-sensitive: SERIAL.
add_executable(proclab-test-supervisor labsupervisor_main.cpp)
target_link_libraries(proclab-test-supervisor PRIVATE proclab_core)
target_compile_definitions(proclab-test-supervisor PRIVATE PROCLAB_BIN_DIR="${CMAKE_BINARY_DIR}/bin")

proclab_add_test(tst_pidfd SOURCES tst_pidfd.cpp LIBS proclab_core TIMEOUT 60)
proclab_add_test(tst_labcontroller SOURCES tst_labcontroller.cpp LIBS proclab_core SERIAL TIMEOUT 120)
add_dependencies(tst_labcontroller proclab-worker)
proclab_add_test(tst_workerprocess SOURCES tst_workerprocess.cpp LIBS proclab_core SERIAL TIMEOUT 120)
add_dependencies(tst_workerprocess proclab-worker)
proclab_add_test(tst_supervisorlifetime SOURCES tst_supervisorlifetime.cpp ${PROCLAB_SHARED_COPY} LIBS proclab_core SERIAL TIMEOUT 120)
add_dependencies(tst_supervisorlifetime proclab-worker proclab-test-supervisor)
