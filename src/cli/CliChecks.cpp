#include "CliChecks.h"

#include <QFileInfo>

bool CliChecks::interval(const QString &text, int *ms, QString *error)
{
    bool ok = false;
    *ms = text.toInt(&ok);
    if (ok && *ms >= 50 && *ms <= 5000)
        return true;
    *error = tr("--interval takes milliseconds from 50 to 5000, got '%1'").arg(text);
    return false;
}

bool CliChecks::logPath(const QString &path, QString *error)
{
    const QFileInfo folder(QFileInfo(path).absolutePath());
    if (folder.isDir() && folder.isWritable())
        return true;
    *error = tr("cannot write --log '%1': its folder does not exist or is not writable").arg(path);
    return false;
}
