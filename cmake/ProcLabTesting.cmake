# proclab_add_test(NAME SOURCES src… [LIBS lib…] [LABELS label…] [SERIAL] [TIMEOUT s])
#
# One Qt Test executable per tested class. Every test runs with the offscreen platform, so none needs a display,
# and knows where the worker binary and the fixtures are. SERIAL marks timing-sensitive tests: ctest -j never runs
# them beside another test, which would steal the cores they measure.
function(proclab_add_test name)
    cmake_parse_arguments(ARG "SERIAL" "TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_LIBS})
    set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests)
    target_compile_definitions(${name} PRIVATE
        PROCLAB_FIXTURES_DIR="${PROJECT_SOURCE_DIR}/tests/fixtures"
        PROCLAB_BIN_DIR="${CMAKE_BINARY_DIR}/bin")
    add_test(NAME ${name} COMMAND ${name})
    set(env "QT_QPA_PLATFORM=offscreen;LC_ALL=C.UTF-8;QT_LOGGING_RULES=qt.qpa.*=false")
    set_tests_properties(${name} PROPERTIES ENVIRONMENT "${env}")
    if(ARG_SERIAL)
        set_tests_properties(${name} PROPERTIES RUN_SERIAL TRUE)
    endif()
    if(ARG_TIMEOUT)
        set_tests_properties(${name} PROPERTIES TIMEOUT ${ARG_TIMEOUT})
    endif()
    if(ARG_LABELS)
        set_tests_properties(${name} PROPERTIES LABELS "${ARG_LABELS}")
    endif()
endfunction()
