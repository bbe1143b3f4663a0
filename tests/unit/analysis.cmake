# Deadlock analysis (src/core/analysis): pure logic over generated ticks, plus one real two-thread deadlock in a
# memfd for the futex cross-check. The scenario generators (tests/support/AnalysisScenarios) are shared with the
# benchmark in tests/bench: both link this library and include "AnalysisScenarios.h".
add_library(proclab_analysis_scenarios STATIC
    ${PROJECT_SOURCE_DIR}/tests/support/AnalysisScenarios.h
    ${PROJECT_SOURCE_DIR}/tests/support/AnalysisScenarios.cpp)
target_include_directories(proclab_analysis_scenarios PUBLIC ${PROJECT_SOURCE_DIR}/tests/support)
target_link_libraries(proclab_analysis_scenarios PUBLIC proclab_core)

proclab_add_test(tst_waitforgraph SOURCES tst_waitforgraph.cpp LIBS proclab_analysis_scenarios)
proclab_add_test(tst_lockordergraph SOURCES tst_lockordergraph.cpp LIBS proclab_core)
proclab_add_test(tst_deadlockmonitor SOURCES tst_deadlockmonitor.cpp LIBS proclab_analysis_scenarios)
proclab_add_test(tst_deadlockexplainer SOURCES tst_deadlockexplainer.cpp LIBS proclab_analysis_scenarios)
proclab_add_test(tst_waitgraphview SOURCES tst_waitgraphview.cpp LIBS proclab_analysis_scenarios)
proclab_add_test(tst_futexmapping SOURCES tst_futexmapping.cpp LIBS proclab_core TIMEOUT 30)
proclab_add_test(tst_futexcrosscheck SOURCES tst_futexcrosscheck.cpp LIBS proclab_core TIMEOUT 30)

# Not a test: the per-tick cost at 500 lab threads (see the comment at the top of the source).
add_executable(proclab_bench_analysis ${PROJECT_SOURCE_DIR}/tests/bench/analysis_bench.cpp)
target_link_libraries(proclab_bench_analysis PRIVATE proclab_analysis_scenarios)
set_target_properties(proclab_bench_analysis PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/bench)

# Not a test: the live futex cross-check's per-tick cost with 500 real blocked threads (see its source).
add_executable(proclab_bench_futex ${PROJECT_SOURCE_DIR}/tests/bench/futex_crosscheck_bench.cpp)
target_link_libraries(proclab_bench_futex PRIVATE proclab_core)
set_target_properties(proclab_bench_futex PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/bench)
