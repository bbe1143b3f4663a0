#include "ChildScanner.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

std::optional<ChildStat> ChildScanner::parseStat(QByteArrayView text)
{
    const qsizetype open = text.indexOf('(');
    const qsizetype close = text.lastIndexOf(')');
    if (open <= 0 || close < open || close + 2 >= text.size())
        return std::nullopt;
    // Fields after comm, numbered from 3 (state).
    const QList<QByteArray> fields = text.sliced(close + 2).toByteArray().trimmed().split(' ');
    constexpr int StartTimeIndex = 22 - 3;
    if (fields.size() <= StartTimeIndex || fields.at(0).size() != 1)
        return std::nullopt;
    ChildStat stat;
    bool ok[4] = {};
    stat.state = fields.at(0).at(0);
    stat.parent = fields.at(4 - 3).toInt(&ok[0]);
    stat.processGroup = fields.at(5 - 3).toInt(&ok[1]);
    stat.session = fields.at(6 - 3).toInt(&ok[2]);
    stat.startTime = fields.at(StartTimeIndex).toULongLong(&ok[3]);
    if (!std::all_of(std::begin(ok), std::end(ok), [](bool b) { return b; }))
        return std::nullopt;
    return stat;
}

std::optional<ChildStat> ChildScanner::readStat(pid_t pid)
{
    QFile file(u"/proc/%1/stat"_s.arg(pid));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return std::nullopt;
    return parseStat(file.read(4096));
}

PidFd ChildScanner::openChecked(pid_t pid, quint64 startTime, pid_t parent)
{
    PidFd pidfd = PidFd::open(pid);
    const std::optional<ChildStat> after = readStat(pid);
    if (!pidfd.isValid() || !after || after->startTime != startTime || (parent != 0 && after->parent != parent))
        return PidFd();
    return pidfd;
}

QList<pid_t> ChildScanner::children()
{
    QList<pid_t> pids;
    const QStringList tasks = QDir(u"/proc/self/task"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &task : tasks) {
        QFile file(u"/proc/self/task/"_s + task + u"/children"_s);
        if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
            continue;
        const QByteArray text = file.readAll();
        for (const QByteArray &word : text.split(' ')) {
            bool ok = false;
            const int pid = word.trimmed().toInt(&ok);
            if (ok && pid > 0 && !pids.contains(pid))
                pids.append(pid);
        }
    }
    return pids;
}
