#pragma once

#include <QString>

// Where ProcLab finds its own programs and keeps its files.
class LabPaths
{
public:
    // The proclab-worker program: beside the running binary (build tree and installed package alike), else
    // the PROCLAB_WORKER environment variable when set. Empty when neither exists.
    static QString workerProgram();
    // The folder for recorded sessions: ~/.local/share/proclab/sessions (GenericDataLocation), created when missing.
    static QString sessionsFolder();
};
