#pragma once

#include <QString>
#include <QStringView>

// What ProcLab prints to a terminal when the text is not its own: process and thread names (any local user
// chooses them: prctl(PR_SET_NAME), /proc/self/comm), command lines, a program's event fields, the user's own
// input quoted in an error. A terminal obeys the control characters in it — ESC starts a sequence that can set
// the window's title, clear the screen or, on some terminals, answer back into the input — so they are shown as
// visible escapes instead: ESC as \e, newline \n, carriage return \r, tab \t, any other C0 control
// and DEL as \xHH, a C1 control (U+0080…U+009F: 8-bit CSI and OSC) and a Unicode direction override (which
// reorders what the terminal shows) as \u{HHHH}. Everything else, Chinese included, is left as it is. A
// backslash is not doubled: escaping twice changes nothing, so a line of escaped fields can go through CliOutput's
// own escaping again. The JSON output has its own escaping.
class TerminalText
{
public:
    enum class Newlines { Escape, Keep };

    // `text` with every control character escaped. Keep leaves '\n' alone, for ProcLab's own multi-line output
    // (a table) whose fields were escaped already.
    static QString visible(QStringView text, Newlines newlines = Newlines::Escape);
    // True when visible() would change `text`.
    static bool needsEscaping(QStringView text, Newlines newlines = Newlines::Escape);
};
