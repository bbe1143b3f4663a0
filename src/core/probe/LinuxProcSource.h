#pragma once

#include "ProcSource.h"

#include <QString>

// ProcSource over a Linux /proc tree. The root is a constructor argument so that tests can point it at a fake
// tree built in a temporary directory; the layout below the root is the kernel's.
//
// Kept handles are plain file descriptors re-read with pread(fd, …, 0): /proc regenerates the text on every read
// from offset 0, so one open() serves the whole life of the task. After the task is reaped, the kernel answers
// ESRCH on such a descriptor.
class LinuxProcSource : public ProcSource
{
public:
    explicit LinuxProcSource(const QString &root = QStringLiteral("/proc"));
    ~LinuxProcSource() override = default;

    QList<int> listProcesses() const override;
    std::optional<QList<int>> listThreads(int pid) const override;
    bool processExists(int pid) const override;
    QList<int> listChildren(int pid, int tid) const override;
    int open(int pid, int tid, File file, Result *result) override;
    Result reread(int handle, char *buffer, qsizetype capacity, qsizetype *length) override;
    void close(int handle) override;
    Result readOnce(int pid, int tid, File file, QByteArray *contents) const override;
    QByteArray fdTarget(int pid, int fd) const override;
    QList<int> listDescriptors(int pid) const override;

    QString root() const { return QString::fromLocal8Bit(m_root); }

private:
    // Writes the path of (pid, tid, file) into buffer; false when it does not fit.
    bool pathOf(int pid, int tid, File file, char *buffer, size_t size) const;
    static Result resultOf(int error);
    // Numeric entries of a directory, ascending; nullopt when it cannot be opened.
    static std::optional<QList<int>> numericEntries(const char *path);

    QByteArray m_root; // without a trailing '/'
};
