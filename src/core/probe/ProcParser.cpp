#include "ProcParser.h"

#include <charconv>

namespace {

// Walks space-separated tokens of a line. The kernel writes single spaces; tabs and repeated spaces are
// tolerated for fixtures typed by hand.
class Tokens
{
public:
    explicit Tokens(QByteArrayView text) : m_p(text.data()), m_end(text.data() + text.size()) {}

    bool next(QByteArrayView *token)
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\t'))
            ++m_p;
        if (m_p >= m_end || *m_p == '\n')
            return false;
        const char *start = m_p;
        while (m_p < m_end && *m_p != ' ' && *m_p != '\t' && *m_p != '\n')
            ++m_p;
        *token = QByteArrayView(start, m_p - start);
        return true;
    }

private:
    const char *m_p;
    const char *m_end;
};

template<typename T>
bool toNumber(QByteArrayView token, T *value)
{
    if (token.isEmpty())
        return false;
    const auto [ptr, ec] = std::from_chars(token.data(), token.data() + token.size(), *value);
    return ec == std::errc() && ptr == token.data() + token.size();
}

// The line that starts at `line` (without its '\n').
QByteArrayView lineAt(QByteArrayView text, qsizetype from, qsizetype *next)
{
    const qsizetype newline = text.indexOf('\n', from);
    const qsizetype end = newline < 0 ? text.size() : newline;
    *next = newline < 0 ? text.size() : newline + 1;
    return text.sliced(from, end - from);
}

} // namespace

std::optional<TaskStat> ProcParser::parseStat(QByteArrayView text)
{
    const qsizetype open = text.indexOf('(');
    const qsizetype close = text.lastIndexOf(')');
    if (open <= 0 || close < open)
        return std::nullopt;
    TaskStat stat;
    if (!toNumber(text.first(open).trimmed(), &stat.pid))
        return std::nullopt;
    stat.comm = text.sliced(open + 1, close - open - 1).toByteArray();

    Tokens tokens(text.sliced(close + 1));
    QByteArrayView token;
    if (!tokens.next(&token) || token.size() != 1)
        return std::nullopt;
    stat.state = token.front();
    int field = 3;
    while (tokens.next(&token)) {
        ++field;
        bool ok = true;
        switch (field) {
        case 4: ok = toNumber(token, &stat.ppid); break;
        case 5: ok = toNumber(token, &stat.pgrp); break;
        case 6: ok = toNumber(token, &stat.session); break;
        case 14: ok = toNumber(token, &stat.utimeTicks); break;
        case 15: ok = toNumber(token, &stat.stimeTicks); break;
        case 19: ok = toNumber(token, &stat.nice); break;
        case 20: ok = toNumber(token, &stat.numThreads); break;
        case 22: ok = toNumber(token, &stat.startTicks); break;
        case 24: ok = toNumber(token, &stat.rssPages); break;
        case 39: ok = toNumber(token, &stat.processor); break;
        case 52: ok = toNumber(token, &stat.exitCode); break;
        default: break;
        }
        if (!ok)
            return std::nullopt;
        if (field == 52)
            break;
    }
    // A line cut before rss is a truncated read, not an old kernel.
    if (field < 24)
        return std::nullopt;
    return stat;
}

std::optional<SchedStat> ProcParser::parseSchedStat(QByteArrayView text)
{
    Tokens tokens(text);
    QByteArrayView a, b, c;
    SchedStat stat;
    if (!tokens.next(&a) || !tokens.next(&b) || !tokens.next(&c))
        return std::nullopt;
    if (!toNumber(a, &stat.cpuNs) || !toNumber(b, &stat.waitNs) || !toNumber(c, &stat.timeslices))
        return std::nullopt;
    return stat;
}

QList<CpuTimes> ProcParser::parseCpuTimes(QByteArrayView text)
{
    QList<CpuTimes> result;
    qsizetype pos = 0;
    while (pos < text.size()) {
        qsizetype next = 0;
        const QByteArrayView line = lineAt(text, pos, &next);
        pos = next;
        if (!line.startsWith("cpu"))
            break;
        Tokens tokens(line);
        QByteArrayView label;
        tokens.next(&label);
        CpuTimes times;
        if (label.size() > 3 && !toNumber(label.sliced(3), &times.core))
            break;
        if (label.size() == 3 && !result.isEmpty())
            break;
        quint64 *columns[] = {&times.user,    &times.nice,  &times.system, &times.idle,  &times.iowait,
                              &times.irq,     &times.softirq, &times.steal, &times.guest, &times.guestNice};
        int read = 0;
        QByteArrayView token;
        bool ok = true;
        for (quint64 *column : columns) {
            if (!tokens.next(&token))
                break;
            if (!toNumber(token, column)) {
                ok = false;
                break;
            }
            ++read;
        }
        // user, nice, system and idle exist on every kernel; fewer means the read was cut.
        if (!ok || read < 4)
            break;
        if (result.isEmpty() && times.core != -1)
            break;
        result.append(times);
    }
    return result;
}

