# exec: recognising Python's multiprocessing helpers from /proc, and a foreign zombie's exit status.
proclab_add_test(tst_pythonroledetector SOURCES tst_pythonroledetector.cpp LIBS proclab_core)
proclab_add_test(tst_foreignexit SOURCES tst_foreignexit.cpp LIBS proclab_core)
# exec: how much of a program's output a session records.
proclab_add_test(tst_outputbudget SOURCES tst_outputbudget.cpp LIBS proclab_core)
