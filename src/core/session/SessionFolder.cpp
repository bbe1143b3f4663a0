#include "SessionFolder.h"

#include <QDir>
#include <QRegularExpression>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>

using namespace Qt::Literals::StringLiterals;

namespace {
const QRegularExpression &sessionNamePattern()
{
    static const QRegularExpression pattern(u"^(\\d{8}-\\d{6})-(.+?)(?:-(\\d+))?\\.jsonl$"_s);
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

int SessionFolder::createNewFile(const QString &folder, const QString &experiment, const QDateTime &localTime,
                                 QString *path, QString *error)
{
    if (!QDir().mkpath(folder)) {
        *error = tr("cannot create the sessions folder %1").arg(folder);
        return -1;
    }
    for (int attempt = 1; attempt < 10000; ++attempt) {
        const QString candidate = QDir(folder).filePath(fileName(experiment, localTime, attempt));
        const int fd =
            ::open(QFile::encodeName(candidate).constData(), O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0644);
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
    const int fd =
        ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0)
        *error = tr("cannot write %1: %2").arg(path, errnoText(errno));
    return fd;
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
        if (isSessionFileName(entry.fileName()))
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
