#pragma once

#include "ConsoleBuffer.h"
#include "frame/Frame.h"
#include "frame/LiveFrames.h"

#include "experiments/ProgramRun.h"

#include <QHash>
#include <QObject>

#include <memory>

// The window's side of an exec or attach session (Session ▸ Run a program…, Session ▸ Attach to process…): owns
// the ProgramRun and turns what it reports into what the views show — one Frame per sample (LiveFrames), the events (samples
// left out) in batches, the program's output as text. Stdin is /dev/null: the window has no terminal to lend.
class ProgramSession : public QObject
{
    Q_OBJECT
public:
    explicit ProgramSession(QObject *parent = nullptr);
    ~ProgramSession() override;

    // Runs `command` (argv, command[0] looked up in PATH) in `workingDirectory` (empty: ProcLab's). False with
    // *error (a sentence for the user) when it could not start; then nothing runs.
    bool run(const QStringList &command, const QString &workingDirectory, int intervalMs, bool record,
             QString *error);
    // Watches `pid` and its descendants read-only. False with *error when the PID does not exist, is ProcLab
    // itself or belongs to another user.
    bool attach(pid_t pid, int intervalMs, bool record, QString *error);
    // Exec: ends the program's whole tree (finished() follows once it has ended). Attach: stops watching; the
    // process goes on. Does nothing when no session runs.
    void stop();
    // stop(), and waits until the tree has ended (for quitting).
    void stopAndWait();
    // A signal to a process of the tree. For an attach session the caller must have asked the user first.
    bool sendSignal(qint64 pid, int signal);

    bool isRunning() const { return m_run && m_run->isRunning(); }
    bool isAttached() const { return m_run && m_run->isAttached(); }
    // The current (or last) ProgramRun; null before the first run or attach.
    ProgramRun *programRun() const { return m_run.get(); }
    double sessionTime() const;

Q_SIGNALS:
    void started();
    void ticked(const Frame &tick);
    void eventsArrived(const QList<SessionEvent> &events);
    // The retention deleted old recordings when this session's began.
    void oldSessionsDeleted(const QStringList &paths);
    // The program's output, at most ConsoleBuffer::MaxChars per refresh; outputSkipped() says how many
    // characters before it were left out.
    void output(bool error, const QString &text);
    void outputSkipped(qint64 characters);
    void finished(int exitStatus);

private:
    bool begin(std::unique_ptr<ProgramRun> run, QString *error);
    void onSampled(const std::shared_ptr<const Snapshot> &snapshot);
    void flushEvents();

    std::unique_ptr<ProgramRun> m_run;
    LiveFrames m_frames; // fed every event the run records: the roles of process.spawn / process.role too
    QList<SessionEvent> m_pendingEvents;
    ConsoleBuffer m_pendingOutput;
    QTimer *m_flushTimer;
};
