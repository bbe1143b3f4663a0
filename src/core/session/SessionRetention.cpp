#include "SessionRetention.h"

#include "SessionFolder.h"

#include <QFile>
#include <QFileInfo>

SessionRetention::SessionRetention(int maxSessions, qint64 maxBytes) : m_maxSessions(maxSessions), m_maxBytes(maxBytes)
{}

QStringList SessionRetention::plan(const QList<Entry> &oldestFirst, const QString &keep) const
{
    qsizetype count = oldestFirst.size();
    qint64 bytes = 0;
    for (const Entry &entry : oldestFirst)
        bytes += entry.size;
    auto overLimit = [&] {
        return (m_maxSessions > 0 && count > m_maxSessions) || (m_maxBytes > 0 && bytes > m_maxBytes);
    };
    QStringList doomed;
    for (const Entry &entry : oldestFirst) {
        if (!overLimit())
            break;
        if (!keep.isEmpty() && entry.path == keep)
            continue;
        doomed << entry.path;
        --count;
        bytes -= entry.size;
    }
    return doomed;
}

QString SessionRetention::deletedMessage(const QStringList &paths)
{
    if (paths.isEmpty())
        return {};
    return tr("removed %n old session(s) from %1 to keep the sessions folder within its limit (oldest: %2)",
              nullptr, int(paths.size()))
        .arg(QFileInfo(paths.first()).absolutePath(), QFileInfo(paths.first()).fileName());
}

QStringList SessionRetention::enforce(const QString &folder, const QString &keep) const
{
    QList<Entry> entries;
    const QString kept = keep.isEmpty() ? QString() : QFileInfo(keep).absoluteFilePath();
    for (const QFileInfo &info : SessionFolder::sessionFiles(folder))
        entries << Entry{info.absoluteFilePath(), info.size()};
    QStringList deleted;
    for (const QString &path : plan(entries, kept)) {
        if (QFile::remove(path))
            deleted << path;
    }
    return deleted;
}
