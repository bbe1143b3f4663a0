#include "PythonLaunch.h"

#include "ParentDeathGuard.h"
#include "WorkerOptions.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

int PythonLaunch::exec(const WorkerOptions &options)
{
    if (!ParentDeathGuard::install(options.supervisor, options.parent))
        return 1;
    if (options.nice != 0)
        ::setpriority(PRIO_PROCESS, 0, options.nice);
    // The script speaks on the control socket; every other descriptor the worker was given stays closed to it.
    if (options.controlFd >= 0)
        ::fcntl(options.controlFd, F_SETFD, 0);
    for (const int fd : {options.telemetryFd, options.figuresFd, options.queueFd, options.pipeReadFd,
                         options.pipeWriteFd}) {
        if (fd >= 0)
            ::close(fd);
    }
    std::vector<std::string> words{options.python, "-I", "-S", options.script};
    if (options.controlFd >= 0) {
        words.push_back("--control-fd");
        words.push_back(std::to_string(options.controlFd));
    }
    words.insert(words.end(), options.scriptArgs.begin(), options.scriptArgs.end());
    std::vector<char *> argv;
    for (std::string &word : words)
        argv.push_back(word.data());
    argv.push_back(nullptr);
    ::execv(options.python.c_str(), argv.data());
    const int error = errno;
    std::fprintf(stderr, "proclab-worker: cannot run %s: %s\n", options.python.c_str(), std::strerror(error));
    return error == ENOENT ? 127 : 126;
}
