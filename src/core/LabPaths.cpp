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

QString LabPaths::sessionsFolder()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/proclab/sessions"_s;
    // 0700 from the start: a recording can hold what a program printed (SessionFolder::prepare() closes an
    // older 0755 one when recording starts).
    QDir().mkpath(QFileInfo(folder).absolutePath());
    ::mkdir(QFile::encodeName(folder).constData(), 0700);
    return folder;
}
