#include "LabPaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <sys/stat.h>

using namespace Qt::Literals::StringLiterals;

QString LabPaths::workerProgram()
{
    const QString fromEnv = qEnvironmentVariable("PROCLAB_WORKER");
    if (!fromEnv.isEmpty() && QFileInfo(fromEnv).isExecutable())
        return fromEnv;
    const QString beside = QCoreApplication::applicationDirPath() + u"/proclab-worker"_s;
    if (QFileInfo(beside).isExecutable())
        return beside;
    return {};
}

QString LabPaths::labScript(const QString &name)
{
    const QString path = QDir::cleanPath(QCoreApplication::applicationDirPath() + u"/../share/proclab/python/"_s + name);
    return QFileInfo(path).isFile() ? path : QString();
}

QString LabPaths::pythonProgram()
{
    // The system's interpreter, not whatever python3 comes first in PATH: its layout is the one the GIL reader knows.
    const QString python = u"/usr/bin/python3"_s;
    return QFileInfo(python).isExecutable() ? QFileInfo(python).canonicalFilePath() : QString();
}

QString LabPaths::sessionsFolder()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/proclab/sessions"_s;
    // 0700 from the start: a recording can hold what a program printed (SessionFolder::prepare() closes an
    // older 0755 one when recording starts).
    QDir().mkpath(QFileInfo(folder).absolutePath());
    ::mkdir(QFile::encodeName(folder).constData(), 0700);
    return folder;
}
