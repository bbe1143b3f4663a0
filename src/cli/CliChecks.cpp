#include "CliChecks.h"

#include "session/OutputTarget.h"

using namespace Qt::Literals::StringLiterals;

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
    const OutputTarget target = OutputTarget::inspect(path);
    if (!target.isRefused())
        return true;
    *error = u"--log: "_s + target.error();
    return false;
}
