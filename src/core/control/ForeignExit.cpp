#include "ForeignExit.h"

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>

#include <sys/wait.h>

using namespace Qt::Literals::StringLiterals;

std::optional<ProcessExit> ForeignExit::fromStat(QByteArrayView text, quint64 startTime)
{
    // comm may hold spaces and ')': the fields start after the LAST ')'.
    const qsizetype close = text.lastIndexOf(')');
    if (close < 0 || close + 2 >= text.size())
        return std::nullopt;
    const QList<QByteArray> fields = text.sliced(close + 2).toByteArray().trimmed().split(' ');
    constexpr int StateIndex = 3 - 3;
    constexpr int StartTimeIndex = 22 - 3;
    constexpr int ExitCodeIndex = 52 - 3;
    if (fields.size() <= ExitCodeIndex || fields.at(StateIndex) != "Z")
        return std::nullopt;
    bool ok = false;
    if (startTime != 0 && fields.at(StartTimeIndex).toULongLong(&ok) != startTime)
        return std::nullopt;
    const int status = fields.at(ExitCodeIndex).toInt(&ok);
    if (!ok)
        return std::nullopt;
    ProcessExit exit;
    if (WIFSIGNALED(status)) {
        exit.signalled = true;
        exit.signal = WTERMSIG(status);
    } else {
        exit.code = WEXITSTATUS(status);
    }
    return exit;
}

std::optional<ProcessExit> ForeignExit::read(pid_t pid, quint64 startTime)
{
    QFile file(u"/proc/%1/stat"_s.arg(pid));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return std::nullopt;
    return fromStat(file.read(4096), startTime);
}
