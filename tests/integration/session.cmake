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
    # The CSV tables in the real pandas (python3-pandas), and unique names across an oversubscribe run. Debian's
    # python3 is the one python3-pandas installs into (a python3 of pyenv or a venv earlier in PATH has none).
    find_program(PROCLAB_DEBIAN_PYTHON3 python3 PATHS /usr/bin NO_DEFAULT_PATH)
    if(NOT PROCLAB_DEBIAN_PYTHON3)
        set(PROCLAB_DEBIAN_PYTHON3 python3)
    endif()
    add_test(NAME csv_loads_in_pandas
        COMMAND ${PROCLAB_DEBIAN_PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/check_csv_and_names.py --proclab $<TARGET_FILE:proclab> csv)
    add_test(NAME names_unique_in_a_run
        COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/check_csv_and_names.py --proclab $<TARGET_FILE:proclab> names)
    set_tests_properties(csv_loads_in_pandas names_unique_in_a_run PROPERTIES LABELS session TIMEOUT 120 RUN_SERIAL TRUE
        ENVIRONMENT "PROCLAB_WORKER=$<TARGET_FILE:proclab-worker>;LC_ALL=C.UTF-8")
endif()
