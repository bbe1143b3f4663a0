#include "SessionFolder.h"

#include "OutputTarget.h"

#include <QDir>
#include <QRegularExpression>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {
const QRegularExpression &sessionNamePattern()
{
    // The experiment part only of what sanitised() keeps: a name ProcLab cannot have made is never a session.
    static const QRegularExpression pattern(
        u"^(\\d{8}-\\d{6})-([A-Za-z0-9_-][A-Za-z0-9._-]{0,63}?)(?:-(\\d+))?\\.jsonl$"_s);
    return pattern;
}

QString sanitised(const QString &experiment)
{
    QString name;
    name.reserve(experiment.size());
    for (const QChar c : experiment) {
        const bool plain = (c.unicode() < 0x80 && c.isLetterOrNumber()) || c == u'.' || c == u'_' || c == u'-';
        name += plain ? c : u'_';
    }
    // A leading dot would hide the file; an empty id still needs a name.
    while (name.startsWith(u'.'))
        name.remove(0, 1);
    return name.isEmpty() ? u"session"_s : name.left(64);
}

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}
} // namespace

QString SessionFolder::fileName(const QString &experiment, const QDateTime &localTime, int attempt)
{
    QString name = localTime.toString(u"yyyyMMdd-HHmmss"_s) + u'-' + sanitised(experiment);
    if (attempt > 1)
        name += u'-' + QString::number(attempt);
    return name + u".jsonl"_s;
}

bool SessionFolder::prepare(const QString &folder, QString *error)
{
    const QByteArray path = QFile::encodeName(folder);
    struct stat st{};
    if (::lstat(path.constData(), &st) != 0) {
        // Made 0700 (the parents as mkpath makes them): recordings may hold what a program printed.
        const QString parent = QFileInfo(folder).absolutePath();
        if (!QDir().mkpath(parent) || (::mkdir(path.constData(), 0700) != 0 && errno != EEXIST)) {
            *error = tr("cannot create the sessions folder %1").arg(folder);
            return false;
        }
    } else if (S_ISLNK(st.st_mode)) {
        // Retention deletes in this folder: a link to a folder of someone else's (planted, or left by another
        // account) must not make ProcLab delete or write there.
        struct stat target{};
        if (::stat(path.constData(), &target) != 0 || !S_ISDIR(target.st_mode) || target.st_uid != ::geteuid()) {
            *error = tr("the sessions folder %1 is a link to a folder that is not yours; refused").arg(folder);
            return false;
        }
    }
    if (::stat(path.constData(), &st) != 0 || !S_ISDIR(st.st_mode)) {
        *error = tr("the sessions folder %1 is not a folder").arg(folder);
        return false;
    }
    // A folder made by an older ProcLab was 0755: close it to others, when it is ours to change.
    if (st.st_uid == ::geteuid() && (st.st_mode & 0077) != 0)
        ::chmod(path.constData(), st.st_mode & 07700);
    return true;
}

int SessionFolder::createNewFile(const QString &folder, const QString &experiment, const QDateTime &localTime,
                                 QString *path, QString *error)
{
    if (!prepare(folder, error))
        return -1;
    for (int attempt = 1; attempt < 10000; ++attempt) {
        const QString candidate = QDir(folder).filePath(fileName(experiment, localTime, attempt));
        const int fd = ::open(QFile::encodeName(candidate).constData(),
                              O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_APPEND | O_CLOEXEC, 0600);
        if (fd >= 0) {
            *path = candidate;
            return fd;
        }
        if (errno != EEXIST) {
            *error = tr("cannot create %1: %2").arg(candidate, errnoText(errno));
            return -1;
        }
    }
    *error = tr("cannot find a free file name in %1").arg(folder);
    return -1;
}

int SessionFolder::openExplicitFile(const QString &path, QString *error)
{
    return OutputTarget::inspect(path).openForRecording(error);
}

bool SessionFolder::isSessionFileName(const QString &fileName)
{
    return sessionNamePattern().match(fileName).hasMatch();
}

QFileInfoList SessionFolder::sessionFiles(const QString &folder)
{
    QFileInfoList files;
    const QFileInfoList entries = QDir(folder).entryInfoList({u"*.jsonl"_s}, QDir::Files | QDir::NoDotAndDotDot);
    for (const QFileInfo &entry : entries) {
        // Only regular files of the user's, never a link (QDir::Files lists the links to files too).
        if (isSessionFileName(entry.fileName()) && !entry.isSymLink() && entry.ownerId() == ::geteuid())
            files << entry;
    }
    auto key = [](const QFileInfo &info) {
        const QRegularExpressionMatch match = sessionNamePattern().match(info.fileName());
        const int suffix = match.captured(3).isEmpty() ? 1 : match.captured(3).toInt();
        return std::tuple(match.captured(1), suffix, info.fileName());
    };
    std::sort(files.begin(), files.end(), [&](const QFileInfo &a, const QFileInfo &b) { return key(a) < key(b); });
    return files;
}
