proclab_add_test(tst_mainwindow SOURCES tst_mainwindow.cpp ${PROCLAB_QRC} LIBS proclab_gui)
# The window at 1024x768 … 1920x1080: key columns in view; the forced language ticked; the Open… list of sessions.
proclab_add_test(tst_windowfit SOURCES tst_windowfit.cpp ${PROCLAB_QRC} LIBS proclab_gui LABELS gui)
