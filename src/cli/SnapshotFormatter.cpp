#include "SnapshotFormatter.h"

#include "TerminalText.h"
#include "probe/TaskStateName.h"

#include <QHash>

#include <charconv>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace {
void appendNumber(QByteArray &out, double value, int decimals)
{
    if (!std::isfinite(value))
        value = 0;
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, decimals);
    out.append(buffer, result.ptr - buffer);
}

template<typename Integer>
void appendInteger(QByteArray &out, Integer value)
{
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, result.ptr - buffer);
}

void appendLetter(QByteArray &out, char letter)
{
    out.append('"');
    if (letter >= 0x20 && letter < 0x7f && letter != '"' && letter != '\\')
        out.append(letter);
    else
        out.append('?');
    out.append('"');
}

QString percent(double share)
{
    return QString::number(qRound(share * 100.0)) + u'%';
}
} // namespace

void SnapshotFormatter::appendJsonString(QByteArray &out, const QString &s)
{
    static const char hex[] = "0123456789abcdef";
    const QByteArray utf8 = s.toUtf8();
    out.append('"');
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out.append('\\');
            out.append(c);
        } else if (u < 0x20) {
            switch (c) {
            case '\n': out.append("\\n"); break;
            case '\t': out.append("\\t"); break;
            case '\r': out.append("\\r"); break;
            default:
                out.append("\\u00");
                out.append(hex[u >> 4]);
                out.append(hex[u & 15]);
            }
        } else {
            out.append(c);
        }
    }
    out.append('"');
}

QByteArray SnapshotFormatter::jsonLine(const Snapshot &snapshot, double t)
{
    QByteArray out;
    out.reserve(256 + snapshot.tasks.size() * 230 + snapshot.processes.size() * 120);
    out.append("{\"t\":");
    appendNumber(out, t, 6);
    out.append(",\"interval\":");
    appendNumber(out, snapshot.intervalS, 6);
    out.append(",\"cpus\":[");
    for (qsizetype i = 0; i < snapshot.cpus.size(); ++i) {
        const CpuLoad &c = snapshot.cpus.at(i);
        out.append(i ? ",{\"core\":" : "{\"core\":");
        appendInteger(out, c.core);
        out.append(",\"busy\":");
        appendNumber(out, c.busy, 3);
        out.append(",\"user\":");
        appendNumber(out, c.user, 3);
        out.append(",\"system\":");
        appendNumber(out, c.system, 3);
        out.append(",\"iowait\":");
        appendNumber(out, c.iowait, 3);
        out.append(",\"steal\":");
        appendNumber(out, c.steal, 3);
        out.append('}');
    }
    out.append("],\"processes\":[");
    for (qsizetype i = 0; i < snapshot.processes.size(); ++i) {
        const ProcessSample &p = snapshot.processes.at(i);
        out.append(i ? ",{\"pid\":" : "{\"pid\":");
        appendInteger(out, p.pid);
        out.append(",\"ppid\":");
        appendInteger(out, p.ppid);
        out.append(",\"name\":");
        appendJsonString(out, p.name);
        out.append(",\"cmdline\":[");
        for (qsizetype a = 0; a < p.cmdline.size(); ++a) {
            if (a)
                out.append(',');
            appendJsonString(out, p.cmdline.at(a));
        }
        out.append("],\"rss_kb\":");
        appendInteger(out, p.rssKb);
        out.append(",\"threads\":");
        appendInteger(out, p.threads);
        out.append(",\"stat\":");
        appendLetter(out, p.stat);
        out.append(p.gone ? ",\"gone\":true}" : "}");
    }
    out.append("],\"tasks\":[");
    for (qsizetype i = 0; i < snapshot.tasks.size(); ++i) {
        const TaskSample &k = snapshot.tasks.at(i);
        out.append(i ? ",{\"pid\":" : "{\"pid\":");
        appendInteger(out, k.pid);
        out.append(",\"tid\":");
        appendInteger(out, k.tid);
        out.append(",\"ppid\":");
        appendInteger(out, k.ppid);
        out.append(",\"name\":");
        appendJsonString(out, k.name);
        out.append(",\"stat\":");
        appendLetter(out, k.stat);
        out.append(",\"state\":\"");
        out.append(TaskStateName::name(k.state).toLatin1());
        out.append("\",\"running\":");
        appendNumber(out, k.running, 3);
        out.append(",\"ready\":");
        appendNumber(out, k.ready, 3);
        out.append(",\"blocked\":");
        appendNumber(out, k.blocked, 3);
        out.append(",\"core\":");
        appendInteger(out, k.core);
        out.append(",\"reason\":");
        appendJsonString(out, k.reason);
        out.append(",\"reason_source\":");
        appendJsonString(out, k.reasonSource);
        out.append(",\"cpu\":");
        appendNumber(out, k.cpuPercent, 1);
        out.append(",\"letter_age\":");
        appendNumber(out, k.letterAgeS, 3);
        out.append(",\"voluntary\":");
        appendInteger(out, k.voluntarySwitches);
        out.append(",\"involuntary\":");
        appendInteger(out, k.involuntarySwitches);
        out.append('}');
    }
    out.append("]}");
    return out;
}

