#include "LessonJournal.h"

#include "FileWrite.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QStandardPaths>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {
constexpr int MaxChoice = 9;
constexpr qsizetype MaxPath = 4096;

bool isVerdictName(const QString &name)
{
    return name == u"observed"_s || name == u"not_observed"_s || name == u"inconclusive"_s;
}

// An open file of ours that we may write: a regular file owned by this user.
bool isOurRegularFile(int fd)
{
    struct stat st {};
    return ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == ::geteuid();
}

QByteArray readTail(int fd, qint64 limit)
{
    struct stat st {};
    if (::fstat(fd, &st) != 0)
        return {};
    const qint64 from = std::max<qint64>(0, st.st_size - limit);
    QByteArray bytes(qsizetype(st.st_size - from), Qt::Uninitialized);
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::pread(fd, bytes.data() + done, size_t(bytes.size() - done), off_t(from + done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        done += n;
    }
    bytes.truncate(done);
    // Started inside a line: that line is not whole.
    if (from > 0) {
        const qsizetype newline = bytes.indexOf('\n');
        bytes = newline < 0 ? QByteArray() : bytes.mid(newline + 1);
    }
    return bytes;
}

QList<LessonAttempt> parse(const QByteArray &bytes, int *skipped)
{
    QList<LessonAttempt> attempts;
    int bad = 0;
    for (const QByteArray &line : bytes.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        const auto attempt = document.isObject() ? LessonAttempt::fromJson(document.object()) : std::nullopt;
        if (attempt)
            attempts << *attempt;
        else
            ++bad;
    }
    if (skipped)
        *skipped = bad;
    return attempts;
}
} // namespace

QJsonObject LessonAttempt::toJson() const
{
    QJsonObject object{{u"when"_s, when},       {u"experiment"_s, experiment}, {u"predicted"_s, predicted},
                       {u"answer"_s, answer},   {u"verdict"_s, verdict},       {u"detail"_s, detail}};
    if (!session.isEmpty())
        object.insert(u"session"_s, session);
    return object;
}

std::optional<LessonAttempt> LessonAttempt::fromJson(const QJsonObject &object)
{
    static const QRegularExpression id(u"^[a-z0-9][a-z0-9-]{0,39}$"_s);
    const auto integer = [&](const QString &key, qint64 low, qint64 high) -> std::optional<qint64> {
        const QJsonValue value = object.value(key);
        if (!value.isDouble())
            return std::nullopt;
        const double number = value.toDouble();
        if (number != std::floor(number) || number < double(low) || number > double(high))
            return std::nullopt;
        return qint64(number);
    };
    LessonAttempt attempt;
    const auto when = integer(u"when"_s, 1, qint64(1) << 40);
    const auto predicted = integer(u"predicted"_s, -1, MaxChoice);
    const auto answer = integer(u"answer"_s, -1, MaxChoice);
    if (!when || !predicted || !answer)
        return std::nullopt;
    attempt.when = *when;
    attempt.predicted = int(*predicted);
    attempt.answer = int(*answer);
    attempt.experiment = object.value(u"experiment"_s).toString();
    attempt.verdict = object.value(u"verdict"_s).toString();
    attempt.detail = object.value(u"detail"_s).toString();
    attempt.session = object.value(u"session"_s).toString();
    if (!id.match(attempt.experiment).hasMatch() || !isVerdictName(attempt.verdict)
        || attempt.detail.size() > LessonAttempt::MaxDetail || attempt.session.size() > MaxPath
        || (object.contains(u"session"_s) && !object.value(u"session"_s).isString()))
        return std::nullopt;
    return attempt;
}

LessonJournal::LessonJournal(const QString &path)
    : m_path(path)
{
}

QString LessonJournal::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/proclab/lesson-journal.jsonl"_s;
}

bool LessonJournal::append(const LessonAttempt &attempt, QString *error)
{
    const QString folder = QFileInfo(m_path).absolutePath();
    if (!QFileInfo::exists(folder)) {
        QDir().mkpath(QFileInfo(folder).absolutePath());
        ::mkdir(QFile::encodeName(folder).constData(), 0700);
    }
    const QByteArray path = QFile::encodeName(m_path);
    const int fd = ::open(path.constData(), O_RDWR | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (error)
            *error = tr("cannot write the lesson journal %1: %2").arg(m_path, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    bool ok = isOurRegularFile(fd);
    if (!ok && error)
        *error = tr("the lesson journal %1 is not a regular file of yours; it was left alone").arg(m_path);
    struct stat st {};
    if (ok && ::fstat(fd, &st) == 0 && st.st_size > MaxBytes)
        ok = compact(fd, error);
    if (ok) {
        const QByteArray line = QJsonDocument(attempt.toJson()).toJson(QJsonDocument::Compact) + '\n';
        ok = FileWrite::whole(fd, line);
        if (!ok && error)
            *error = tr("cannot write the lesson journal %1: %2").arg(m_path, QString::fromLocal8Bit(std::strerror(errno)));
    }
    ::close(fd);
    return ok;
}

bool LessonJournal::compact(int fd, QString *error) const
{
    // The newest attempts only — half the bound, so that the next compaction is far off —, written to a new file
    // beside it and renamed over it: a crash half-way leaves the old journal whole.
    QList<LessonAttempt> kept = parse(readTail(fd, MaxBytes / 2), nullptr);
    if (kept.size() > KeepAttempts)
        kept = kept.mid(kept.size() - KeepAttempts);
    QByteArray bytes;
    for (const LessonAttempt &attempt : std::as_const(kept))
        bytes += QJsonDocument(attempt.toJson()).toJson(QJsonDocument::Compact) + '\n';
    const QByteArray temporary = QFile::encodeName(m_path + u".new"_s);
    ::unlink(temporary.constData()); // ours: the name of an earlier compaction that did not finish
    const int out = ::open(temporary.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    const bool ok = out >= 0 && FileWrite::whole(out, bytes) && ::fsync(out) == 0;
    if (out >= 0)
        ::close(out);
    if (!ok || ::rename(temporary.constData(), QFile::encodeName(m_path).constData()) != 0) {
        ::unlink(temporary.constData());
        if (error)
            *error = tr("cannot shorten the lesson journal %1: %2").arg(m_path, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    // The descriptor still names the old file: append to the new one instead.
    const int fresh = ::open(QFile::encodeName(m_path).constData(), O_WRONLY | O_APPEND | O_NOFOLLOW | O_CLOEXEC);
    if (fresh < 0 || ::dup2(fresh, fd) < 0) {
        if (fresh >= 0)
            ::close(fresh);
        if (error)
            *error = tr("cannot write the lesson journal %1: %2").arg(m_path, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    ::close(fresh);
    return true;
}

QList<LessonAttempt> LessonJournal::attempts(int *skipped, QString *error) const
{
    if (skipped)
        *skipped = 0;
    const int fd = ::open(QFile::encodeName(m_path).constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        if (errno != ENOENT && error)
            *error = tr("cannot read the lesson journal %1: %2").arg(m_path, QString::fromLocal8Bit(std::strerror(errno)));
        return {};
    }
    QList<LessonAttempt> attempts;
    if (isOurRegularFile(fd))
        attempts = parse(readTail(fd, MaxBytes), skipped);
    else if (error)
        *error = tr("the lesson journal %1 is not a regular file of yours; it was not read").arg(m_path);
    ::close(fd);
    return attempts;
}
