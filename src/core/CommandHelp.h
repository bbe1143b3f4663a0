#pragma once

#include <QString>

class QCommandLineParser;

// The --help text of one subcommand. QCommandLineParser::helpText() names the program after argv[0] of the
// running application, or "<executable_name>" when none exists yet (the window parses its options before it
// makes its QApplication); a subcommand's usage line must say the whole command, "Usage: proclab gui [options]".
class CommandHelp
{
public:
    // parser's help text with its usage line naming `command` ("proclab gui").
    static QString text(const QCommandLineParser &parser, const QString &command);
};
