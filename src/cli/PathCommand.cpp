#include "PathCommand.h"

#include "CliOutput.h"
#include "CommandHelp.h"
#include "experiments/LessonPath.h"
#include "experiments/LessonPathReport.h"
#include "session/LessonJournal.h"
#include "session/SessionExporter.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

QString PathCommand::summary() const
{
    return tr("show the lesson path with your predictions and results, or write it as an HTML page");
}

int PathCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption json(u"json"_s, tr("One JSON object on stdout."));
    const QCommandLineOption html(u"html"_s, tr("Write the lesson path as one self-contained HTML page."), u"FILE"_s);
    const QCommandLineOption learner(u"learner"_s, tr("The learner's name at the top of the page."), u"NAME"_s);
    const QCommandLineOption help({u"h"_s, u"help"_s}, tr("Show this help."));
    parser.addOptions({json, html, learner, help});
    const QString allowed = tr("allowed: --json, --html FILE, --learner NAME");
    if (!parser.parse(QStringList{u"proclab path"_s} + arguments))
        return CliOutput::usageError(name(), parser.errorText() + u"; "_s + allowed);
    if (!parser.positionalArguments().isEmpty())
        return CliOutput::usageError(
            name(), tr("unexpected argument '%1'; %2").arg(parser.positionalArguments().first(), allowed));
    if (parser.isSet(help)) {
        CliOutput::out(CommandHelp::text(parser, u"proclab path"_s));
        return 0;
    }
    const QString name = parser.value(learner).trimmed();
    if (name.size() > LessonPathReport::MaxLearnerName)
        return CliOutput::usageError(this->name(), tr("--learner takes a name of at most %1 characters")
                                                       .arg(LessonPathReport::MaxLearnerName));

    int skipped = 0;
    QString error;
    const LessonJournal journal;
    const QList<LessonPathReport::Step> steps = LessonPathReport::progress(journal.attempts(&skipped, &error));
    if (!error.isEmpty())
        CliOutput::err(u"proclab path: "_s + error);
    if (skipped > 0)
        CliOutput::err(u"proclab path: "_s
                       + tr("%n line(s) of %1 were not runs and were left out", nullptr, skipped).arg(journal.path()));

    if (parser.isSet(html)) {
        const std::unique_ptr<SessionExporter> writer = SessionExporter::create(u"html"_s);
        const QByteArray page = LessonPathReport::html(steps, name, QDateTime::currentDateTime()).toUtf8();
        if (!writer->writeDocument(parser.value(html), page)) {
            CliOutput::err(u"proclab path: "_s + writer->errorString());
            return 1;
        }
    }
    if (parser.isSet(json)) {
        CliOutput::outRaw(QJsonDocument(LessonPathReport::json(steps)).toJson(QJsonDocument::Compact) + '\n');
        return 0;
    }
    if (parser.isSet(html))
        return 0;
    const QList<LessonPath::Stage> stages = LessonPath::stages();
    for (qsizetype s = 0; s < stages.size(); ++s) {
        CliOutput::out(u"%1. %2"_s.arg(s + 1).arg(stages.at(s).title));
        for (const LessonPathReport::Step &step : steps) {
            if (step.stage == s + 1)
                CliOutput::out(u"   %1  %2"_s.arg(step.experiment.leftJustified(18), LessonPathReport::outcomeText(step)));
        }
    }
    return 0;
}
