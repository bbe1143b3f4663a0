if(TARGET proclab)
    proclab_add_test(tst_cli SOURCES tst_cli.cpp ${PROCLAB_SHARED_COPY} LIBS Qt6::Core TIMEOUT 120)
    add_dependencies(tst_cli proclab proclab-worker)
endif()
