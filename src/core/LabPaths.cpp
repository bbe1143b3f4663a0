#include "LabPaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

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
    QDir().mkpath(folder);
    return folder;
}
