# python: CPython's GIL read from outside — the interpreter of a process (maps, ELF symbols), where its GIL lies
# (generated offset tables, _Py_DebugOffsets), the reads (process_vm_readv) and the 200 Hz GIL sampler.
target_sources(proclab_core PRIVATE
    python/ElfSymbolReader.h python/ElfSymbolReader.cpp
    python/GilDebugOffsets.h python/GilDebugOffsets.cpp
    python/GilLayout.h
    python/GilOffsetTable.h python/GilOffsetTable.cpp
    python/GilProbe.h python/GilProbe.cpp
    python/GilSampler.h python/GilSampler.cpp
    python/GilSession.h python/GilSession.cpp
    python/GilTally.h
    python/GilTarget.h python/GilTarget.cpp
    python/GilWaitNamer.h python/GilWaitNamer.cpp
    python/InterpreterLocator.h python/InterpreterLocator.cpp
    python/PythonImage.h python/PythonImage.cpp
    python/RemoteMemory.h python/RemoteMemory.cpp)
