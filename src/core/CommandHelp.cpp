#include "CommandHelp.h"

#include <QCommandLineParser>

using namespace Qt::Literals::StringLiterals;

QString CommandHelp::text(const QCommandLineParser &parser, const QString &command)
{
    QString help = parser.helpText();
    // The first line is "Usage: NAME [options] …" (Qt's own word "Usage:", translated with Qt's catalogue):
    // only the NAME after the first ": " is replaced.
    const qsizetype lineEnd = help.indexOf(u'\n');
    const qsizetype nameStart = help.indexOf(u": "_s);
    if (nameStart < 0 || (lineEnd >= 0 && nameStart > lineEnd))
        return help;
    const qsizetype nameEnd = help.indexOf(u' ', nameStart + 2);
    if (nameEnd < 0 || (lineEnd >= 0 && nameEnd > lineEnd))
        return help;
    help.replace(nameStart + 2, nameEnd - nameStart - 2, command);
    return help;
}
