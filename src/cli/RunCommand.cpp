#include "RunCommand.h"

#include "CliChecks.h"
#include "CliOutput.h"
#include "CommandHelp.h"
#include "NumberText.h"
#include "StopSignals.h"
#include "TerminalText.h"
#include "experiments/ExperimentCatalogue.h"
#include "experiments/ExperimentRun.h"
#include "experiments/PredictionReveal.h"
#include "experiments/StepSchedule.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

QString RunCommand::summary() const
{
    return tr("run an experiment headless and report whether it showed its phenomenon");
}

int RunCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption set(u"set"_s, tr("Set a parameter (repeatable)."), u"KEY=VALUE"_s);
    const QCommandLineOption duration(u"duration"_s, tr("Seconds to run (default 10; 0: until interrupted)."),
                                      u"S"_s, u"10"_s);
    const QCommandLineOption interval(u"interval"_s, tr("Sampling interval in ms (50–5000, default 100)."),
                                      u"MS"_s, u"100"_s);
    const QCommandLineOption log(u"log"_s, tr("Record the session into FILE."), u"FILE"_s);
    const QCommandLineOption json(u"json"_s, tr("One JSON object per line on stdout."));
    const QCommandLineOption schedule(u"schedule"_s,
                                      tr("Step mode: grant steps to these threads in this order (1-based), then end."),
                                      u"N,N,…"_s);
    const QCommandLineOption predict(u"predict"_s,
                                     tr("Answer the experiment's prediction question first (its choice N, 1-based; "
                                        "see `proclab list --json`): the result says whether the run proved it, "
                                        "and the run goes into your lesson journal (`proclab path`)."),
                                     u"N"_s);
    const QCommandLineOption help({u"h"_s, u"help"_s}, tr("Show this help."));
    parser.addOptions({set, duration, interval, log, json, schedule, predict, help});
    parser.addPositionalArgument(u"ID"_s, tr("The experiment (see `proclab list`)."));
    const QString allowedOptions = u"--set KEY=VALUE, --duration S, --interval MS, --log FILE, --json, --schedule N,N,…, --predict N"_s;
    if (!parser.parse(QStringList{u"proclab run"_s} + arguments))
        return CliOutput::usageError(name(), parser.errorText() + u"; "_s + tr("allowed: %1").arg(allowedOptions));
    if (parser.isSet(help)) {
        CliOutput::out(CommandHelp::text(parser, u"proclab run"_s));
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    const QString ids = ExperimentCatalogue::ids().join(u", "_s);
    if (positional.isEmpty())
        return CliOutput::usageError(name(), tr("which experiment? allowed: %1").arg(ids));
    if (positional.size() > 1)
        return CliOutput::usageError(name(), tr("one experiment at a time, got '%1'").arg(positional.join(u' ')));
    std::unique_ptr<Experiment> experiment = ExperimentCatalogue::create(positional.first());
    if (!experiment)
        return CliOutput::usageError(name(), tr("unknown experiment '%1'; allowed: %2").arg(positional.first(), ids));

    ParameterValues values = experiment->defaults();
    for (const QString &assignment : parser.values(set)) {
        QString error;
        if (!values.assign(assignment, &error))
            return CliOutput::usageError(name(), error);
    }
    const std::optional<double> seconds = NumberText::real(parser.value(duration), 0, 86400);
    if (!seconds)
        return CliOutput::usageError(name(), tr("--duration takes seconds from 0 to 86400, got '%1'")
                                                 .arg(parser.value(duration)));
    int intervalMs = 0;
    if (QString error; !CliChecks::interval(parser.value(interval), &intervalMs, &error))
        return CliOutput::usageError(name(), error);
    ExperimentRun::Options options;
    options.intervalMs = intervalMs;
    if (parser.isSet(log)) {
        options.logPath = parser.value(log);
        if (QString error; !CliChecks::logPath(options.logPath, &error))
            return CliOutput::usageError(name(), error);
    }
    m_json = parser.isSet(json);
    QList<int> grants;
    if (parser.isSet(schedule)) {
        const int threads = experiment->steppingThreads(values);
        if (threads <= 0)
            return CliOutput::usageError(name(), tr("'%1' has no step mode; --schedule works with: %2")
                                                     .arg(experiment->id(), steppingIds()));
        if (QString error; !StepSchedule::parse(parser.value(schedule), threads, &grants, &error))
            return CliOutput::usageError(name(), error);
        options.stepping = true;
    }

    if (parser.isSet(predict)) {
        const QStringList choices = experiment->prediction().choices;
        const std::optional<qint64> choice = NumberText::whole(parser.value(predict), 1, choices.size());
        if (!choice) {
            QStringList numbered;
            for (qsizetype i = 0; i < choices.size(); ++i)
                numbered << u"%1 (%2)"_s.arg(i + 1).arg(choices.at(i));
            return CliOutput::usageError(name(), tr("--predict takes one of %1's choices: %2; got '%3'")
                                                     .arg(experiment->id(), numbered.join(u", "_s),
                                                          parser.value(predict)));
        }
        options.predicted = int(*choice - 1);
        options.journal = true;
    }

    const QString id = experiment->id();
    ExperimentRun run(std::move(experiment), values, options);
    QObject::connect(&run, &ExperimentRun::event, [this](const SessionEvent &event) { print(event); });
    QObject::connect(&run, &ExperimentRun::oldSessionsDeleted, [](const QStringList &paths) {
        CliOutput::err(u"proclab run: "_s + SessionRetention::deletedMessage(paths));
    });
    StopSignals stopSignals;
    QObject::connect(&stopSignals, &StopSignals::received, &run, [&run] { run.stop(ExperimentRun::StopReason::User); });
    QObject::connect(&run, &ExperimentRun::finished, qApp, &QCoreApplication::quit, Qt::QueuedConnection);
    if (!run.start()) {
        CliOutput::err(u"proclab run: "_s + run.errorString());
        return 1;
    }
    // A schedule ends the run itself; one that cannot be followed is bad input (exit 2), and ends it too.
    QString scheduleError;
    StepSchedule stepper(run, grants);
    if (!grants.isEmpty()) {
        QObject::connect(&stepper, &StepSchedule::finished, &run, [&run] { run.stop(ExperimentRun::StopReason::Schedule); });
        QObject::connect(&stepper, &StepSchedule::failed, &run, [&run, &scheduleError](const QString &reason) {
            scheduleError = reason;
            run.stop(ExperimentRun::StopReason::Error);
        });
        stepper.start();
    } else if (*seconds > 0)
        QTimer::singleShot(int(*seconds * 1000), &run, [&run] { run.stop(ExperimentRun::StopReason::Duration); });
    QCoreApplication::exec();
    run.stop();
    if (!scheduleError.isEmpty())
        return CliOutput::usageError(name(), scheduleError);

    const PhenomenonVerdict verdict = run.verdict();
    if (m_json) {
        QJsonObject summaryLine{{u"kind"_s, u"summary"_s}, {u"experiment"_s, id},
                                      {u"observed"_s, verdict.observed}, {u"verdict"_s, verdict.verdictName()},
                                      {u"detail"_s, verdict.detail},
                                      {u"figures"_s, verdict.figures}, {u"log"_s, run.logPath()}};
        if (verdict.answer >= 0)
            summaryLine.insert(u"answer"_s, verdict.answer);
        if (run.predicted() >= 0) {
            summaryLine.insert(u"predicted"_s, run.predicted());
            if (verdict.answer >= 0)
                summaryLine.insert(u"right"_s, verdict.answer == run.predicted());
        }
        CliOutput::outRaw(QJsonDocument(summaryLine).toJson(QJsonDocument::Compact) + '\n');
    } else {
        CliOutput::out(verdict.observed ? tr("Observed: %1").arg(verdict.detail)
                       : verdict.outcome == PhenomenonVerdict::Outcome::Inconclusive
                           ? tr("Inconclusive: %1").arg(verdict.detail)
                           : tr("Not observed: %1").arg(verdict.detail));
        if (run.predicted() >= 0)
            CliOutput::out(PredictionReveal::sentence(run.phenomenon(), run.predicted(),
                                                      run.experiment().prediction().choices.value(run.predicted())));
        if (!run.logPath().isEmpty())
            CliOutput::out(tr("Session recorded in %1").arg(run.logPath()));
    }
    if (!run.journalError().isEmpty())
        CliOutput::err(u"proclab run: "_s + run.journalError());
    // Inconclusive: the machine left the lesson too few free cores to show; one line says whose load it was.
    if (verdict.outcome == PhenomenonVerdict::Outcome::Inconclusive) {
        CliOutput::err(u"proclab run: "_s + verdict.loadNote);
        return 3;
    }
    return verdict.observed ? 0 : 1;
}

