#include "OutputTarget.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {
QByteArray encoded(const QString &path)
{
    return QFile::encodeName(path);
}

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

OutputTarget::Identity identityFrom(const struct stat &st)
{
    return {st.st_dev, st.st_ino, true};
}

// The kernel's protected_symlinks rule (fs/namei.c, may_follow_link): a link in a sticky world-writable folder is
// followed only by its owner, or when the folder's owner owns it too.
bool linkMayBeFollowed(const struct stat &link, const struct stat &folder)
{
    const bool shared = (folder.st_mode & S_ISVTX) && (folder.st_mode & S_IWOTH);
    return !shared || link.st_uid == ::geteuid() || link.st_uid == folder.st_uid;
}
} // namespace

OutputTarget::Identity OutputTarget::identityOf(const QString &path)
{
    struct stat st{};
    if (::stat(encoded(path).constData(), &st) != 0)
        return {};
    return identityFrom(st);
}

OutputTarget OutputTarget::refused(const QString &path, const QString &error)
{
    OutputTarget target;
    target.m_path = path;
    target.m_error = error;
    return target;
}

OutputTarget OutputTarget::inspect(const QString &path)
{
    if (path.isEmpty())
        return refused(path, tr("an output needs a file name"));
    const QString folder = QFileInfo(path).absolutePath();
    struct stat folderStat{};
    if (::stat(encoded(folder).constData(), &folderStat) != 0 || !S_ISDIR(folderStat.st_mode))
        return refused(path, tr("cannot write %1: its folder does not exist").arg(path));

    OutputTarget target;
    target.m_path = path;
    target.m_resolved = path;
    struct stat linkStat{};
    if (::lstat(encoded(path).constData(), &linkStat) != 0) {
        if (errno != ENOENT)
            return refused(path, tr("cannot write %1: %2").arg(path, errnoText(errno)));
        if (::access(encoded(folder).constData(), W_OK | X_OK) != 0)
            return refused(path, tr("cannot write %1: its folder is not writable").arg(path));
        target.m_kind = Kind::New;
        return target;
    }
    if (S_ISLNK(linkStat.st_mode)) {
        if (!linkMayBeFollowed(linkStat, folderStat))
            return refused(path, tr("%1 is a link that another user made in the shared folder %2; refused, as the "
                                    "kernel's protected_symlinks rule says")
                                     .arg(path, folder));
        const QString resolved = QFileInfo(path).canonicalFilePath();
        if (resolved.isEmpty())
            return refused(path, tr("%1 is a link to a file that does not exist; give the file itself").arg(path));
        OutputTarget followed = inspect(resolved);
        followed.m_path = path;
        return followed;
    }
    target.m_identity = identityFrom(linkStat);
    if (S_ISDIR(linkStat.st_mode))
        return refused(path, tr("%1 is a folder; give a file name").arg(path));
    if (S_ISCHR(linkStat.st_mode) || S_ISFIFO(linkStat.st_mode)) {
        target.m_kind = Kind::InPlace;
        return target;
    }
    if (!S_ISREG(linkStat.st_mode))
        return refused(path, tr("%1 is not a regular file, a character device or a FIFO; refused").arg(path));
    if (::access(encoded(path).constData(), W_OK) != 0)
        return refused(path, tr("cannot write %1: %2").arg(path, errnoText(errno)));
    target.m_kind = Kind::Regular;
    return target;
}

int OutputTarget::openInPlace(QString *error) const
{
    if (m_kind != Kind::InPlace) {
        *error = tr("cannot write %1 in place").arg(m_path);
        return -1;
    }
    const int fd = ::open(encoded(m_resolved).constData(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        *error = tr("cannot write %1: %2").arg(m_path, errnoText(errno));
        return -1;
    }
    struct stat st{};
    if (::fstat(fd, &st) != 0 || !(identityFrom(st) == m_identity)) {
        ::close(fd);
        *error = tr("cannot write %1: it changed while it was being opened").arg(m_path);
        return -1;
    }
    return fd;
}

int OutputTarget::openForRecording(QString *error) const
{
    const QByteArray path = encoded(m_resolved);
    switch (m_kind) {
    case Kind::Refused:
        *error = m_error;
        return -1;
    case Kind::InPlace: {
        const int fd = openInPlace(error);
        // O_APPEND keeps the recorder's rollback (ftruncate to the last whole line) right for files; a device
        // ignores both.
        if (fd >= 0)
            ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_APPEND);
        return fd;
    }
    case Kind::New: {
        // 0600: a program's output can hold secrets. O_EXCL | O_NOFOLLOW: a link or a file planted since
        // inspect() is not followed.
        const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_APPEND | O_CLOEXEC, 0600);
        if (fd < 0)
            *error = tr("cannot write %1: %2").arg(m_path, errnoText(errno));
        return fd;
    }
    case Kind::Regular: {
        const int fd = ::open(path.constData(), O_WRONLY | O_NOFOLLOW | O_NOCTTY | O_APPEND | O_CLOEXEC);
        if (fd < 0) {
            *error = tr("cannot write %1: %2").arg(m_path, errnoText(errno));
            return -1;
        }
        struct stat st{};
        if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || !(identityFrom(st) == m_identity)) {
            ::close(fd);
            *error = tr("cannot write %1: it changed while it was being opened").arg(m_path);
            return -1;
        }
        if (::ftruncate(fd, 0) != 0) {
            *error = tr("cannot write %1: %2").arg(m_path, errnoText(errno));
            ::close(fd);
            return -1;
        }
        return fd;
    }
    }
    return -1;
}
