#pragma once

#include "base/SessionEvent.h"

#include <QtGlobal>

#include <optional>

// How much of a program's output a session records. A program may print without end (`yes` makes millions of
// lines a second); every line recorded costs a line in the file and, until it is written, memory. So the session
// records at most RateLines lines in each second of session time and at most SizeChars characters of output text in
// all; the lines beyond either cap are counted, not recorded, and the count is recorded as an `output.dropped`
// event at most once a second while lines are being dropped, and once more at the end (report(…, true)).
// The terminal and the window's console still show the output as it comes: only the record is capped.
//
// Plain arithmetic over session time: the caller supplies t, so a test can drive it without a clock.
class OutputBudget
{
public:
    static constexpr qint64 RateLines = 2000;            // lines per second of session time
    static constexpr qint64 SizeChars = 64 * 1024 * 1024; // characters of line text per session (UTF-16 units)

    // True when a line of `chars` characters at session time t may be recorded; false counts it as dropped.
    bool admit(double t, qint64 chars);
    // The `output.dropped` event for the lines dropped since the last report: due at the first drop, then at most
    // once a second, and at once with `final` (the session ends). Nothing when no line was dropped since the last
    // report.
    std::optional<SessionEvent> report(double t, bool final = false);

    qint64 droppedLines() const { return m_droppedTotal; }
    qint64 recordedChars() const { return m_chars; }

private:
    qint64 m_chars = 0;
    qint64 m_secondStart = -1; // the whole second of session time that m_linesThisSecond counts
    qint64 m_linesThisSecond = 0;
    qint64 m_droppedSinceReport = 0;
    qint64 m_droppedCharsSinceReport = 0;
    qint64 m_droppedTotal = 0;
    double m_lastReport = -1;
    bool m_sizeCapHit = false;
};
