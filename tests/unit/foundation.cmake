if(TARGET proclab_gui)
    proclab_add_test(tst_guioptions SOURCES tst_guioptions.cpp LIBS proclab_gui)
endif()
proclab_add_test(tst_translations SOURCES tst_translations.cpp LIBS Qt6::Core)