QString SnapshotFormatter::summaryLine(const Snapshot &snapshot, double t)
{
    QHash<TaskState, int> counts;
    for (const TaskSample &task : snapshot.tasks)
        ++counts[task.state];
    QStringList states;
    for (TaskState state : TaskStateName::all())
        states << u"%1 %2"_s.arg(counts.value(state)).arg(TaskStateName::name(state));
    QStringList cores;
    for (const CpuLoad &c : snapshot.cpus) {
        cores << tr("cpu%1 %2 (usr %3 sys %4 io %5 st %6)")
                     .arg(c.core)
                     .arg(percent(c.busy), percent(c.user), percent(c.system), percent(c.iowait), percent(c.steal));
    }
    return tr("%1s  %2 tasks: %3 | %4")
        .arg(QString::number(t, 'f', 3))
        .arg(snapshot.tasks.size())
        .arg(states.join(u", "_s), cores.join(u"  "_s));
}

QString SnapshotFormatter::table(const Snapshot &snapshot, double t)
{
    QStringList cores;
    for (const CpuLoad &c : snapshot.cpus)
        cores << tr("cpu%1 %2").arg(c.core).arg(percent(c.busy));
    QString text = tr("t=%1s  %2 tasks  %3").arg(QString::number(t, 'f', 3)).arg(snapshot.tasks.size()).arg(cores.join(u"  "_s));
    text += u'\n';
    text += u"%1 %2 %3 %4 %5 %6 %7 %8 %9 "_s.arg(tr("PID"), 7)
                .arg(tr("TID"), 7)
                .arg(tr("PPID"), 7)
                .arg(tr("S"), 1)
                .arg(tr("STATE"), -10)
                .arg(tr("RUN"), 5)
                .arg(tr("READY"), 5)
                .arg(tr("BLOCK"), 5)
                .arg(tr("CORE"), 4)
        + u"%1 %2"_s.arg(tr("NAME"), -16).arg(tr("WHY"));
    for (const TaskSample &k : snapshot.tasks) {
        // Any local user names a thread: its escape sequences must not reach the terminal (TerminalText).
        const QString name = TerminalText::visible(k.name);
        QString why = TerminalText::visible(k.reason);
        if (!k.reasonSource.isEmpty())
            why += u" ["_s + k.reasonSource + u']';
        text += u'\n';
        text += u"%1 %2 %3 %4 %5 %6 %7 %8 %9 "_s.arg(k.pid, 7)
                    .arg(k.tid, 7)
                    .arg(k.ppid, 7)
                    .arg(QChar::fromLatin1(k.stat), 1)
                    .arg(TaskStateName::name(k.state), -10)
                    .arg(percent(k.running), 5)
                    .arg(percent(k.ready), 5)
                    .arg(percent(k.blocked), 5)
                    .arg(k.core, 4)
            + u"%1 %2"_s.arg(name, -16).arg(why);
    }
    return text;
}
