// proclab-worker: the program every lab process runs. The supervisor starts it; it is not meant to be run by hand.
#include "BuildInfo.h"
#include "PythonLaunch.h"
#include "WorkerOptions.h"
#include "WorkerProcess.h"
#include "base/LabRole.h"

#include <cstdio>
#include <cstring>

using namespace Qt::Literals::StringLiterals;

int main(int argc, char **argv)
{
    if (argc > 1 && std::strcmp(argv[1], "--version") == 0) {
        std::printf("proclab-worker %s\n", PROCLAB_VERSION);
        return 0;
    }
    WorkerOptions options;
    std::string error;
    if (!options.parse(argc, argv, &error)) {
        std::fprintf(stderr, "proclab-worker: %s\n", error.c_str());
        return 2;
    }
    if (options.thread.role == LabRole::Python)
        return PythonLaunch::exec(options);
    return WorkerProcess(std::move(options)).run();
}
