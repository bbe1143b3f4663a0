#include "LessonPathReport.h"

#include "ExperimentCatalogue.h"
#include "LessonPath.h"
#include "session/HtmlReportExporter.h"
#include "session/SvgWriter.h"

#include <QJsonArray>
#include <QLocale>

using namespace Qt::Literals::StringLiterals;

namespace {
QString esc(const QString &text)
{
    return SvgWriter::escaped(text);
}

QString choiceText(const QStringList &choices, int index)
{
    return index >= 0 && index < choices.size() ? choices.at(index) : QString();
}
} // namespace

QList<LessonPathReport::Step> LessonPathReport::progress(const QList<LessonAttempt> &attempts)
{
    QList<Step> steps;
    const QList<LessonPath::Stage> stages = LessonPath::stages();
    for (qsizetype s = 0; s < stages.size(); ++s) {
        for (const QString &id : stages.at(s).experiments) {
            Step step;
            step.stage = int(s + 1);
            step.experiment = id;
            if (const auto experiment = ExperimentCatalogue::create(id)) {
                step.title = experiment->title();
                step.question = experiment->prediction().question;
                step.choices = experiment->prediction().choices;
            }
            for (const LessonAttempt &attempt : attempts) {
                if (attempt.experiment != id)
                    continue;
                ++step.runs;
                step.predictions += attempt.predictionMade() ? 1 : 0;
                step.right += attempt.right() ? 1 : 0;
                if (!step.last || attempt.when >= step.last->when)
                    step.last = attempt;
            }
            steps << step;
        }
    }
    return steps;
}

QString LessonPathReport::outcomeOf(const Step &step)
{
    if (!step.last)
        return u"not_run"_s;
    if (step.last->verdict == u"inconclusive"_s || step.last->answer < 0)
        return u"inconclusive"_s;
    if (!step.last->predictionMade())
        return u"skipped"_s;
    return step.last->right() ? u"right"_s : u"wrong"_s;
}

QString LessonPathReport::outcomeText(const Step &step)
{
    const QString outcome = outcomeOf(step);
    if (outcome == u"not_run"_s)
        return tr("Not run yet");
    if (outcome == u"inconclusive"_s)
        return tr("Inconclusive: the run proved none of the choices");
    if (outcome == u"skipped"_s)
        return tr("No prediction made");
    return outcome == u"right"_s ? tr("Right") : tr("Not quite");
}

QJsonObject LessonPathReport::json(const QList<Step> &steps)
{
    QJsonArray stages;
    const QList<LessonPath::Stage> all = LessonPath::stages();
    for (qsizetype s = 0; s < all.size(); ++s) {
        QJsonArray experiments;
        for (const Step &step : steps) {
            if (step.stage != s + 1)
                continue;
            QJsonObject item{{u"experiment"_s, step.experiment}, {u"runs"_s, step.runs},
                             {u"predictions"_s, step.predictions}, {u"right"_s, step.right},
                             {u"outcome"_s, outcomeOf(step)}};
            if (step.last) {
                QJsonObject last = step.last->toJson();
                last.insert(u"predicted_text"_s, choiceText(step.choices, step.last->predicted));
                last.insert(u"answer_text"_s, choiceText(step.choices, step.last->answer));
                item.insert(u"last"_s, last);
            }
            experiments.append(item);
        }
        stages.append(QJsonObject{{u"stage"_s, int(s + 1)}, {u"title"_s, all.at(s).title},
                                  {u"experiments"_s, experiments}});
    }
    return QJsonObject{{u"stages"_s, stages}};
}

LessonPathReport::Totals LessonPathReport::totals(const QList<Step> &steps)
{
    Totals totals;
    for (const Step &step : steps) {
        if (!step.last)
            continue;
        ++totals.run;
        totals.predicted += step.last->predictionMade() ? 1 : 0;
        totals.right += step.last->right() ? 1 : 0;
    }
    return totals;
}

