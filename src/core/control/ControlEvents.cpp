#include "ControlEvents.h"
#include "base/EventKind.h"

#include <csignal>
#include <cstring>

using namespace Qt::Literals::StringLiterals;

SessionEvent ControlEvents::make(const QString &kind, const QJsonObject &fields)
{
    SessionEvent event;
    event.kind = kind;
    event.fields = fields;
    return event;
}

SessionEvent ControlEvents::processSpawn(pid_t pid, pid_t parent, const QString &role, const QString &name,
                                         pid_t group)
{
    return make(EventKind::ProcessSpawn, {{u"pid"_s, pid}, {u"ppid"_s, parent}, {u"role"_s, role}, {u"name"_s, name},
                                     {u"pgid"_s, group}});
}

SessionEvent ControlEvents::processExit(pid_t pid, const ProcessExit &exit)
{
    if (exit.signalled)
        return make(EventKind::ProcessExit, {{u"pid"_s, pid}, {u"signal"_s, exit.signal},
                                        {u"signal_name"_s, signalName(exit.signal)}});
    return make(EventKind::ProcessExit, {{u"pid"_s, pid}, {u"code"_s, exit.code}});
}

SessionEvent ControlEvents::processZombie(pid_t pid, pid_t parent)
{
    return make(EventKind::ProcessZombie, {{u"pid"_s, pid}, {u"ppid"_s, parent}});
}

SessionEvent ControlEvents::processReap(pid_t pid, pid_t by)
{
    if (by != 0)
        return make(EventKind::ProcessReap, {{u"pid"_s, pid}, {u"by"_s, by}});
    return make(EventKind::ProcessReap, {{u"pid"_s, pid}});
}

SessionEvent ControlEvents::processReparent(pid_t pid, pid_t from, pid_t to, const QString &role)
{
    QJsonObject fields{{u"pid"_s, pid}, {u"from"_s, from}, {u"to"_s, to}};
    if (!role.isEmpty())
        fields.insert(u"role"_s, role);
    return make(EventKind::ProcessReparent, fields);
}

SessionEvent ControlEvents::threadStart(pid_t pid, const LabThreadInfo &thread)
{
    return make(EventKind::ThreadStart, {{u"pid"_s, pid}, {u"tid"_s, thread.tid}, {u"role"_s, thread.role},
                                    {u"name"_s, thread.name}});
}

SessionEvent ControlEvents::threadExit(pid_t pid, const LabThreadInfo &thread)
{
    return make(EventKind::ThreadExit, {{u"pid"_s, pid}, {u"tid"_s, thread.tid}, {u"role"_s, thread.role}});
}

SessionEvent ControlEvents::signalSent(pid_t pid, int signal)
{
    return make(EventKind::SignalSent, {{u"pid"_s, pid}, {u"signal"_s, signal}, {u"signal_name"_s, signalName(signal)}});
}

SessionEvent ControlEvents::error(const QString &what, const QString &message, int error)
{
    QJsonObject fields{{u"what"_s, what}, {u"message"_s, message}};
    if (error != 0) {
        fields.insert(u"errno"_s, error);
        fields.insert(u"errno_name"_s, errnoName(error));
    }
    return make(EventKind::Error, fields);
}

QString ControlEvents::signalName(int signal)
{
    if (signal >= SIGRTMIN && signal <= SIGRTMAX)
        return signal == SIGRTMIN ? u"SIGRTMIN"_s : u"SIGRTMIN+%1"_s.arg(signal - SIGRTMIN);
    const char *abbreviation = ::sigabbrev_np(signal);
    return abbreviation ? u"SIG"_s + QString::fromLatin1(abbreviation) : QString::number(signal);
}

QString ControlEvents::errnoName(int error)
{
    const char *name = ::strerrorname_np(error);
    return name ? QString::fromLatin1(name) : QString::number(error);
}
