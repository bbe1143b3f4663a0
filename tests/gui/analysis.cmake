# The wait-for graph's "Break it" in the real window on the real `deadlock` experiment (issue 6).
proclab_add_test(tst_waitgraphbreak SOURCES tst_waitgraphbreak.cpp ${PROCLAB_TEST_SUPPORT} ${PROCLAB_QRC} LIBS proclab_gui SERIAL TIMEOUT 60 LABELS gui)
