#include "BenchCommand.h"

#include "CliChecks.h"
#include "CliOutput.h"
#include "CommandHelp.h"
#include "NumberText.h"
#include "QueueBenchmark.h"
#include "RecorderBenchmark.h"
#include "SamplerBenchmark.h"

#include <QCommandLineParser>

using namespace Qt::Literals::StringLiterals;

QString BenchCommand::summary() const
{
    return tr("measure the sampler, the queue or the recorder");
}

int BenchCommand::run(const QStringList &arguments)
{
    // The benchmarks this build has. Add a kind here and a branch below.
    const QStringList kinds = {u"sampler"_s, u"queue"_s, u"recorder"_s};
    const QString allowedKinds = tr("allowed: %1").arg(kinds.join(u", "_s));

    QCommandLineParser parser;
    const QCommandLineOption threadsOption(u"threads"_s, tr("Threads in the measured helper process (sampler)."), u"N"_s);
    const QCommandLineOption intervalOption(u"interval"_s, tr("Milliseconds between samples (sampler)."), u"MS"_s);
    const QCommandLineOption secondsOption(u"seconds"_s, tr("How long to measure."), u"S"_s);
    const QCommandLineOption jsonOption(u"json"_s, tr("One JSON line on stdout."));
    const QCommandLineOption helpOption({u"h"_s, u"help"_s}, tr("Show this help."));
    parser.addOptions({threadsOption, intervalOption, secondsOption, jsonOption, helpOption});
    parser.addPositionalArgument(u"kind"_s, kinds.join(u"|"_s));
    if (!parser.parse(QStringList{u"proclab bench"_s} + arguments))
        return CliOutput::usageError(name(), parser.errorText() + u"; "_s + allowedKinds);
    if (parser.isSet(helpOption)) {
        CliOutput::out(CommandHelp::text(parser, u"proclab bench"_s));
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return CliOutput::usageError(name(), tr("name one benchmark; %1").arg(allowedKinds));
    const QString kind = positional.first();

    if (kind == u"sampler"_s) {
        SamplerBenchmark::Options options;
        options.json = parser.isSet(jsonOption);
        if (parser.isSet(threadsOption)) {
            const std::optional<qint64> threads = NumberText::whole(parser.value(threadsOption), 1,
                                                                     SamplerBenchmark::MaxThreads);
            if (!threads)
                return CliOutput::usageError(name(), tr("--threads must be a whole number from 1 to %1")
                                                         .arg(SamplerBenchmark::MaxThreads));
            options.threads = int(*threads);
        }
        if (parser.isSet(intervalOption)) {
            QString error;
            if (!CliChecks::interval(parser.value(intervalOption), &options.intervalMs, &error))
                return CliOutput::usageError(name(), error);
        }
        if (parser.isSet(secondsOption)) {
            const std::optional<double> seconds = NumberText::real(parser.value(secondsOption), 0.5, 600);
            if (!seconds)
                return CliOutput::usageError(name(), tr("--seconds must be a number from 0.5 to 600"));
            options.seconds = *seconds;
        }
        return SamplerBenchmark::run(options);
    }
    if (kind == u"recorder"_s) {
        if (parser.isSet(threadsOption) || parser.isSet(intervalOption))
            return CliOutput::usageError(name(), tr("bench recorder takes only --seconds and --json"));
        RecorderBenchmark::Options options;
        options.json = parser.isSet(jsonOption);
        if (parser.isSet(secondsOption)) {
            const std::optional<double> seconds = NumberText::real(parser.value(secondsOption), 0.5, 600);
            if (!seconds)
                return CliOutput::usageError(name(), tr("--seconds must be a number from 0.5 to 600"));
            options.seconds = *seconds;
        }
        return RecorderBenchmark::run(options);
    }
    if (kind == u"queue"_s) {
        if (parser.isSet(threadsOption) || parser.isSet(intervalOption))
            return CliOutput::usageError(name(), tr("bench queue takes only --seconds and --json"));
        QueueBenchmark::Options options;
        options.json = parser.isSet(jsonOption);
        if (parser.isSet(secondsOption)) {
            const std::optional<double> seconds = NumberText::real(parser.value(secondsOption), 0.1, 60);
            if (!seconds)
                return CliOutput::usageError(name(), tr("--seconds (per round) must be a number from 0.1 to 60"));
            options.seconds = *seconds;
        }
        return QueueBenchmark::run(options);
    }
    return CliOutput::usageError(name(), tr("unknown benchmark '%1'; %2").arg(kind, allowedKinds));
}
