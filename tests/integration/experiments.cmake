# Every experiment headless through `proclab run`, on real processes. SERIAL: the timing lessons (GIL, oversubscribe,
# polling) measure cores, and the test checks that no lab process is left, which another test's would confuse.
if(TARGET proclab)
    proclab_add_test(tst_experimentruns SOURCES tst_experimentruns.cpp LIBS Qt6::Core SERIAL TIMEOUT 240)
    add_dependencies(tst_experimentruns proclab proclab-worker)
endif()
# A killed lab process leaves the telemetry through ExperimentRun's own wiring. Real lab processes: SERIAL.
proclab_add_test(tst_killedlabprocess SOURCES tst_killedlabprocess.cpp ${PROJECT_SOURCE_DIR}/tests/support/ChildrenLeft.h
    ${PROJECT_SOURCE_DIR}/tests/support/ChildrenLeft.cpp LIBS proclab_core SERIAL TIMEOUT 60)
target_include_directories(tst_killedlabprocess PRIVATE ${PROJECT_SOURCE_DIR}/tests/support)
add_dependencies(tst_killedlabprocess proclab-worker)
# Step mode: `proclab run --schedule` on real lab threads (race, deadlock). Real lab processes: SERIAL.
if(TARGET proclab)
    proclab_add_test(tst_stepschedule SOURCES tst_stepschedule.cpp LIBS Qt6::Core SERIAL TIMEOUT 120)
    add_dependencies(tst_stepschedule proclab proclab-worker)
endif()
# The lesson path: `proclab run --predict`, the learner's journal and `proclab path`. Real lab threads: SERIAL.
if(TARGET proclab)
    proclab_add_test(tst_lessonpath SOURCES tst_lessonpath.cpp LIBS Qt6::Core SERIAL TIMEOUT 120)
    add_dependencies(tst_lessonpath proclab proclab-worker)
endif()
