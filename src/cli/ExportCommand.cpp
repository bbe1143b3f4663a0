#include "ExportCommand.h"

#include "CliOutput.h"
#include "CommandHelp.h"
#include "session/SessionExporter.h"
#include "session/SessionReader.h"

#include <QCommandLineParser>

using namespace Qt::Literals::StringLiterals;

QString ExportCommand::name() const
{
    return u"export"_s;
}

QString ExportCommand::summary() const
{
    return tr("write a recorded session as JSON Lines, CSV tables or an HTML report");
}

int ExportCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(summary());
    parser.addPositionalArgument(u"SESSION"_s, tr("the session file (.jsonl) to export"));
    const QCommandLineOption formatOption(
        u"format"_s, tr("the output format: %1").arg(SessionExporter::formats().join(u", "_s)), u"FORMAT"_s);
    const QCommandLineOption outputOption(u"output"_s,
                                          tr("the file to write (csv also writes STEM.tasks.csv, "
                                             "STEM.cpus.csv and STEM.queues.csv beside it)"),
                                          u"FILE"_s);
    const QCommandLineOption helpOption({u"h"_s, u"help"_s}, tr("show this help"));
    parser.addOption(formatOption);
    parser.addOption(outputOption);
    parser.addOption(helpOption);

    const QString usage =
        tr("usage: proclab export SESSION --format %1 --output FILE").arg(SessionExporter::formats().join(u'|'));
    if (!parser.parse(QStringList{u"proclab export"_s} + arguments)) {
        QString problem = parser.errorText();
        if (problem.endsWith(u'.'))
            problem.chop(1);
        return CliOutput::usageError(name(), problem + u"; "_s + usage);
    }
    if (parser.isSet(helpOption)) {
        CliOutput::out(CommandHelp::text(parser, u"proclab export"_s));
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return CliOutput::usageError(
            name(),
            (positional.isEmpty() ? tr("no session file given") : tr("one session file at a time")) + u"; "_s + usage);
    if (!parser.isSet(formatOption))
        return CliOutput::usageError(name(), tr("--format is missing; %1").arg(usage));
    if (!parser.isSet(outputOption))
        return CliOutput::usageError(name(), tr("--output is missing; %1").arg(usage));
    const QString format = parser.value(formatOption);
    std::unique_ptr<SessionExporter> exporter = SessionExporter::create(format);
    if (!exporter)
        return CliOutput::usageError(
            name(), tr("unknown format '%1'; allowed: %2").arg(format, SessionExporter::formats().join(u", "_s)));
    const QString input = positional.first();
    const QString output = parser.value(outputOption);
    if (output.isEmpty())
        return CliOutput::usageError(name(), tr("--output needs a file name"));
    // The output's rules (devices written in place, planted links refused, never the input itself) are
    // OutputTarget's; checked here so that a refused output is bad input, before anything is read.
    exporter->protectInput(input);
    if (!exporter->checkOutputs(output))
        return CliOutput::usageError(name(), exporter->errorString());

    SessionReader reader;
    if (!reader.open(input)) {
        // "cannot open FILE: …" names the file already; a content error names only its line.
        const QString where = reader.errorLine() > 0 ? input + u": "_s : QString();
        return CliOutput::usageError(name(), where + reader.errorString());
    }
    if (!exporter->exportTo(reader, output)) {
        // A reader error met half-way is a corrupt input (nothing was written); anything else is the output's.
        if (reader.hasError())
            return CliOutput::usageError(name(), input + u": "_s + reader.errorString());
        CliOutput::err(u"proclab export: "_s + exporter->errorString());
        return 1;
    }
    if (reader.isTruncated())
        CliOutput::err(tr("proclab export: warning: %1: %2").arg(input, reader.truncationNote()));
    for (const QString &path : exporter->writtenFiles())
        CliOutput::out(path);
    return 0;
}
