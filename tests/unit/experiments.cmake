proclab_add_test(tst_parametervalues SOURCES tst_parametervalues.cpp LIBS proclab_core)
proclab_add_test(tst_experimentchecks SOURCES tst_experimentchecks.cpp LIBS proclab_core)
proclab_add_test(tst_coreallowance SOURCES tst_coreallowance.cpp LIBS proclab_core)
# When a live figure is recorded: first value, changes at most once a period, the settled value at once.
proclab_add_test(tst_livefigures SOURCES tst_livefigures.cpp LIBS proclab_core)
proclab_add_test(tst_predictions SOURCES tst_predictions.cpp LIBS proclab_core)
