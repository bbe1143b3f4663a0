#include "WorkerOptions.h"

#include "base/LabRole.h"

#include <charconv>
#include <cmath>
#include <cstring>
#include <string_view>

using namespace Qt::Literals::StringLiterals;

namespace {

template<typename Number>
bool toNumber(std::string_view text, Number *value)
{
    const char *end = text.data() + text.size();
    const auto result = std::from_chars(text.data(), end, *value);
    return result.ec == std::errc() && result.ptr == end;
}

bool toList(std::string_view text, QList<int> *list)
{
    list->clear();
    while (!text.empty()) {
        const size_t comma = text.find(',');
        int n = 0;
        if (!toNumber(text.substr(0, comma), &n))
            return false;
        list->push_back(n);
        if (comma == std::string_view::npos)
            break;
        text.remove_prefix(comma + 1);
    }
    return true;
}

} // namespace

bool WorkerOptions::parse(int argc, char **argv, std::string *error)
{
    for (int i = 1; i < argc; ++i) {
        const std::string_view option = argv[i];
        if (option == "--help" || option == "-h") {
            *error = "the program each lab process of ProcLab runs, started by proclab with the options it needs; "
                     "run `proclab --help` instead";
            return false;
        }
        if (option == "--busy") {
            thread.busy = true;
            continue;
        }
        if (option == "--term-kills") {
            termKills = true;
            continue;
        }
        if (option == "--") {
            scriptArgs.assign(argv + i + 1, argv + argc);
            break;
        }
        if (i + 1 >= argc) {
            *error = "option " + std::string(option) + " needs a value";
            return false;
        }
        const std::string_view value = argv[++i];
        bool ok = true;
        if (option == "--supervisor")
            ok = toNumber(value, &supervisor) && supervisor > 0;
        else if (option == "--parent")
            ok = toNumber(value, &parent) && parent > 0;
        else if (option == "--role")
            thread.role = QString::fromLocal8Bit(value), ok = thread.role == LabRole::Host || thread.role == LabRole::Python
                                                            || LabRole::isThreadRole(thread.role);
        else if (option == "--name")
            thread.name = QString::fromLocal8Bit(value), ok = !thread.name.isEmpty();
        else if (option == "--nice")
            ok = toNumber(value, &nice) && nice >= -20 && nice <= 19;
        else if (option == "--control-fd")
            ok = toNumber(value, &controlFd) && controlFd >= 3;
        else if (option == "--telemetry-fd")
            ok = toNumber(value, &telemetryFd) && telemetryFd >= 3;
        else if (option == "--figures-fd")
            ok = toNumber(value, &figuresFd) && figuresFd >= 3;
        else if (option == "--queue-fd")
            ok = toNumber(value, &queueFd) && queueFd >= 3;
        else if (option == "--queue-index")
            ok = toNumber(value, &queueIndex) && queueIndex >= 0;
        else if (option == "--pipe-read-fd")
            ok = toNumber(value, &pipeReadFd) && pipeReadFd >= 3;
        else if (option == "--pipe-write-fd")
            ok = toNumber(value, &pipeWriteFd) && pipeWriteFd >= 3;
        else if (option == "--item-size")
            ok = toNumber(value, &itemSize) && itemSize >= 1 && itemSize <= 4096;
        else if (option == "--rate")
            ok = toNumber(value, &thread.rate) && std::isfinite(thread.rate) && thread.rate >= 0;
        else if (option == "--locks")
            ok = toList(value, &thread.locks);
        else if (option == "--step")
            ok = toNumber(value, &thread.stepMs) && thread.stepMs >= 0;
        else if (option == "--hold")
            ok = toNumber(value, &thread.holdMs) && thread.holdMs >= -1;
        else if (option == "--rounds")
            ok = toNumber(value, &thread.rounds) && thread.rounds >= 0;
        else if (option == "--python")
            python = value, ok = !python.empty() && python.front() == '/';
        else if (option == "--script")
            script = value, ok = !script.empty() && script.front() == '/';
        else if (option == "--cpu")
            ok = toNumber(value, &cpu) && cpu >= 0 && cpu < 1024;
        else {
            *error = "unknown option " + std::string(option);
            return false;
        }
        if (!ok) {
            *error = "bad value for " + std::string(option) + ": " + std::string(value);
            return false;
        }
    }
    if (supervisor <= 0) {
        *error = "started by ProcLab's supervisor only (no --supervisor); run `proclab` instead";
        return false;
    }
    // Without its control socket nobody could stop it: a worker started by hand with a thread role would spin on.
    // Only a worker forked by a lab worker (--parent, not the supervisor) has none: its parent's death ends it.
    if (controlFd < 0 && (parent <= 0 || parent == supervisor)) {
        *error = "started by ProcLab's supervisor only (no --control-fd); run `proclab` instead";
        return false;
    }
    if (thread.role == LabRole::Python && (python.empty() || script.empty())) {
        *error = "--role python needs --python and --script";
        return false;
    }
    if (parent <= 0)
        parent = supervisor;
    if (thread.name.isEmpty())
        thread.name = thread.role;
    return true;
}
