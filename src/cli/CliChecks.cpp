#include "CliChecks.h"

#include "NumberText.h"
#include <QFileInfo>

bool CliChecks::interval(const QString &text, int *ms, QString *error)
{
    if (const std::optional<qint64> value = NumberText::whole(text, 50, 5000)) {
        *ms = int(*value);
        return true;
    }
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
