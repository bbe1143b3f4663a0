if(TARGET proclab_gui)
    proclab_add_test(tst_guioptions SOURCES tst_guioptions.cpp LIBS proclab_gui)
endif()
proclab_add_test(tst_translations SOURCES tst_translations.cpp LIBS Qt6::Core)
# The one rule for typed numbers, and the one escaping of text for a terminal.
proclab_add_test(tst_numbertext SOURCES tst_numbertext.cpp LIBS proclab_core)
proclab_add_test(tst_terminaltext SOURCES tst_terminaltext.cpp LIBS proclab_core)
if(TARGET proclab_gui)
    # The console's share of a flooding program's output.
    proclab_add_test(tst_consolebuffer SOURCES tst_consolebuffer.cpp LIBS proclab_gui)
endif()
# Measured numbers written for people (result sentences, the card, the report).
proclab_add_test(tst_figuretext SOURCES tst_figuretext.cpp LIBS proclab_core)
proclab_add_test(tst_figurelabels SOURCES tst_figurelabels.cpp LIBS proclab_core)
