#include "CliDispatcher.h"

#include "BuildInfo.h"
#include "CliCommandList.h"
#include "CliOutput.h"

using namespace Qt::Literals::StringLiterals;

CliDispatcher::CliDispatcher()
    : m_commands(CliCommandList::make())
{
}

CliDispatcher::~CliDispatcher() = default;

CliCommand *CliDispatcher::find(const QString &name) const
{
    for (const auto &command : m_commands) {
        if (command->name() == name)
            return command.get();
    }
    return nullptr;
}

bool CliDispatcher::isHeadless(const QStringList &arguments) const
{
    if (arguments.isEmpty())
        return false;
    const QString &first = arguments.first();
    if (first == u"gui"_s)
        return false;
    static const QStringList helpOrVersion = {u"-h"_s, u"--help"_s, u"help"_s, u"-v"_s, u"--version"_s};
    if (helpOrVersion.contains(first))
        return true;
    // Options alone (`proclab --lang zh_CN`) belong to the window.
    return !first.startsWith(u'-');
}

QString CliDispatcher::helpText() const
{
    QString text = tr("Usage: proclab [COMMAND] [OPTIONS]\n"
                      "ProcLab, a live lab for Linux processes and threads.\n\n"
                      "Commands:\n");
    text += u"  %1%2\n"_s.arg(u"gui"_s.leftJustified(10), tr("open the window (the default)"));
    for (const auto &command : m_commands)
        text += u"  %1%2\n"_s.arg(command->name().leftJustified(10), command->summary());
    text += u"\n"_s + tr("Options:\n"
                         "  -h, --help     show this help\n"
                         "  -v, --version  show the version\n\n"
                         "Run `proclab COMMAND --help` for the options of a command.");
    return text;
}

int CliDispatcher::run(const QStringList &arguments)
{
    const QString first = arguments.value(0);
    if (first == u"-h"_s || first == u"--help"_s || first == u"help"_s) {
        CliOutput::out(helpText());
        return 0;
    }
    if (first == u"-v"_s || first == u"--version"_s) {
        CliOutput::out(u"proclab "_s + QLatin1StringView(PROCLAB_VERSION));
        return 0;
    }
    if (CliCommand *command = find(first))
        return command->run(arguments.mid(1));
    QStringList names{u"gui"_s};
    for (const auto &command : m_commands)
        names << command->name();
    return CliOutput::usageError({}, tr("unknown command '%1'; allowed: %2").arg(first, names.join(u", "_s)));
}
