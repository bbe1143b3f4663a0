# python: the pure parts of reading CPython's GIL from outside — the bounded ELF reader on hostile files, the
# interpreter in /proc/PID/maps, _Py_DebugOffsets and the generated offset table.
proclab_add_test(tst_elfsymbolreader SOURCES tst_elfsymbolreader.cpp LIBS proclab_core)
proclab_add_test(tst_pythonimage SOURCES tst_pythonimage.cpp LIBS proclab_core)
proclab_add_test(tst_gildebugoffsets SOURCES tst_gildebugoffsets.cpp LIBS proclab_core)
