#include "ProgramSession.h"

#include <QTimer>

using namespace Qt::Literals::StringLiterals;

ProgramSession::ProgramSession(QObject *parent)
    : QObject(parent)
    , m_flushTimer(new QTimer(this))
{
    // Events come in bursts (a Pool's workers start together): the log takes them five times a second.
    m_flushTimer->setInterval(200);
    connect(m_flushTimer, &QTimer::timeout, this, &ProgramSession::flushEvents);
}

ProgramSession::~ProgramSession()
{
    stopAndWait();
}

bool ProgramSession::run(const QStringList &command, const QString &workingDirectory, int intervalMs, bool record,
                         QString *error)
{
    if (command.isEmpty()) {
        *error = tr("Enter a command to run.");
        return false;
    }
    ProgramRun::Options options;
    options.intervalMs = intervalMs;
    options.record = record;
    options.workingDirectory = workingDirectory;
    options.nullStdin = true;
    return begin(std::make_unique<ProgramRun>(command, options), error);
}

bool ProgramSession::attach(pid_t pid, int intervalMs, bool record, QString *error)
{
    ProgramRun::Options options;
    options.intervalMs = intervalMs;
    options.record = record;
    options.nullStdin = true;
    return begin(std::make_unique<ProgramRun>(pid, options), error);
}

bool ProgramSession::begin(std::unique_ptr<ProgramRun> run, QString *error)
{
    stopAndWait();
    m_pendingEvents.clear();
    qint64 skipped = 0;
    m_pendingOutput.take(&skipped);
    m_frames.clear();
    m_run = std::move(run);
    ProgramRun *program = m_run.get();
    connect(program, &ProgramRun::event, this, [this](const SessionEvent &event) {
        m_frames.apply(event);
        if (event.kind.endsWith(u".sample"_s))
            return;
        m_pendingEvents << event;
    });
    connect(program, &ProgramRun::sampled, this, &ProgramSession::onSampled);
    connect(program, &ProgramRun::oldSessionsDeleted, this, &ProgramSession::oldSessionsDeleted);
    connect(program, &ProgramRun::output, this, [this](ProgramRun::Stream stream, const QByteArray &bytes) {
        m_pendingOutput.append(stream == ProgramRun::Stream::Stderr, QString::fromUtf8(bytes));
    });
    connect(program, &ProgramRun::finished, this, [this](int status) {
        flushEvents();
        m_flushTimer->stop();
        Q_EMIT finished(status);
    });
    if (!program->start()) {
        *error = program->errorString();
        m_pendingEvents.clear();
        return false;
    }
    m_flushTimer->start();
    Q_EMIT started();
    flushEvents();
    return true;
}

void ProgramSession::stop()
{
    if (isRunning())
        m_run->stop();
}

void ProgramSession::stopAndWait()
{
    if (isRunning())
        m_run->stopAndWait();
}

bool ProgramSession::sendSignal(qint64 pid, int signal)
{
    return isRunning() && m_run->sendSignal(pid_t(pid), signal);
}

double ProgramSession::sessionTime() const
{
    return isRunning() ? m_run->clock().now() : 0;
}

void ProgramSession::onSampled(const std::shared_ptr<const Snapshot> &snapshot)
{
    if (!snapshot || !m_run)
        return;
    // Not a lab: no telemetry block and no wait-for input; the tree is whatever the run found under the program.
    const Frame tick = m_frames.frameOf(*snapshot, m_run->clock().at(snapshot->monotonicNs), {}, nullptr);
    flushEvents();
    Q_EMIT ticked(tick);
}

void ProgramSession::flushEvents()
{
    if (!m_pendingOutput.isEmpty()) {
        qint64 skipped = 0;
        const QList<ConsoleBuffer::Piece> pieces = m_pendingOutput.take(&skipped);
        if (skipped > 0)
            Q_EMIT outputSkipped(skipped);
        for (const ConsoleBuffer::Piece &piece : pieces)
            Q_EMIT output(piece.error, piece.text);
    }
    if (m_pendingEvents.isEmpty())
        return;
    Q_EMIT eventsArrived(std::exchange(m_pendingEvents, {}));
}
