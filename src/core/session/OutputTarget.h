#pragma once

#include <QCoreApplication>
#include <QString>

#include <sys/types.h>

// A file ProcLab is told to write (export --output, run/exec --log): the one rule for every such path.
//
// - An existing character device or FIFO (/dev/null, a pipe) is written in place: opened without O_CREAT or
//   O_TRUNC and never replaced by a regular file, as any Unix tool does. Block devices, sockets and folders are
//   refused.
// - A symbolic link in a sticky, world-writable folder (/tmp) is followed only when it belongs to the user or to
//   the folder's owner: the kernel's protected_symlinks rule, applied by ProcLab itself because the sysctl may be
//   off (and does not apply to root's renames). A link whose target does not exist is refused.
// - Companion files (the CSV tables beside FILE) are made only for regular targets.
// - A target is identified by device and inode, so that the input of an export can never be one of its outputs,
//   whatever name (a link, another path, a hard link) reaches it.
class OutputTarget
{
    Q_DECLARE_TR_FUNCTIONS(OutputTarget)
public:
    enum class Kind
    {
        Refused, // see error()
        New,     // nothing there yet: created
        Regular, // an existing regular file: replaced or truncated
        InPlace  // an existing character device or FIFO: written in place
    };

    struct Identity
    {
        dev_t device = 0;
        ino_t inode = 0;
        bool exists = false;
        bool operator==(const Identity &other) const
        {
            return exists && other.exists && device == other.device && inode == other.inode;
        }
    };
    // The file a path reaches (links followed); exists is false when nothing is there.
    static Identity identityOf(const QString &path);

    // Decides what `path` is and whether ProcLab may write it. The folder of a new file must exist and be
    // writable, an existing regular file must be writable.
    static OutputTarget inspect(const QString &path);

    Kind kind() const { return m_kind; }
    bool isRefused() const { return m_kind == Kind::Refused; }
    // One line for the user, naming the path; empty unless refused.
    QString error() const { return m_error; }
    QString path() const { return m_path; }
    // The path to replace or create: the link's target when `path` is a link, else `path` itself.
    QString resolvedPath() const { return m_resolved; }
    Identity identity() const { return m_identity; }
    bool allowsCompanions() const { return m_kind == Kind::New || m_kind == Kind::Regular; }

    // Opens the target for appending a session (--log): a new file is made 0600 (O_EXCL, so nothing planted in
    // between is followed), a regular file is truncated only after checking that the file opened is the one
    // inspected, a device or FIFO is opened as it is. -1 and *error (one line) on failure.
    int openForRecording(QString *error) const;
    // Opens an InPlace target for writing, without creating or truncating anything. -1 and *error on failure.
    int openInPlace(QString *error) const;

private:
    static OutputTarget refused(const QString &path, const QString &error);

    Kind m_kind = Kind::Refused;
    QString m_path;
    QString m_resolved;
    QString m_error;
    Identity m_identity;
};
