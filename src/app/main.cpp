// proclab: the window, or a headless subcommand (list, run, sample, exec, export, bench).
// Headless commands run on a QCoreApplication and need no display; only the window creates a QApplication.

#include "CliDispatcher.h"
#include "CliOutput.h"
#include "GuiOptions.h"
#include "LanguageSwitcher.h"
#include "MainWindow.h"

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

    QApplication app(argc, argv);
    QApplication::setWindowIcon(QIcon(u":/icons/proclab.svg"_s));
    QApplication::setDesktopFileName(u"org.proclab.ProcLab"_s);
    LanguageSwitcher languages;
    languages.apply(options.language().isEmpty() ? QSettings().value(u"settings/language"_s).toString()
                                                 : options.language());
    MainWindow window(&languages);
    window.show();
    return QApplication::exec();
}
