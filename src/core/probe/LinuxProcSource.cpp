#include "LinuxProcSource.h"

#include "ProcParser.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

namespace {
const char *fileName(ProcSource::File file)
{
    switch (file) {
    case ProcSource::File::SystemStat: return "stat";
    case ProcSource::File::Stat: return "stat";
    case ProcSource::File::Schedstat: return "schedstat";
    case ProcSource::File::Status: return "status";
    case ProcSource::File::Syscall: return "syscall";
    case ProcSource::File::Wchan: return "wchan";
    case ProcSource::File::Cmdline: return "cmdline";
    case ProcSource::File::Maps: return "maps";
    case ProcSource::File::NetUnix: return "net/unix";
    }
    return "";
}

bool isNumber(const char *name)
{
    if (*name == '\0')
        return false;
    for (; *name; ++name) {
        if (*name < '0' || *name > '9')
            return false;
    }
    return true;
}
} // namespace

LinuxProcSource::LinuxProcSource(const QString &root)
    : m_root(root.toLocal8Bit())
{
    while (m_root.size() > 1 && m_root.endsWith('/'))
        m_root.chop(1);
}

bool LinuxProcSource::pathOf(int pid, int tid, File file, char *buffer, size_t size) const
{
    int written = 0;
    if (file == File::SystemStat || file == File::NetUnix)
        written = std::snprintf(buffer, size, "%s/%s", m_root.constData(), fileName(file));
    else if (tid == 0)
        written = std::snprintf(buffer, size, "%s/%d/%s", m_root.constData(), pid, fileName(file));
    else
        written = std::snprintf(buffer, size, "%s/%d/task/%d/%s", m_root.constData(), pid, tid, fileName(file));
    return written > 0 && size_t(written) < size;
}

ProcSource::Result LinuxProcSource::resultOf(int error)
{
    switch (error) {
    case ESRCH:
    case ENOENT:
        return Result::Gone;
    case EACCES:
    case EPERM:
        return Result::Denied;
    case EMFILE:
    case ENFILE:
        return Result::NoDescriptor;
    default:
        return Result::Failed;
    }
}

std::optional<QList<int>> LinuxProcSource::numericEntries(const char *path)
{
    DIR *dir = ::opendir(path);
    if (!dir)
        return std::nullopt;
    QList<int> ids;
    while (const dirent *entry = ::readdir(dir)) {
        if (isNumber(entry->d_name))
            ids.append(int(std::strtol(entry->d_name, nullptr, 10)));
    }
    ::closedir(dir);
    std::sort(ids.begin(), ids.end());
    return ids;
}

QList<int> LinuxProcSource::listProcesses() const
{
    return numericEntries(m_root.constData()).value_or(QList<int>());
}

std::optional<QList<int>> LinuxProcSource::listThreads(int pid) const
{
    char path[512];
    std::snprintf(path, sizeof path, "%s/%d/task", m_root.constData(), pid);
    return numericEntries(path);
}

bool LinuxProcSource::processExists(int pid) const
{
    char path[512];
    std::snprintf(path, sizeof path, "%s/%d/task", m_root.constData(), pid);
    return ::access(path, F_OK) == 0;
}

QList<int> LinuxProcSource::listChildren(int pid, int tid) const
{
    char path[512];
    std::snprintf(path, sizeof path, "%s/%d/task/%d/children", m_root.constData(), pid, tid);
    const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return {};
    QByteArray text;
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        text.append(buffer, n);
    }
    ::close(fd);
    return ProcParser::parsePidList(text);
}

int LinuxProcSource::open(int pid, int tid, File file, Result *result)
{
    char path[512];
    if (!pathOf(pid, tid, file, path, sizeof path)) {
        *result = Result::Failed;
        return -1;
    }
    const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    *result = fd >= 0 ? Result::Ok : resultOf(errno);
    return fd;
}

ProcSource::Result LinuxProcSource::reread(int handle, char *buffer, qsizetype capacity, qsizetype *length)
{
    ssize_t n;
    do {
        n = ::pread(handle, buffer, size_t(capacity), 0);
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
        *length = 0;
        return resultOf(errno);
    }
    *length = n;
    return Result::Ok;
}

void LinuxProcSource::close(int handle)
{
    if (handle >= 0)
        ::close(handle);
}

ProcSource::Result LinuxProcSource::readOnce(int pid, int tid, File file, QByteArray *contents) const
{
    char path[512];
    contents->clear();
    if (!pathOf(pid, tid, file, path, sizeof path))
        return Result::Failed;
    const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return resultOf(errno);
    char buffer[4096];
    Result result = Result::Ok;
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            result = resultOf(errno);
        if (n <= 0)
            break;
        if (contents->size() + n > MaxReadOnceBytes) {
            contents->append(buffer, MaxReadOnceBytes - contents->size());
            result = Result::Failed;
            break;
        }
        contents->append(buffer, n);
    }
    ::close(fd);
    return result;
}

QList<int> LinuxProcSource::listDescriptors(int pid) const
{
    char path[512];
    std::snprintf(path, sizeof path, "%s/%d/fd", m_root.constData(), pid);
    return numericEntries(path).value_or(QList<int>());
}

QByteArray LinuxProcSource::fdTarget(int pid, int fd) const
{
    char path[512];
    std::snprintf(path, sizeof path, "%s/%d/fd/%d", m_root.constData(), pid, fd);
    char target[512];
    const ssize_t n = ::readlink(path, target, sizeof target - 1);
    if (n <= 0)
        return {};
    return QByteArray(target, n);
}
