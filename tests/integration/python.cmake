# python: CPython's GIL read from outside, on real python3.11 programs (tests/fixtures/python/gil_*.py).
# SERIAL: the shares and the hashers' CPU time are measured against each other on the cores the test has.
proclab_add_test(tst_gilsampler SOURCES tst_gilsampler.cpp LIBS proclab_core SERIAL TIMEOUT 120)
proclab_add_test(tst_gilexec SOURCES tst_gilexec.cpp LIBS Qt6::Core SERIAL TIMEOUT 60)
if(TARGET proclab)
    add_dependencies(tst_gilexec proclab)
endif()
# cpu-vs-io lang=python through `proclab run`: the measured core, the real GIL's shares.
proclab_add_test(tst_pythonlesson SOURCES tst_pythonlesson.cpp LIBS Qt6::Core SERIAL TIMEOUT 60)
if(TARGET proclab)
    add_dependencies(tst_pythonlesson proclab proclab-worker)
endif()
# Attach where the GIL may not be read (root without CAP_SYS_PTRACE, another user's python3): said once.
proclab_add_test(tst_gilattach SOURCES tst_gilattach.cpp LIBS proclab_core SERIAL TIMEOUT 30)
