# src/core/session and `proclab export`, with real processes.
# The stand-in for a supervisor that records until SIGKILLed.
add_executable(session_record_helper session_record_helper.cpp)
target_link_libraries(session_record_helper PRIVATE proclab_core)
set_target_properties(session_record_helper PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests)

proclab_add_test(tst_sessioncrash SOURCES tst_sessioncrash.cpp LIBS proclab_core LABELS session SERIAL TIMEOUT 60)
target_compile_definitions(tst_sessioncrash PRIVATE PROCLAB_TESTS_DIR="${CMAKE_BINARY_DIR}/tests")
add_dependencies(tst_sessioncrash session_record_helper)

if(TARGET proclab)
    proclab_add_test(tst_exportcommand SOURCES tst_exportcommand.cpp LIBS Qt6::Core LABELS session TIMEOUT 120)
    add_dependencies(tst_exportcommand proclab)
endif()
