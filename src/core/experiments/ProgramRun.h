#pragma once

#include "base/SessionClock.h"
#include "base/SessionEvent.h"
#include "control/OutputBudget.h"
#include "probe/Snapshot.h"
#include "session/SessionTape.h"

#include <QList>
#include <QObject>
#include <QStringList>

#include <memory>
#include <optional>

class GilSession;
class ProgramOutput;
class ProcessTree;
class QTimer;
class SamplerThread;

// One `exec` session: the user's own program, run as a child of the supervisor, and its whole descendant tree,
// watched until the last of them has ended (`proclab exec`, Session ▸ Run a program…). Or, made with a PID, an
// attach session: a running process of the user's and its descendants, watched read-only (Session ▸ Attach to
// process…).
//
// The tree (ProcessTree): the program, every process it or its descendants start, found by the sampler every
// tick, and every orphan of theirs that comes to the supervisor as child subreaper (process.reparent). ProcLab
// reaps only its own children — never a zombie whose parent lives: the program must reap its own children, and
// until it does the zombie is shown.
//
// Signals go only through the pidfds of processes of the tree, never to a PID. The program starts in a process
// group of its own; with Options::takeTerminal it becomes the terminal's foreground group, so Ctrl+C and reads
// from the terminal reach it as under a shell. Its stdout and stderr are pipes: chunks come out of output() for a
// terminal or a console pane, lines are recorded as `output` events (pid: the program's — several processes
// share the pipes, the writer of a line cannot be known), as many as OutputBudget allows (then `output.dropped`
// counts the rest).
//
// CPython processes of the tree have their GIL read (GilSession): python.interpreter, a `gil` share in their
// threads' task.sample, "waiting for the GIL" as a blocked reason, and python.gil per process at the end.
//
// Lives on the supervisor's main thread, which must outlive the program (no parent-death signal follows the
// program: stop() or the destructor end its tree; only a SIGKILL of the supervisor can leave it behind).
class ProgramRun : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int intervalMs = 100;    // sampling interval, 50…5000
        bool record = true;      // write a session file
        QString logPath;         // explicit file; empty: a new file in the sessions folder
        QString sessionsFolder;  // empty: LabPaths::sessionsFolder()
        QString workingDirectory;
        bool takeTerminal = false; // see ProgramLaunch::takeTerminal (the CLI)
        bool nullStdin = false;    // see ProgramLaunch::nullStdin (the window)
        int stopGraceMs = 1000;    // SIGTERM → SIGKILL delay of stop()
    };
    enum class Stream { Stdout, Stderr };

    // An exec session of `command` (argv; command[0] looked up in PATH).
    ProgramRun(const QStringList &command, const Options &options, QObject *parent = nullptr);
    // An attach session of the running process `pid` (Options::workingDirectory and takeTerminal are ignored).
    ProgramRun(pid_t pid, const Options &options, QObject *parent = nullptr);
    // Exec: ends whatever of the tree still runs (SIGKILL) and reaps what is ours, without events. Attach: only
    // stops watching.
    ~ProgramRun() override;

    // Opens the session and starts the program (or attaches). False, with errorString() and exitStatus() (127 not
    // found, 126 not executable, 1 otherwise), when it could not start; then nothing runs and finished() is not
    // emitted. Attach fails with a message for the user when the PID does not exist, is ProcLab itself, or
    // belongs to another user.
    bool start();
    // Ctrl+C for a program that does not own the terminal: SIGINT to every live process of the tree that is in
    // the program's process group (what the terminal would do). False when nothing was signalled, and always
    // for an attach session.
    bool interrupt();
    // Exec: ends the whole tree — SIGTERM (and SIGCONT) now, SIGKILL to what still runs after stopGraceMs;
    // finished() follows once everything has ended. Attach: stops watching at once and signals nothing.
    // Idempotent.
    void stop();
    // stop(), then runs the event loop until finished() (at most the grace period plus 2 s).
    void stopAndWait();
    // SIGINT, SIGTERM, SIGKILL, SIGSTOP or SIGCONT to a live process of the tree, through its pidfd (signal.sent).
    // For an attach session the caller must have asked the user first.
    bool sendSignal(pid_t pid, int signal);

    bool isAttached() const { return m_attachPid != 0; }
    bool isRunning() const { return m_running; }
    bool isFinished() const { return m_finished; }
    // The shell's status: the program's exit code, 128+N when signal N ended it; 127/126 when it could not
    // start; -1 while it runs (and for an attached process whose status could not be read).
    int exitStatus() const { return m_exitStatus; }
    // The program's (or the attached process's) PID.
    pid_t programPid() const { return m_programPid; }
    // PIDs of the tree's processes that have not been reaped yet (zombies included).
    QList<pid_t> treePids() const;
    QString errorString() const { return m_error; }
    QString logPath() const;
    const SessionClock &clock() const { return m_clock; }
    // Every event of the session so far (samples bounded like ExperimentRun's).
    QList<SessionEvent> events() const { return m_tape.events(); }

Q_SIGNALS:
    void event(const SessionEvent &event);
    // The sessions folder's retention deleted these old recordings when this one started (from start()).
    void oldSessionsDeleted(const QStringList &paths);
    void output(ProgramRun::Stream stream, const QByteArray &bytes);
    void sampled(std::shared_ptr<const Snapshot> snapshot);
    // The program and all its descendants have ended (or an attach session stopped); exitStatus as exitStatus().
    void finished(int exitStatus);

private:
    void emitEvent(const QString &kind, const QJsonObject &fields);
    void keep(const SessionEvent &event);
    bool openSession(const QString &kind, const QJsonObject &parameters);
    bool spawnProgram();
    bool attachProcess();
    void recordLine(const ProgramOutput *pipe, const QString &line);
    void startSampling();
    void onSnapshot(std::shared_ptr<const Snapshot> snapshot);
    void recordSamples(const Snapshot &snapshot, double t);
    void updateSamplerRoots();
    void killRemaining();
    void checkFinished();
    void finish();

    QStringList m_command;
    pid_t m_attachPid = 0;
    Options m_options;
    SessionClock m_clock;
    pid_t m_programPid = 0;
    pid_t m_programGroup = 0;
    bool m_tookTerminal = false;
    ProcessTree *m_tree = nullptr;
    std::unique_ptr<GilSession> m_gil; // before m_sampler: the sampler asks it about futexes until it stops
    std::unique_ptr<SamplerThread> m_sampler;
    ProgramOutput *m_stdout = nullptr;
    ProgramOutput *m_stderr = nullptr;
    QTimer *m_killTimer = nullptr;
    SessionTape m_tape;
    OutputBudget m_outputBudget;
    int m_exitStatus = -1;
    bool m_running = false;
    bool m_stopping = false;
    bool m_finished = false;
    QString m_error;
};