QString LessonPathReport::html(const QList<Step> &steps, const QString &learner, const QDateTime &made)
{
    const QLocale locale;
    const Totals sum = totals(steps);
    QString html = u"<!DOCTYPE html>\n<html lang=\""_s + esc(tr("en", "HTML language code")) + u"\">\n<head>\n"_s
        + u"<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"_s
        + u"<title>"_s + esc(tr("ProcLab lesson path")) + u"</title>\n<style>"_s + HtmlReportExporter::styleSheet()
        + uR"css(
.stage h2 span{color:var(--muted);font-weight:500;margin-right:6px}
.path{table-layout:fixed}
.path th:nth-child(1){width:38%}.path th:nth-child(2){width:19%}.path th:nth-child(3){width:23%}
.path th:nth-child(4){width:11%}.path th:nth-child(5){width:9%}
.path td.outcome{font-weight:600}
.path tr.right td.outcome{color:#15803d}
.path tr.wrong td.outcome{color:#b45309}
.path tr.not_run td{color:var(--muted)}
.path .question{color:var(--muted);font-size:12px}
)css"_s + u"</style>\n</head>\n<body>\n<main>\n"_s;
    html += u"<header><p class=\"eyebrow\">"_s + esc(tr("ProcLab lesson path")) + u"</p><h1>"_s
        + esc(learner.isEmpty() ? tr("Lesson path") : learner) + u"</h1><dl class=\"facts\">"_s;
    const auto fact = [&](const QString &name, const QString &value) {
        html += u"<div><dt>"_s + esc(name) + u"</dt><dd>"_s + esc(value) + u"</dd></div>"_s;
    };
    fact(tr("Made"), locale.toString(made, QLocale::ShortFormat));
    fact(tr("Experiments run"), tr("%1 of %2").arg(sum.run).arg(steps.size()));
    fact(tr("Predictions made"), QString::number(sum.predicted));
    fact(tr("Predictions right"), tr("%1 of %2").arg(sum.right).arg(sum.predicted));
    html += u"</dl></header>\n"_s;

    const QList<LessonPath::Stage> stages = LessonPath::stages();
    for (qsizetype s = 0; s < stages.size(); ++s) {
        html += u"<section class=\"stage\"><h2><span>"_s + QString::number(s + 1) + u"</span>"_s
            + esc(stages.at(s).title) + u"</h2><p class=\"hint\">"_s + esc(stages.at(s).idea) + u"</p>"_s;
        html += u"<table class=\"path\"><thead><tr><th>"_s + esc(tr("Experiment")) + u"</th><th>"_s
            + esc(tr("Predicted")) + u"</th><th>"_s + esc(tr("The run proved")) + u"</th><th>"_s + esc(tr("Result"))
            + u"</th><th>"_s + esc(tr("Runs")) + u"</th></tr></thead><tbody>"_s;
        for (const Step &step : steps) {
            if (step.stage != s + 1)
                continue;
            const QString outcome = outcomeOf(step);
            html += u"<tr class=\""_s + outcome + u"\"><td><b>"_s + esc(step.title) + u"</b> <code>"_s
                + esc(step.experiment) + u"</code><div class=\"question\">"_s + esc(step.question) + u"</div></td>"_s;
            if (step.last) {
                const QString predictedText = step.last->predictionMade()
                    ? choiceText(step.choices, step.last->predicted) : tr("(skipped)");
                const QString proved = step.last->answer >= 0 ? choiceText(step.choices, step.last->answer)
                                                               : tr("(none)");
                html += u"<td>"_s + esc(predictedText) + u"</td><td>"_s + esc(proved)
                    + (step.last->detail.isEmpty() ? QString()
                                                   : u"<div class=\"question\">"_s + esc(step.last->detail) + u"</div>"_s)
                    + u"</td>"_s;
            } else {
                html += u"<td></td><td></td>"_s;
            }
            html += u"<td class=\"outcome\">"_s + esc(outcomeText(step)) + u"</td><td class=\"num\">"_s
                + (step.runs ? tr("%1 (%2 right of %3 predicted)").arg(step.runs).arg(step.right).arg(step.predictions)
                             : QString()) + u"</td></tr>"_s;
        }
        html += u"</tbody></table></section>\n"_s;
    }
    html += u"</main>\n</body>\n</html>\n"_s;
    return html;
}
