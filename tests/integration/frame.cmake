# src/core/frame: live and replayed frames of one real run agree (issue 16). Real lab processes: SERIAL.
proclab_add_test(tst_framesources SOURCES tst_framesources.cpp ${PROJECT_SOURCE_DIR}/tests/support/ChildrenLeft.h
    ${PROJECT_SOURCE_DIR}/tests/support/ChildrenLeft.cpp LIBS proclab_core SERIAL TIMEOUT 180)
target_include_directories(tst_framesources PRIVATE ${PROJECT_SOURCE_DIR}/tests/support)
add_dependencies(tst_framesources proclab-worker)
