#include "ExecCommand.h"

#include "CliChecks.h"
#include "CliOutput.h"
#include "CommandHelp.h"
#include "FileWrite.h"
#include "StopSignals.h"
#include "TerminalText.h"
#include "base/EventKind.h"
#include "experiments/ProgramRun.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <csignal>
#include <cstdio>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

QString ExecCommand::summary() const
{
    return tr("run your own program (a Python multiprocessing script, say) and watch its processes and threads");
}

int ExecCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    // Everything from the first word that is not an option on belongs to the program: `exec python3 -u x.py`.
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    const QCommandLineOption interval(u"interval"_s, tr("Sampling interval in ms (50–5000, default 100)."),
                                      u"MS"_s, u"100"_s);
    const QCommandLineOption log(u"log"_s, tr("Record the session into FILE."), u"FILE"_s);
    const QCommandLineOption json(u"json"_s, tr("Events as JSON lines on stdout; the program's output on stderr."));
    const QCommandLineOption help({u"h"_s, u"help"_s}, tr("Show this help."));
    parser.addOptions({interval, log, json, help});
    parser.addPositionalArgument(u"COMMAND"_s, tr("The program to run, and its arguments, after --."),
                                 u"-- COMMAND [ARG]…"_s);
    const QString allowed = u"--interval MS, --log FILE, --json, then -- COMMAND [ARG]…"_s;
    if (!parser.parse(QStringList{u"proclab exec"_s} + arguments))
        return CliOutput::usageError(name(), parser.errorText() + u"; "_s + tr("allowed: %1").arg(allowed));
    if (parser.isSet(help)) {
        CliOutput::out(CommandHelp::text(parser, u"proclab exec"_s));
        return 0;
    }
    const QStringList command = parser.positionalArguments();
    if (command.isEmpty() || command.first().isEmpty())
        return CliOutput::usageError(name(), tr("which program? usage: proclab exec [%1]").arg(allowed));
    int intervalMs = 0;
    QString error;
    if (!CliChecks::interval(parser.value(interval), &intervalMs, &error))
        return CliOutput::usageError(name(), error);
    ProgramRun::Options options;
    options.intervalMs = intervalMs;
    options.takeTerminal = true;
    if (parser.isSet(log)) {
        options.logPath = parser.value(log);
        if (!CliChecks::logPath(options.logPath, &error))
            return CliOutput::usageError(name(), error);
    }
    m_json = parser.isSet(json);

    ProgramRun run(command, options);
    QObject::connect(&run, &ProgramRun::event, [this](const SessionEvent &event) { print(event); });
    QObject::connect(&run, &ProgramRun::oldSessionsDeleted, [](const QStringList &paths) {
        CliOutput::err(u"proclab exec: "_s + SessionRetention::deletedMessage(paths));
    });
    QObject::connect(&run, &ProgramRun::output, [this](ProgramRun::Stream stream, const QByteArray &bytes) {
        // A terminal that went away does not matter: the session still records the output.
        FileWrite::whole(stream == ProgramRun::Stream::Stdout && !m_json ? STDOUT_FILENO : STDERR_FILENO, bytes);
    });
    StopSignals stopSignals;
    // The terminal's Ctrl+C goes to the program's group directly (it owns the terminal); a SIGINT that reaches
    // proclab came from elsewhere (kill, a test, a proclab in the background): pass it on, like a shell would.
    QObject::connect(&stopSignals, &StopSignals::received, &run, [&run](int signal) {
        if (signal == SIGINT)
            run.interrupt();
        else
            run.stop();
    });
    QObject::connect(&run, &ProgramRun::finished, qApp, &QCoreApplication::quit, Qt::QueuedConnection);
    if (!run.start()) {
        CliOutput::err(u"proclab exec: "_s + run.errorString());
        return run.exitStatus() > 0 ? run.exitStatus() : 1;
    }
    QCoreApplication::exec();
    run.stopAndWait();
    if (!m_json && !run.logPath().isEmpty())
        CliOutput::err(tr("proclab exec: session recorded in %1").arg(run.logPath()));
    return run.exitStatus() >= 0 ? run.exitStatus() : 1;
}

void ExecCommand::print(const SessionEvent &event) const
{
    if (m_json) {
        CliOutput::outRaw(event.toJsonLine() + '\n');
        return;
    }
    // stdout belongs to the program: a person reading the terminal gets the process events on stderr, briefly.
    if (!event.kind.startsWith(u"process."_s) && !event.kind.startsWith(u"python."_s) && event.kind != EventKind::Error)
        return;
    QStringList fields;
    for (auto it = event.fields.constBegin(); it != event.fields.constEnd(); ++it) {
        if (it.key() == u"cmdline"_s)
            continue;
        const QJsonValue value = it.value();
        if (value.isArray()) {
            // python.gil's threads: tid:share, one after another.
            QStringList items;
            for (const QJsonValue &item : value.toArray()) {
                const QJsonObject thread = item.toObject();
                items << u"%1:%2"_s.arg(thread.value(u"tid"_s).toInteger()).arg(thread.value(u"gil"_s).toDouble());
            }
            fields << it.key() + u'=' + items.join(u',');
            continue;
        }
        const QString text = value.isString() ? value.toString() : QString::number(value.toDouble(), 'g', 10);
        fields << it.key() + u'=' + TerminalText::visible(text); // names are the program's to choose
    }
    CliOutput::err(u"proclab %1  %2  %3"_s.arg(event.t, 8, 'f', 3).arg(event.kind.leftJustified(16), fields.join(u' ')));
}
