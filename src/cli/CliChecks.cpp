#include "CliChecks.h"

#include "NumberText.h"
#include "session/OutputTarget.h"

#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

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
    const OutputTarget target = OutputTarget::inspect(path);
    if (!target.isRefused())
        return true;
    *error = u"--log: "_s + target.error();
    return false;
}
