#pragma once

#include "ProcSource.h"

// A file of a ProcSource kept open for re-reading: closes its handle when destroyed. Move-only.
class KeptProcFile
{
public:
    KeptProcFile() = default;
    KeptProcFile(ProcSource *source, int handle) : m_source(source), m_handle(handle) {}
    KeptProcFile(KeptProcFile &&other) noexcept;
    KeptProcFile &operator=(KeptProcFile &&other) noexcept;
    KeptProcFile(const KeptProcFile &) = delete;
    KeptProcFile &operator=(const KeptProcFile &) = delete;
    ~KeptProcFile();

    // Opens (pid, tid, file) of source; an invalid KeptProcFile with *result set when that fails.
    static KeptProcFile open(ProcSource *source, int pid, int tid, ProcSource::File file, ProcSource::Result *result);

    bool isOpen() const { return m_handle >= 0; }
    // See ProcSource::reread; Failed when not open.
    ProcSource::Result reread(char *buffer, qsizetype capacity, qsizetype *length) const;
    void reset();

private:
    ProcSource *m_source = nullptr;
    int m_handle = -1;
};
