#include "ProgramSession.h"

#include "TaskRowBuilder.h"

#include <QTimer>

#include <unistd.h>

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
    m_roles.clear();
    m_run = std::move(run);
    ProgramRun *program = m_run.get();
    connect(program, &ProgramRun::event, this, [this](const SessionEvent &event) {
        if (event.kind.endsWith(u".sample"_s))
            return;
        if (event.kind == u"process.spawn"_s || event.kind == u"process.role"_s) {
            const QString role = event.fields.value(u"role"_s).toString();
            if (!role.isEmpty())
                m_roles.insert(event.fields.value(u"pid"_s).toInteger(), role);
        }
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
    LabTick tick;
    tick.t = m_run->clock().at(snapshot->monotonicNs);
    tick.intervalS = snapshot->intervalS;
    // Not a lab: no telemetry block and no lab roles; the tree is whatever the sampler found under the program.
    tick.rows = TaskRowBuilder::build(*snapshot, {}, {}, ::getpid());
    for (TaskRow &row : tick.rows) {
        if (row.isProcess())
            row.role = m_roles.value(row.pid);
    }
    tick.cpus = snapshot->cpus;
    tick.snapshot = snapshot;
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
