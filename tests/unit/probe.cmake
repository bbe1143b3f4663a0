# probe: parsers, classifier, load arithmetic, blocked reasons, and the sampler over a fake /proc tree.
proclab_add_test(tst_procparser SOURCES tst_procparser.cpp LIBS proclab_core)
proclab_add_test(tst_stateclassifier SOURCES tst_stateclassifier.cpp LIBS proclab_core)
proclab_add_test(tst_cpuloadmeter SOURCES tst_cpuloadmeter.cpp LIBS proclab_core)
proclab_add_test(tst_blockedreason SOURCES tst_blockedreason.cpp LIBS proclab_core)
proclab_add_test(tst_taskstatename SOURCES tst_taskstatename.cpp LIBS proclab_core)
proclab_add_test(tst_snapshotformatter SOURCES tst_snapshotformatter.cpp LIBS proclab_core)
proclab_add_test(tst_filelimit SOURCES tst_filelimit.cpp LIBS proclab_core)
proclab_add_test(tst_tasksampler SOURCES tst_tasksampler.cpp LIBS proclab_core TIMEOUT 60)
