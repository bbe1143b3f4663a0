# proclab-bench-threads: the helper process of `proclab bench sampler` (N sleeping threads). It lands beside
# proclab in ${CMAKE_BINARY_DIR}/bin, where SamplerBenchmark looks for it.
find_package(Threads REQUIRED)
add_executable(proclab-bench-threads ${CMAKE_CURRENT_LIST_DIR}/sampler_threads_main.cpp)
target_link_libraries(proclab-bench-threads PRIVATE Threads::Threads)
