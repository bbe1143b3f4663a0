# src/core/session: the recorder, the reader and the exporters.
foreach(test tst_sessionjsonwriter tst_utf8validator tst_samplethrottle tst_sessionfolder tst_sessionretention
        tst_sessionreader tst_csvwriter tst_jsonlexporter tst_csvexporter tst_htmlreportexporter
        tst_sessioneventqueue tst_sessionreportdata tst_sessionformatdoc tst_svgwriter
        tst_sessionreplay tst_sessiontape tst_outputtarget tst_lessonjournal)
    proclab_add_test(${test} SOURCES ${test}.cpp LIBS proclab_core LABELS session)
endforeach()
# Timing: 100 000 events in one second must not slow the producer; flushes are counted per second.
proclab_add_test(tst_sessionrecorder SOURCES tst_sessionrecorder.cpp LIBS proclab_core LABELS session SERIAL
    TIMEOUT 60)

# The reader's fuzz entry point (tests/fuzz), linked here into a program that replays the corpus: every file that
# once crashed or found a bug stays in tests/fuzz/corpus and is run on every ctest. tests/fuzz/run-libfuzzer.sh
# builds the same entry point with clang's libFuzzer to search for new ones.
add_library(proclab_fuzz_mutator STATIC ${PROJECT_SOURCE_DIR}/tests/fuzz/FuzzMutator.cpp)
target_link_libraries(proclab_fuzz_mutator PUBLIC Qt6::Core)
target_include_directories(proclab_fuzz_mutator PUBLIC ${PROJECT_SOURCE_DIR}/tests/fuzz)
add_executable(fuzz_session_reader
    ${PROJECT_SOURCE_DIR}/tests/fuzz/SessionReaderFuzzer.cpp
    ${PROJECT_SOURCE_DIR}/tests/fuzz/FuzzCorpusReplay.cpp)
target_link_libraries(fuzz_session_reader PRIVATE proclab_core proclab_fuzz_mutator)
set_target_properties(fuzz_session_reader PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests)
add_test(NAME fuzz_session_reader_corpus
    COMMAND fuzz_session_reader ${PROJECT_SOURCE_DIR}/tests/fuzz/corpus ${PROJECT_SOURCE_DIR}/tests/fixtures/sessions)
set_tests_properties(fuzz_session_reader_corpus PROPERTIES LABELS session TIMEOUT 120
    ENVIRONMENT "LC_ALL=C.UTF-8")

# A bounded real fuzz run on every ctest: FuzzMutator's inputs from a fixed seed (the build's g++ has no
# libFuzzer), at most 60 000 inputs or 12 s. The seed, iterations and time are arguments, to search longer by hand.
add_executable(fuzz_session_reader_mutations
    ${PROJECT_SOURCE_DIR}/tests/fuzz/SessionReaderFuzzer.cpp
    ${PROJECT_SOURCE_DIR}/tests/fuzz/FuzzMutationRun.cpp)
target_link_libraries(fuzz_session_reader_mutations PRIVATE proclab_core proclab_fuzz_mutator)
set_target_properties(fuzz_session_reader_mutations PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests)
add_test(NAME fuzz_session_reader_mutations
    COMMAND fuzz_session_reader_mutations --seed 1 --iterations 60000 --seconds 12
        --dict ${PROJECT_SOURCE_DIR}/tests/fuzz/session.dict
        ${PROJECT_SOURCE_DIR}/tests/fuzz/corpus ${PROJECT_SOURCE_DIR}/tests/fixtures/sessions)
set_tests_properties(fuzz_session_reader_mutations PROPERTIES LABELS session TIMEOUT 60
    ENVIRONMENT "LC_ALL=C.UTF-8")

# `proclab bench recorder` without the bench command: the same RecorderBenchmark::run(), for tests/bench scripts.
add_executable(proclab-bench-recorder ${PROJECT_SOURCE_DIR}/tests/bench/recorder_bench_main.cpp)
target_link_libraries(proclab-bench-recorder PRIVATE proclab_cli)
