proclab_add_test(tst_mainwindow SOURCES tst_mainwindow.cpp ${PROCLAB_QRC} LIBS proclab_gui)
