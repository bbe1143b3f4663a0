# Every experiment headless through `proclab run`, on real processes. SERIAL: the timing lessons (GIL, oversubscribe,
# polling) measure cores, and the test checks that no lab process is left, which another test's would confuse.
if(TARGET proclab)
    proclab_add_test(tst_experimentruns SOURCES tst_experimentruns.cpp LIBS Qt6::Core SERIAL TIMEOUT 240)
    add_dependencies(tst_experimentruns proclab proclab-worker)
endif()
