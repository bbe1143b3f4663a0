#pragma once

#include <QString>

// Where ProcLab finds its own programs and keeps its files.
class LabPaths
{
public:
    // The proclab-worker program: beside the running binary (build tree and installed package alike), else
    // the PROCLAB_WORKER environment variable when set. Empty when neither exists.
    static QString workerProgram();
    // A Python script the lab runs (`cpu_vs_io.py`): in share/proclab/python beside the folder of the running
    // binary (build/dev/share/… next to build/dev/bin, /usr/share/… next to /usr/bin). Empty when it is not there.
    static QString labScript(const QString &name);
    // The system's python3 (/usr/bin/python3) that the Python lessons run on; empty when it is not installed.
    static QString pythonProgram();
    // The folder for recorded sessions: ~/.local/share/proclab/sessions (GenericDataLocation), created when missing.
    static QString sessionsFolder();
};
