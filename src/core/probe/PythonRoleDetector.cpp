#include "PythonRoleDetector.h"

#include "LinuxProcSource.h"
#include "ProcParser.h"

using namespace Qt::Literals::StringLiterals;

namespace {

QString roleName(const char *role)
{
    return QString::fromLatin1(role);
}

// A Pool's parent runs its main thread plus _worker_handler, _task_handler and _result_handler.
constexpr int PoolParentThreads = 4;
// The task queue and the result queue: a worker holds (at least) one end of each.
constexpr int PoolSharedPipes = 2;

QSet<quint64> sharedWith(const QSet<quint64> &a, const QSet<quint64> &b)
{
    QSet<quint64> shared = a;
    shared.intersect(b);
    return shared;
}

} // namespace

PythonRoleDetector::PythonRoleDetector(std::unique_ptr<ProcSource> source)
    : m_source(source ? std::move(source) : std::make_unique<LinuxProcSource>())
{
}

PythonRoleDetector::~PythonRoleDetector() = default;

bool PythonRoleDetector::isPython(const QStringList &cmdline)
{
    if (cmdline.isEmpty())
        return false;
    const QString program = cmdline.first();
    return program.mid(program.lastIndexOf(u'/') + 1).startsWith(u"python"_s);
}

quint64 PythonRoleDetector::linkInode(QByteArrayView link, QByteArrayView kind)
{
    if (!link.startsWith(kind) || link.size() < kind.size() + 3 || link.at(kind.size()) != ':'
        || link.at(kind.size() + 1) != '[' || !link.endsWith(']'))
        return 0;
    bool ok = false;
    const quint64 inode = link.sliced(kind.size() + 2, link.size() - kind.size() - 3).toULongLong(&ok);
    return ok ? inode : 0;
}

QSet<quint64> PythonRoleDetector::parsePympListeners(QByteArrayView netUnix)
{
    // "Num RefCount Protocol Flags Type St Inode Path": Flags 00010000 is __SO_ACCEPTCON, a listening socket.
    // An accepted connection shows the listener's path too, so the flag is what singles out the owner.
    QSet<quint64> inodes;
    constexpr quint64 AcceptConnections = 0x10000;
    for (const QByteArray &line : netUnix.toByteArray().split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() < 8 || !fields.at(7).contains("pymp-") || !fields.at(7).contains("/listener-"))
            continue;
        bool flagsOk = false;
        bool inodeOk = false;
        const quint64 flags = fields.at(3).toULongLong(&flagsOk, 16);
        const quint64 inode = fields.at(6).toULongLong(&inodeOk);
        if (flagsOk && inodeOk && (flags & AcceptConnections))
            inodes.insert(inode);
    }
    return inodes;
}

QString PythonRoleDetector::classify(const PythonProcessFacts &process, const QHash<int, PythonProcessFacts> &known,
                                     const QSet<quint64> &pympListeners)
{
    if (!isPython(process.cmdline))
        return {};
    const QString line = process.cmdline.join(u' ');
    if (line.contains(u"multiprocessing.resource_tracker"_s))
        return roleName("resource tracker");
    const auto parent = known.constFind(process.ppid);
    const bool parentIsForkserver = parent != known.constEnd()
        && parent->cmdline.join(u' ').contains(u"multiprocessing.forkserver"_s);
    if (line.contains(u"multiprocessing.forkserver"_s) && !parentIsForkserver)
        return roleName("forkserver");
    if (!sharedWith(process.sockets, pympListeners).isEmpty())
        return roleName("manager");
    if (parent != known.constEnd() && parent->threads >= PoolParentThreads) {
        const QSet<quint64> poolPipes = sharedWith(process.pipes, parent->pipes);
        if (poolPipes.size() >= PoolSharedPipes) {
            for (const PythonProcessFacts &sibling : known) {
                if (sibling.pid != process.pid && sibling.ppid == process.ppid
                    && sharedWith(sibling.pipes, poolPipes).size() >= PoolSharedPipes)
                    return roleName("pool worker");
            }
        }
    }
    if (parentIsForkserver || line.contains(u"multiprocessing.spawn"_s) || line.contains(u"--multiprocessing-fork"_s))
        return roleName("spawned child");
    return {};
}

bool PythonRoleDetector::readFacts(int pid, PythonProcessFacts *facts) const
{
    using File = ProcSource::File;
    QByteArray text;
    if (m_source->readOnce(pid, 0, File::Stat, &text) != ProcSource::Result::Ok)
        return false;
    const std::optional<TaskStat> stat = ProcParser::parseStat(text);
    facts->pid = pid;
    facts->ppid = stat ? stat->ppid : 0;
    facts->cmdline.clear();
    if (m_source->readOnce(pid, 0, File::Cmdline, &text) == ProcSource::Result::Ok) {
        for (const QByteArray &argument : ProcParser::parseCmdline(text))
            facts->cmdline.append(QString::fromLocal8Bit(argument));
    }
    facts->threads = int(m_source->listThreads(pid).value_or(QList<int>()).size());
    facts->pipes.clear();
    facts->sockets.clear();
    // Links to pipes and sockets point nowhere in the file system: fdTarget reads them with readlink.
    for (const int fd : m_source->listDescriptors(pid)) {
        const QByteArray link = m_source->fdTarget(pid, fd);
        if (const quint64 inode = linkInode(link, "pipe"))
            facts->pipes.insert(inode);
        else if (const quint64 socket = linkInode(link, "socket"))
            facts->sockets.insert(socket);
    }
    return true;
}

QHash<int, QString> PythonRoleDetector::detect(const QList<int> &pids) const
{
    QHash<int, PythonProcessFacts> known;
    for (int pid : pids) {
        PythonProcessFacts facts;
        if (readFacts(pid, &facts))
            known.insert(pid, facts);
    }
    // Parents, and their other children among `pids`, are needed to recognise Pool workers.
    const QList<int> seen = known.keys();
    for (int pid : seen) {
        const int parent = known.value(pid).ppid;
        PythonProcessFacts facts;
        if (parent > 0 && !known.contains(parent) && readFacts(parent, &facts))
            known.insert(parent, facts);
    }
    QSet<quint64> listeners;
    QByteArray netUnix;
    if (m_source->readOnce(0, 0, ProcSource::File::NetUnix, &netUnix) == ProcSource::Result::Ok)
        listeners = parsePympListeners(netUnix);
    QHash<int, QString> roles;
    for (int pid : pids) {
        const auto facts = known.constFind(pid);
        if (facts != known.constEnd())
            roles.insert(pid, classify(*facts, known, listeners));
    }
    return roles;
}
