// proclab-worker: the program every lab process runs. The supervisor starts it; it is not meant to be run by hand.
#include "BuildInfo.h"

#include <cstdio>
#include <cstring>

int main(int argc, char **argv)
{
    if (argc > 1 && std::strcmp(argv[1], "--version") == 0) {
        std::printf("proclab-worker %s\n", PROCLAB_VERSION);
        return 0;
    }
    std::fprintf(stderr, "proclab-worker: started by ProcLab's supervisor only; run `proclab` instead\n");
    return 2;
}
