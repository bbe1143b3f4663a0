# python: the pure parts of reading CPython's GIL from outside — the bounded ELF reader on hostile files, the
# interpreter in /proc/PID/maps, _Py_DebugOffsets and the generated offset table.
proclab_add_test(tst_elfsymbolreader SOURCES tst_elfsymbolreader.cpp LIBS proclab_core)
proclab_add_test(tst_pythonimage SOURCES tst_pythonimage.cpp LIBS proclab_core)
proclab_add_test(tst_gildebugoffsets SOURCES tst_gildebugoffsets.cpp LIBS proclab_core)

# Not a test: the GIL reads' CPU cost per Python process at 200 Hz, against the task sampler's (see its source).
add_executable(proclab_bench_gil ${PROJECT_SOURCE_DIR}/tests/bench/gil_bench.cpp)
target_link_libraries(proclab_bench_gil PRIVATE proclab_core)
target_compile_definitions(proclab_bench_gil PRIVATE PROCLAB_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
set_target_properties(proclab_bench_gil PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/bench)
