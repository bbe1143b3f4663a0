target_sources(proclab_core PRIVATE)