QString RunCommand::steppingIds()
{
    QStringList ids;
    for (const QString &id : ExperimentCatalogue::ids()) {
        const std::unique_ptr<Experiment> experiment = ExperimentCatalogue::create(id);
        if (experiment && experiment->steppingThreads(experiment->defaults()) > 0)
            ids << id;
    }
    return ids.join(u", "_s);
}

void RunCommand::print(const SessionEvent &event) const
{
    if (m_json) {
        CliOutput::outRaw(event.toJsonLine() + '\n');
        return;
    }
    // The samples are for files and charts; a person reading the terminal wants what happened.
    if (event.kind.endsWith(u".sample"_s))
        return;
    QStringList fields;
    for (auto it = event.fields.constBegin(); it != event.fields.constEnd(); ++it) {
        const QJsonValue value = it.value();
        QString text;
        if (value.isString())
            text = value.toString();
        else if (value.isDouble())
            text = QString::number(value.toDouble(), 'g', 10);
        else if (value.isBool())
            text = value.toBool() ? u"true"_s : u"false"_s;
        else if (value.isArray())
            text = QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
        else
            text = QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
        // A program's or a thread's name, a reason, an error quoting input: one visible line on the terminal.
        fields << it.key() + u'=' + TerminalText::visible(text);
    }
    CliOutput::out(u"%1  %2  %3"_s.arg(event.t, 8, 'f', 3).arg(event.kind.leftJustified(20), fields.join(u' ')));
}
