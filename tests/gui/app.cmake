# The window's models, filters, views and controllers (issue 7); they need the experiments in the build.
proclab_add_test(tst_taskfilter SOURCES tst_taskfilter.cpp LIBS proclab_gui)
proclab_add_test(tst_tasktreemodel SOURCES tst_tasktreemodel.cpp ${PROCLAB_QRC} LIBS proclab_gui)
proclab_add_test(tst_eventlogmodel SOURCES tst_eventlogmodel.cpp LIBS proclab_gui)
proclab_add_test(tst_parameterform SOURCES tst_parameterform.cpp LIBS proclab_gui)
proclab_add_test(tst_timelinewidgets SOURCES tst_timelinewidgets.cpp ${PROCLAB_QRC} LIBS proclab_gui)
proclab_add_test(tst_guirun SOURCES tst_guirun.cpp ${PROCLAB_TEST_SUPPORT} ${PROCLAB_QRC} LIBS proclab_gui SERIAL TIMEOUT 90 LABELS gui)
proclab_add_test(tst_sessionmenu SOURCES tst_sessionmenu.cpp ${PROCLAB_TEST_SUPPORT} ${PROCLAB_QRC} LIBS proclab_gui SERIAL TIMEOUT 60 LABELS gui)
proclab_add_test(tst_framefanout SOURCES tst_framefanout.cpp ${PROCLAB_QRC} LIBS proclab_gui LABELS gui)
proclab_add_test(tst_replaycontroller SOURCES tst_replaycontroller.cpp ${PROCLAB_QRC} LIBS proclab_gui SERIAL TIMEOUT 120 LABELS gui)
proclab_add_test(tst_chartthinning SOURCES tst_chartthinning.cpp LIBS proclab_gui)
proclab_add_test(tst_eventloopwatch SOURCES tst_eventloopwatch.cpp LIBS proclab_gui SERIAL)
proclab_add_test(tst_queuechart SOURCES tst_queuechart.cpp LIBS proclab_gui)
proclab_add_test(tst_cpuloadchart SOURCES tst_cpuloadchart.cpp LIBS proclab_gui)
proclab_add_test(tst_chartstack SOURCES tst_chartstack.cpp LIBS proclab_gui)
# The replay model under the fuzz corpus, the crafted headers and a bounded mutation run (at most 8 s).
proclab_add_test(tst_replayfuzz SOURCES tst_replayfuzz.cpp LIBS proclab_gui proclab_fuzz_mutator LABELS gui session
    TIMEOUT 90)
target_compile_definitions(tst_replayfuzz PRIVATE PROCLAB_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
proclab_add_test(tst_sessioninfowidget SOURCES tst_sessioninfowidget.cpp LIBS proclab_gui)
# The live result card: every experiment's figure in the real window before Stop, and the card in a replay.
proclab_add_test(tst_resultcard SOURCES tst_resultcard.cpp ${PROCLAB_TEST_SUPPORT} ${PROCLAB_QRC} LIBS proclab_gui
    SERIAL TIMEOUT 180 LABELS gui)
# The real GIL in the window: cpu-vs-io lang=python, the GIL % column and the timeline's GIL band before Stop.
proclab_add_test(tst_gilview SOURCES tst_gilview.cpp ${PROCLAB_TEST_SUPPORT} ${PROCLAB_QRC} LIBS proclab_gui
    SERIAL TIMEOUT 60 LABELS gui)
# The keyboard path through the window, and a replay's context (title, experiment, Start, the replay bar).
proclab_add_test(tst_keyboardpaths SOURCES tst_keyboardpaths.cpp ${PROCLAB_QRC} LIBS proclab_gui LABELS gui)
proclab_add_test(tst_replaycontext SOURCES tst_replaycontext.cpp ${PROCLAB_TEST_SUPPORT} ${PROCLAB_QRC} LIBS proclab_gui
    SERIAL TIMEOUT 60 LABELS gui)
# Ghosts: the dead that mattered stay as greyed rows, live and in replay; the orphans' PPID change; the dead owner's node.
proclab_add_test(tst_ghosts SOURCES tst_ghosts.cpp ${PROCLAB_TEST_SUPPORT} ${PROCLAB_QRC} LIBS proclab_gui
    SERIAL TIMEOUT 120 LABELS gui)
# Stale rows: after Stop or the program's exit every row turns Terminated and fades; the status bar agrees.
proclab_add_test(tst_stalerows SOURCES tst_stalerows.cpp ${PROCLAB_TEST_SUPPORT} ${PROCLAB_QRC} LIBS proclab_gui
    SERIAL TIMEOUT 90 LABELS gui)
# The pool's Gantt chart growing before Stop; the lesson's view coming forward, and not against the user's tab.
proclab_add_test(tst_poolgantt SOURCES tst_poolgantt.cpp ${PROCLAB_TEST_SUPPORT} ${PROCLAB_QRC} LIBS proclab_gui
    SERIAL TIMEOUT 120 LABELS gui)
# Step mode and predictions in the window: a race and a ring stepped with the number keys, a refused grant, a
# prediction revealed from the figures, "Run this schedule again" after the run and from its replay.
proclab_add_test(tst_stepmode SOURCES tst_stepmode.cpp ${PROCLAB_TEST_SUPPORT} ${PROCLAB_QRC} LIBS proclab_gui
    SERIAL TIMEOUT 90 LABELS gui)
# Experiment ▸ Lesson path: the journal in path order, a window run landing in it, the page for the teacher.
proclab_add_test(tst_lessonpathdialog SOURCES tst_lessonpathdialog.cpp ${PROCLAB_TEST_SUPPORT} ${PROCLAB_QRC}
    LIBS proclab_gui SERIAL TIMEOUT 90 LABELS gui)
