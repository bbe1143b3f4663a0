# exec: recognising Python's multiprocessing helpers from /proc, and a foreign zombie's exit status.
proclab_add_test(tst_pythonroledetector SOURCES tst_pythonroledetector.cpp LIBS proclab_core)
proclab_add_test(tst_foreignexit SOURCES tst_foreignexit.cpp LIBS proclab_core)
