# src/core/control: the pure parts (wire format of the control socket, the requests and events, /proc/<pid>/stat
# for adoption).
proclab_add_test(tst_controlmessage SOURCES tst_controlmessage.cpp LIBS proclab_core)
proclab_add_test(tst_workercommands SOURCES tst_workercommands.cpp LIBS proclab_core)
proclab_add_test(tst_controlevents SOURCES tst_controlevents.cpp LIBS proclab_core)
proclab_add_test(tst_childscanner SOURCES tst_childscanner.cpp LIBS proclab_core)
proclab_add_test(tst_workerconnection SOURCES tst_workerconnection.cpp LIBS proclab_core)
# Limits: a repeated refusal is counted, not repeated.
proclab_add_test(tst_repeatederrors SOURCES tst_repeatederrors.cpp LIBS proclab_core)
