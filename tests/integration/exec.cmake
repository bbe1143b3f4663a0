# exec: the user's own program under ProcLab — ProgramRun on real Python programs, and `proclab exec`.
# SERIAL: the Pool test measures the ready share, which other tests on the same cores would distort.
proclab_add_test(tst_programrun SOURCES tst_programrun.cpp LIBS proclab_core SERIAL TIMEOUT 120)
proclab_add_test(tst_execcommand SOURCES tst_execcommand.cpp LIBS Qt6::Core TIMEOUT 120)
if(TARGET proclab)
    add_dependencies(tst_execcommand proclab)
endif()
proclab_add_test(tst_taskstatestream SOURCES tst_taskstatestream.cpp LIBS Qt6::Core TIMEOUT 120)
if(TARGET proclab)
    add_dependencies(tst_taskstatestream proclab)
endif()
