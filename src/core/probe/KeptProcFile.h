#pragma once

#include "ProcSource.h"

// A file of a ProcSource kept open for re-reading: closes its handle when destroyed. Move-only.
//
// When descriptors run short — open() told not to keep one (the sampler's budget is spent), or the open failed
// with NoDescriptor — the file is read per read instead (readOnce: open, read, close each time). That costs
// about three times as much and is bound to the TID rather than to the task (a recycled TID could be read), but
// the task stays watched rather than silently dropped.
class KeptProcFile
{
public:
    KeptProcFile() = default;
    KeptProcFile(KeptProcFile &&other) noexcept;
    KeptProcFile &operator=(KeptProcFile &&other) noexcept;
    KeptProcFile(const KeptProcFile &) = delete;
    KeptProcFile &operator=(const KeptProcFile &) = delete;
    ~KeptProcFile();

    // Opens (pid, tid, file) of source, keeping a handle when `keep` and one can be had, else read per read;
    // `keptCount`, when given, counts the handles kept (incremented here, decremented when closed). An invalid
    // KeptProcFile with *result set when the file is gone or denied; *result is NoDescriptor for a per-read file
    // whose first read found no descriptor either.
    static KeptProcFile open(ProcSource *source, int pid, int tid, ProcSource::File file, ProcSource::Result *result,
                             bool keep = true, int *keptCount = nullptr);

    bool isOpen() const { return m_handle >= 0 || m_perRead; }
    bool isKept() const { return m_handle >= 0; }
    // See ProcSource::reread; Failed when not open.
    ProcSource::Result reread(char *buffer, qsizetype capacity, qsizetype *length) const;
    void reset();

private:
    ProcSource *m_source = nullptr;
    int m_handle = -1;
    int *m_keptCount = nullptr;
    bool m_perRead = false;
    int m_pid = 0;
    int m_tid = 0;
    ProcSource::File m_file = ProcSource::File::Stat;
};
