# The window's models, filters, views and controllers (issue 7); they need the experiments in the build.
proclab_add_test(tst_taskfilter SOURCES tst_taskfilter.cpp LIBS proclab_gui)
proclab_add_test(tst_tasktreemodel SOURCES tst_tasktreemodel.cpp ${PROCLAB_QRC} LIBS proclab_gui)
proclab_add_test(tst_eventlogmodel SOURCES tst_eventlogmodel.cpp LIBS proclab_gui)
proclab_add_test(tst_parameterform SOURCES tst_parameterform.cpp LIBS proclab_gui)
proclab_add_test(tst_taskrowbuilder SOURCES tst_taskrowbuilder.cpp LIBS proclab_gui)
proclab_add_test(tst_timelinewidgets SOURCES tst_timelinewidgets.cpp ${PROCLAB_QRC} LIBS proclab_gui)
proclab_add_test(tst_guirun SOURCES tst_guirun.cpp ${PROCLAB_QRC} LIBS proclab_gui SERIAL TIMEOUT 90 LABELS gui)
proclab_add_test(tst_sessionmenu SOURCES tst_sessionmenu.cpp ${PROCLAB_QRC} LIBS proclab_gui SERIAL TIMEOUT 60 LABELS gui)
