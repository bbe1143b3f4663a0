#include "GuiOptions.h"

#include "CommandHelp.h"
#include "LanguageSwitcher.h"
#include "NumberText.h"
#include "experiments/ExperimentCatalogue.h"

#include <QCommandLineParser>

using namespace Qt::Literals::StringLiterals;

bool GuiOptions::parse(const QStringList &arguments)
{
    QStringList args = arguments;
    if (!args.isEmpty() && args.first() == u"gui"_s)
        args.removeFirst();
    args.prepend(u"proclab gui"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Open the ProcLab window."));
    const QCommandLineOption help({u"h"_s, u"help"_s}, tr("Show this help."));
    const QCommandLineOption experiment(u"experiment"_s, tr("Select the experiment ID."), u"ID"_s);
    const QCommandLineOption set(u"set"_s, tr("Set an experiment parameter (repeatable)."), u"KEY=VALUE"_s);
    const QCommandLineOption interval(u"interval"_s, tr("Sampling interval in milliseconds (50–5000)."), u"MS"_s);
    const QCommandLineOption start(u"start"_s, tr("Start the selected experiment at once."));
    const QCommandLineOption step(u"step"_s, tr("Step mode: the lesson's threads wait for you to grant each step."));
    const QCommandLineOption lang(u"lang"_s, tr("User interface language: zh_CN or en."), u"LANG"_s);
    const QCommandLineOption openOption(u"open"_s, tr("Open a recorded session for replay, as Session ▸ Open… does."),
                                  u"SESSION"_s);
    parser.addOptions({help, experiment, set, interval, step, start, lang, openOption});
    m_helpText = CommandHelp::text(parser, u"proclab gui"_s);

    if (!parser.parse(args)) {
        m_error = parser.errorText();
        return false;
    }
    if (!parser.positionalArguments().isEmpty()) {
        m_error = tr("unexpected argument '%1'; the window takes only options").arg(parser.positionalArguments().first());
        return false;
    }
    m_help = parser.isSet(help);
    m_experiment = parser.value(experiment);
    m_assignments = parser.values(set);
    for (const QString &assignment : std::as_const(m_assignments)) {
        if (!assignment.contains(u'=') || assignment.startsWith(u'=')) {
            m_error = tr("--set takes KEY=VALUE, got '%1'").arg(assignment);
            return false;
        }
    }
    if (parser.isSet(interval)) {
        const std::optional<qint64> value = NumberText::whole(parser.value(interval), MinIntervalMs, MaxIntervalMs);
        m_intervalMs = value ? int(*value) : 0;
        if (!value) {
            m_error = tr("--interval takes milliseconds from %1 to %2, got '%3'")
                          .arg(MinIntervalMs).arg(MaxIntervalMs).arg(parser.value(interval));
            return false;
        }
    }
    m_start = parser.isSet(start);
    m_step = parser.isSet(step);
    // What is wrong inside the file is the window's to show (it keeps running); only the option is checked here.
    m_openPath = parser.value(openOption);
    if (parser.isSet(openOption) && m_openPath.isEmpty()) {
        m_error = tr("--open takes a session file (.jsonl)");
        return false;
    }
    if (parser.isSet(openOption) && m_start) {
        m_error = tr("--open replays a recording and --start runs an experiment: give one of them");
        return false;
    }
    if (parser.isSet(lang)) {
        m_language = parser.value(lang);
        if (!LanguageSwitcher::available().contains(m_language)) {
            m_error = tr("--lang takes %1, got '%2'").arg(LanguageSwitcher::available().join(u" or "_s), m_language);
            return false;
        }
    }
    return true;
}

bool GuiOptions::validate(QString *error) const
{
    if (m_experiment.isEmpty()) {
        if (!m_assignments.isEmpty()) {
            *error = tr("--set needs --experiment ID; experiments: %1").arg(ExperimentCatalogue::ids().join(u", "_s));
            return false;
        }
        return true;
    }
    const std::unique_ptr<Experiment> experiment = ExperimentCatalogue::create(m_experiment);
    if (!experiment) {
        *error = tr("unknown experiment '%1'; allowed: %2")
                     .arg(m_experiment, ExperimentCatalogue::ids().join(u", "_s));
        return false;
    }
    ParameterValues values = experiment->defaults();
    for (const QString &assignment : m_assignments) {
        if (!values.assign(assignment, error))
            return false;
    }
    if (m_step && experiment->steppingThreads(values) <= 0) {
        QStringList stepping;
        for (const QString &id : ExperimentCatalogue::ids()) {
            const std::unique_ptr<Experiment> other = ExperimentCatalogue::create(id);
            if (other && other->steppingThreads(other->defaults()) > 0)
                stepping << id;
        }
        *error = tr("--step needs an experiment with step mode: %1").arg(stepping.join(u", "_s));
        return false;
    }
    return true;
}
