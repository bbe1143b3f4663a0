#pragma once

#include <QCoreApplication>
#include <QFileInfoList>
#include <QStringList>

// Keeps the sessions folder within a limit the user sets: at most the newest N sessions and at most B bytes.
// The oldest go first; the session being recorded is never deleted. The caller tells the user what went.
class SessionRetention
{
    Q_DECLARE_TR_FUNCTIONS(SessionRetention)
public:
    static constexpr int DefaultMaxSessions = 100;
    static constexpr qint64 DefaultMaxBytes = qint64(1) << 30;

    // A limit ≤ 0 means "no limit" for that measure.
    explicit SessionRetention(int maxSessions = DefaultMaxSessions, qint64 maxBytes = DefaultMaxBytes);

    int maxSessions() const { return m_maxSessions; }
    qint64 maxBytes() const { return m_maxBytes; }

    // Pure: given the session files oldest first (path and size), which to delete so that the rest fit.
    // `keep` (the file being recorded) is never chosen, though its size counts towards the limit.
    struct Entry
    {
        QString path;
        qint64 size = 0;
    };
    QStringList plan(const QList<Entry> &oldestFirst, const QString &keep = {}) const;
    // Applies plan() to the session files of `folder` (see SessionFolder) and returns the paths it deleted.
    QStringList enforce(const QString &folder, const QString &keep = {}) const;
    // One line for the user about what enforce() deleted (the CLI's stderr, the window's status bar).
    static QString deletedMessage(const QStringList &paths);

private:
    int m_maxSessions;
    qint64 m_maxBytes;
};
