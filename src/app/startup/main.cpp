// proclab: the window, or a headless subcommand (list, run, sample, exec, export, bench).
// Headless commands run on a QCoreApplication and need no display; only the window creates a QApplication.

#include "CliDispatcher.h"
#include "CliOutput.h"
#include "EventLoopWatch.h"
#include "StopSignals.h"
#include "window/GuiOptions.h"
#include "window/LanguageSwitcher.h"
#include "window/MainWindow.h"

#include "BuildInfo.h"

#include <QApplication>
#include <QSettings>

using namespace Qt::Literals::StringLiterals;

namespace {
void setApplicationNames()
{
    QCoreApplication::setOrganizationName(u"proclab"_s);
    QCoreApplication::setApplicationName(u"proclab"_s);
    QCoreApplication::setApplicationVersion(QLatin1StringView(PROCLAB_VERSION));
}

QStringList argumentsOf(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 1; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    return arguments;
}
} // namespace

int main(int argc, char **argv)
{
    setApplicationNames();
    const QStringList arguments = argumentsOf(argc, argv);

    CliDispatcher cli;
    if (cli.isHeadless(arguments)) {
        QCoreApplication app(argc, argv);
        LanguageSwitcher languages;
        languages.apply({});
        return cli.run(arguments);
    }

    GuiOptions options;
    if (!options.parse(arguments))
        return CliOutput::usageError(u"gui"_s, options.error());
    if (options.helpRequested()) {
        CliOutput::out(options.helpText());
        return 0;
    }
    // An unknown experiment or a bad --set is refused before any window appears (exit 2, one line).
    if (QString error; !options.validate(&error))
        return CliOutput::usageError(u"gui"_s, error);

    QApplication app(argc, argv);
    // PROCLAB_STALL_REPORT=FILE: how long the event loop was kept from running, written at exit (tests/bench).
    const std::unique_ptr<EventLoopWatch> stallWatch = EventLoopWatch::fromEnvironment();
    QApplication::setWindowIcon(QIcon(u":/icons/proclab.svg"_s));
    QApplication::setDesktopFileName(u"org.proclab.ProcLab"_s);
    LanguageSwitcher languages;
    languages.apply(options.language().isEmpty() ? QSettings().value(u"settings/language"_s).toString()
                                                 : options.language());
    MainWindow window(&languages);
    // SIGTERM or SIGINT (a logout, `kill`, Ctrl+C in the terminal) closes the window like Quit does, so the lab is
    // stopped and reaped instead of being left to the parent-death signal and to whoever reaps orphans.
    StopSignals stopSignals;
    QObject::connect(&stopSignals, &StopSignals::received, &window, [&window] {
        window.close();
        QApplication::quit();
    });
    window.applyOptions(options);
    window.showAtStart();
    const int status = QApplication::exec();
    if (stallWatch && !stallWatch->writeReport())
        CliOutput::err(stallWatch->errorString());
    return status;
}
