# src/core/frame: the one row rule for live and replay.
proclab_add_test(tst_framerowbuilder SOURCES tst_framerowbuilder.cpp LIBS proclab_core LABELS session)
proclab_add_test(tst_labcoreshare SOURCES tst_labcoreshare.cpp LIBS proclab_core LABELS session)
proclab_add_test(tst_queuesides SOURCES tst_queuesides.cpp LIBS proclab_core LABELS session)
