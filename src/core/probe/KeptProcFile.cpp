#include "KeptProcFile.h"

#include <algorithm>
#include <cstring>
#include <utility>

KeptProcFile::KeptProcFile(KeptProcFile &&other) noexcept
    : m_source(other.m_source)
    , m_handle(std::exchange(other.m_handle, -1))
    , m_keptCount(std::exchange(other.m_keptCount, nullptr))
    , m_perRead(std::exchange(other.m_perRead, false))
    , m_pid(other.m_pid)
    , m_tid(other.m_tid)
    , m_file(other.m_file)
{
}

KeptProcFile &KeptProcFile::operator=(KeptProcFile &&other) noexcept
{
    if (this != &other) {
        reset();
        m_source = other.m_source;
        m_handle = std::exchange(other.m_handle, -1);
        m_keptCount = std::exchange(other.m_keptCount, nullptr);
        m_perRead = std::exchange(other.m_perRead, false);
        m_pid = other.m_pid;
        m_tid = other.m_tid;
        m_file = other.m_file;
    }
    return *this;
}

KeptProcFile::~KeptProcFile()
{
    reset();
}

KeptProcFile KeptProcFile::open(ProcSource *source, int pid, int tid, ProcSource::File file,
                                ProcSource::Result *result, bool keep, int *keptCount)
{
    KeptProcFile kept;
    kept.m_source = source;
    kept.m_pid = pid;
    kept.m_tid = tid;
    kept.m_file = file;
    if (keep) {
        kept.m_handle = source->open(pid, tid, file, result);
        if (kept.m_handle >= 0) {
            kept.m_keptCount = keptCount;
            if (keptCount)
                ++*keptCount;
            return kept;
        }
        if (*result != ProcSource::Result::NoDescriptor)
            return KeptProcFile();
    }
    // Read per read: one read now tells whether the task is there at all.
    QByteArray contents;
    *result = source->readOnce(pid, tid, file, &contents);
    if (*result != ProcSource::Result::Ok && *result != ProcSource::Result::NoDescriptor)
        return KeptProcFile();
    kept.m_perRead = true;
    return kept;
}

ProcSource::Result KeptProcFile::reread(char *buffer, qsizetype capacity, qsizetype *length) const
{
    if (m_handle >= 0)
        return m_source->reread(m_handle, buffer, capacity, length);
    if (!m_perRead)
        return ProcSource::Result::Failed;
    QByteArray contents;
    const ProcSource::Result result = m_source->readOnce(m_pid, m_tid, m_file, &contents);
    *length = std::min(capacity, contents.size());
    std::memcpy(buffer, contents.constData(), size_t(*length));
    return result;
}

void KeptProcFile::reset()
{
    if (m_handle >= 0 && m_source) {
        m_source->close(m_handle);
        if (m_keptCount)
            --*m_keptCount;
    }
    m_handle = -1;
    m_keptCount = nullptr;
    m_perRead = false;
}
