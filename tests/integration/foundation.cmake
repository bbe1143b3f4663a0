if(TARGET proclab)
    proclab_add_test(tst_cli SOURCES tst_cli.cpp LIBS Qt6::Core)
    add_dependencies(tst_cli proclab proclab-worker)
endif()
