#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfoList>
#include <QString>

// The sessions folder: how recordings are named (YYYYMMDD-HHMMSS-<experiment>.jsonl, local time) and found again.
// Only files named like that count as sessions: anything else a user keeps in the folder is never touched.
class SessionFolder
{
    Q_DECLARE_TR_FUNCTIONS(SessionFolder)
public:
    // The file name for a session of `experiment` started at `localTime`; attempt 1 has no suffix, attempt N ≥ 2
    // ends in -N. Characters other than letters, digits, '.', '_' and '-' in the experiment id become '_'.
    static QString fileName(const QString &experiment, const QDateTime &localTime, int attempt = 1);
    // Makes `folder` ready for recordings: created 0700 when missing, closed to others (0700) when it is the
    // user's, refused when it is a link to a folder the user does not own. False and *error (one line) otherwise.
    static bool prepare(const QString &folder, QString *error);
    // Creates a new, empty session file (0600) in `folder` (made if missing) and returns its open descriptor (O_WRONLY |
    // O_APPEND | O_CLOEXEC) and its path. Never overwrites: a taken name gets the next suffix, decided by the
    // kernel (O_EXCL), so two ProcLabs starting in the same second cannot collide. -1 and *error on failure.
    static int createNewFile(const QString &folder, const QString &experiment, const QDateTime &localTime,
                             QString *path, QString *error);
    // Opens an explicit path (--log FILE) for writing under OutputTarget's rules: a new file 0600, a regular file
    // truncated, /dev/null or a FIFO written in place, a planted link refused. -1 and *error on failure.
    static int openExplicitFile(const QString &path, QString *error);
    // True for names createNewFile() makes (the experiment part only of the characters it keeps).
    static bool isSessionFileName(const QString &fileName);
    // The session files of `folder` — regular files of the user's with such a name, never links —, oldest first
    // (by the start time in the name, then the suffix).
    static QFileInfoList sessionFiles(const QString &folder);
};
