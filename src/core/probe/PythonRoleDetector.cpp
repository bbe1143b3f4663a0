#include "PythonRoleDetector.h"

#include <QDir>
#include <QFile>

#include <unistd.h>

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

PythonRoleDetector::PythonRoleDetector(const QString &procRoot) : m_root(procRoot) {}

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
    const QString base = m_root + u'/' + QString::number(pid);
    QFile stat(base + u"/stat"_s);
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray statText = stat.read(4096);
    const qsizetype close = statText.lastIndexOf(')');
    const QList<QByteArray> fields = close < 0 ? QList<QByteArray>() : statText.mid(close + 2).split(' ');
    facts->pid = pid;
    facts->ppid = fields.size() > 1 ? fields.at(1).toInt() : 0;
    QFile cmdline(base + u"/cmdline"_s);
    facts->cmdline.clear();
    if (cmdline.open(QIODevice::ReadOnly)) {
        QByteArray text = cmdline.readAll();
        if (text.endsWith('\0'))
            text.chop(1);
        if (!text.isEmpty()) {
            for (const QByteArray &argument : text.split('\0'))
                facts->cmdline.append(QString::fromLocal8Bit(argument));
        }
    }
    facts->threads = int(QDir(base + u"/task"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size());
    facts->pipes.clear();
    facts->sockets.clear();
    const QString fdDir = base + u"/fd"_s;
    // Links to pipes and sockets point nowhere in the file system: read them with readlink, not by resolving.
    for (const QString &fd : QDir(fdDir).entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot)) {
        char target[128];
        const QByteArray path = QFile::encodeName(fdDir + u'/' + fd);
        const ssize_t n = ::readlink(path.constData(), target, sizeof target);
        if (n <= 0)
            continue;
        const QByteArrayView link(target, n);
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
    QFile netUnix(m_root + u"/net/unix"_s);
    if (netUnix.open(QIODevice::ReadOnly))
        listeners = parsePympListeners(netUnix.readAll());
    QHash<int, QString> roles;
    for (int pid : pids) {
        const auto facts = known.constFind(pid);
        if (facts != known.constEnd())
            roles.insert(pid, classify(*facts, known, listeners));
    }
    return roles;
}
