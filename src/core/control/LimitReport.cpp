#include "LimitReport.h"

#include "ControlEvents.h"

#include <QDir>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <sys/resource.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

QString LimitReport::softLimit(int resource)
{
    rlimit limit{};
    if (::getrlimit(resource, &limit) != 0)
        return tr("unknown");
    if (limit.rlim_cur == RLIM_INFINITY)
        return tr("unlimited");
    return QString::number(quint64(limit.rlim_cur));
}

int LimitReport::openFiles()
{
    const QDir fds(u"/proc/self/fd"_s);
    if (!fds.exists())
        return -1;
    return int(fds.entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot).size());
}

int LimitReport::userTasks()
{
    // RLIMIT_NPROC counts the real user's tasks: every thread of every process of theirs.
    const uint uid = ::getuid();
    int count = 0;
    const QStringList entries = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool isPid = false;
        entry.toInt(&isPid);
        if (!isPid)
            continue;
        const QString folder = u"/proc/"_s + entry;
        if (QFileInfo(folder).ownerId() != uid)
            continue;
        count += int(QDir(folder + u"/task"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size());
    }
    return count;
}

QString LimitReport::why(int error)
{
    const QString name = ControlEvents::errnoName(error);
    switch (error) {
    case EAGAIN:
        if (::geteuid() == 0) // root is not held by RLIMIT_NPROC: the system's PID or thread space is full
            return tr("the system refused a new task (%1): the system's limit on processes and threads "
                      "(kernel.pid_max, kernel.threads-max) is reached").arg(name);
        return tr("the system refused a new task (%1): the per-user limit on processes and threads (RLIMIT_NPROC) "
                  "is %2, and this user runs %3 of them").arg(name, softLimit(RLIMIT_NPROC)).arg(userTasks());
    case EMFILE:
        return tr("out of file descriptors (%1): the open-file limit (RLIMIT_NOFILE) is %2, and %3 are open")
            .arg(name, softLimit(RLIMIT_NOFILE)).arg(openFiles());
    case ENFILE:
        return tr("the system's table of open files is full (%1, fs.file-max)").arg(name);
    default:
        return QString::fromLocal8Bit(std::strerror(error)) + u" ("_s + name + u')';
    }
}
