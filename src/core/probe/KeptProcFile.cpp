#include "KeptProcFile.h"

#include <utility>

KeptProcFile::KeptProcFile(KeptProcFile &&other) noexcept
    : m_source(other.m_source), m_handle(std::exchange(other.m_handle, -1))
{
}

KeptProcFile &KeptProcFile::operator=(KeptProcFile &&other) noexcept
{
    if (this != &other) {
        reset();
        m_source = other.m_source;
        m_handle = std::exchange(other.m_handle, -1);
    }
    return *this;
}

KeptProcFile::~KeptProcFile()
{
    reset();
}

KeptProcFile KeptProcFile::open(ProcSource *source, int pid, int tid, ProcSource::File file,
                                ProcSource::Result *result)
{
    const int handle = source->open(pid, tid, file, result);
    return handle >= 0 ? KeptProcFile(source, handle) : KeptProcFile();
}

ProcSource::Result KeptProcFile::reread(char *buffer, qsizetype capacity, qsizetype *length) const
{
    if (m_handle < 0)
        return ProcSource::Result::Failed;
    return m_source->reread(m_handle, buffer, capacity, length);
}

void KeptProcFile::reset()
{
    if (m_handle >= 0 && m_source)
        m_source->close(m_handle);
    m_handle = -1;
}
