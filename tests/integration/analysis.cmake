# The deadlock analysis and its futex cross-check on real lab processes through `proclab run` (issue 6). SERIAL: the
# heavy-contention run takes both cores for its 6 seconds, and the report timing is measured in ticks.
if(TARGET proclab)
    proclab_add_test(tst_deadlockruns SOURCES tst_deadlockruns.cpp LIBS Qt6::Core SERIAL TIMEOUT 120)
    add_dependencies(tst_deadlockruns proclab proclab-worker)
endif()
