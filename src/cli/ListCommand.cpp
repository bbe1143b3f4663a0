#include "ListCommand.h"

#include "CliOutput.h"
#include "CommandHelp.h"
#include "experiments/ExperimentCatalogue.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

QString ListCommand::summary() const
{
    return tr("list the experiments and their parameters");
}

int ListCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption json(u"json"_s, tr("One JSON array on stdout."));
    const QCommandLineOption help({u"h"_s, u"help"_s}, tr("Show this help."));
    parser.addOptions({json, help});
    if (!parser.parse(QStringList{u"proclab list"_s} + arguments))
        return CliOutput::usageError(name(), parser.errorText() + tr("; allowed: --json"));
    if (!parser.positionalArguments().isEmpty())
        return CliOutput::usageError(
            name(), tr("unexpected argument '%1'; allowed: --json").arg(parser.positionalArguments().first()));
    if (parser.isSet(help)) {
        CliOutput::out(CommandHelp::text(parser, u"proclab list"_s));
        return 0;
    }

    const auto experiments = ExperimentCatalogue::all();
    if (parser.isSet(json)) {
        QJsonArray list;
        for (const auto &experiment : experiments)
            list.append(experiment->describe());
        CliOutput::outRaw(QJsonDocument(list).toJson(QJsonDocument::Compact) + '\n');
        return 0;
    }
    for (const auto &experiment : experiments) {
        CliOutput::out(u"%1  %2"_s.arg(experiment->id().leftJustified(18), experiment->title()));
        CliOutput::out(u"    "_s + experiment->summary());
        for (const ParameterSpec &spec : experiment->parameters()) {
            CliOutput::out(u"    --set %1=%2   "_s.arg(spec.name, spec.defaultValue.toString())
                           + tr("%1 (%2)", "a parameter's description and what it allows")
                                 .arg(spec.description, spec.allowed()));
        }
        CliOutput::out({});
    }
    return 0;
}