std::optional<int> ProcParser::parseProcsRunning(QByteArrayView text)
{
    constexpr QByteArrayView key = "procs_running ";
    qsizetype at = text.indexOf(key);
    // The key must start a line: "procs_running" inside another line is not it.
    while (at > 0 && text.at(at - 1) != '\n')
        at = text.indexOf(key, at + 1);
    if (at < 0)
        return std::nullopt;
    if (text.indexOf('\n', at) < 0)
        return std::nullopt; // cut short: the number may be cut too
    qsizetype next = 0;
    const QByteArrayView line = lineAt(text, at, &next);
    int running = 0;
    if (!toNumber(line.sliced(key.size()).trimmed(), &running))
        return std::nullopt;
    return running;
}

std::optional<ProcStatus> ProcParser::parseStatus(QByteArrayView text)
{
    ProcStatus status;
    bool haveName = false;
    bool havePid = false;
    qsizetype pos = 0;
    while (pos < text.size()) {
        qsizetype next = 0;
        const QByteArrayView line = lineAt(text, pos, &next);
        pos = next;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArrayView key = line.first(colon);
        const QByteArrayView value = line.sliced(colon + 1).trimmed();
        if (key == "Name") {
            status.name = value.toByteArray();
            haveName = true;
        } else if (key == "State") {
            status.state = value.isEmpty() ? '?' : value.front();
        } else if (key == "Tgid") {
            toNumber(value, &status.tgid);
        } else if (key == "Pid") {
            havePid = toNumber(value, &status.pid);
        } else if (key == "PPid") {
            toNumber(value, &status.ppid);
        } else if (key == "Threads") {
            toNumber(value, &status.threads);
        } else if (key == "VmRSS") {
            Tokens tokens(value);
            QByteArrayView number;
            if (tokens.next(&number))
                toNumber(number, &status.vmRssKb);
        } else if (key == "voluntary_ctxt_switches") {
            toNumber(value, &status.voluntarySwitches);
        } else if (key == "nonvoluntary_ctxt_switches") {
            toNumber(value, &status.involuntarySwitches);
        }
    }
    if (!haveName || !havePid)
        return std::nullopt;
    return status;
}

QByteArray ProcParser::parseWchan(QByteArrayView text)
{
    const QByteArrayView symbol = text.trimmed();
    if (symbol.isEmpty() || symbol == "0")
        return {};
    return symbol.toByteArray();
}

std::optional<SyscallState> ProcParser::parseSyscall(QByteArrayView text)
{
    Tokens tokens(text);
    QByteArrayView token;
    if (!tokens.next(&token))
        return std::nullopt;
    SyscallState state;
    if (token == "running") {
        state.kind = SyscallState::Kind::Running;
        return state;
    }
    if (!toNumber(token, &state.number))
        return std::nullopt;
    if (state.number < 0) {
        state.kind = SyscallState::Kind::OutsideSyscall;
        return state;
    }
    state.kind = SyscallState::Kind::InSyscall;
    for (quint64 &arg : state.args) {
        if (!tokens.next(&token) || !token.startsWith("0x"))
            return std::nullopt;
        const QByteArrayView hex = token.sliced(2);
        const auto [ptr, ec] = std::from_chars(hex.data(), hex.data() + hex.size(), arg, 16);
        if (ec != std::errc() || ptr != hex.data() + hex.size())
            return std::nullopt;
    }
    return state;
}

QList<QByteArray> ProcParser::parseCmdline(QByteArrayView text)
{
    QList<QByteArray> arguments;
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = text.indexOf('\0', start);
        if (end < 0)
            end = text.size();
        arguments.append(text.sliced(start, end - start).toByteArray());
        start = end + 1;
    }
    return arguments;
}

QList<int> ProcParser::parsePidList(QByteArrayView text)
{
    QList<int> pids;
    QByteArrayView token;
    // children is one line of "pid pid … " — Tokens stops at '\n', so walk lines too.
    qsizetype pos = 0;
    while (pos < text.size()) {
        qsizetype next = 0;
        Tokens line(lineAt(text, pos, &next));
        pos = next;
        while (line.next(&token)) {
            int pid = 0;
            if (toNumber(token, &pid) && pid > 0)
                pids.append(pid);
        }
    }
    return pids;
}
