#pragma once

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

// Copies `files` into `folder` (a QTemporaryDir the caller keeps) and opens the folder and the copies to every user:
// a test that runs ProcLab as another user (nobody, to meet RLIMIT_NPROC, which root ignores) cannot run it from a
// build tree inside a private home folder (mode 0700, Debian's default since bookworm). Returns the folder's path,
// or an empty string with *error saying what failed.
QString sharedCopy(const QStringList &files, QTemporaryDir &folder, QString *error);
