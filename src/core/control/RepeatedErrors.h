#pragma once

#include "base/SessionEvent.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

// The same refusal again and again — 500 threads asked for under RLIMIT_NPROC make 476 EAGAIN answers — is one
// error for the user, not 476 lines. The first of a run of errors with the same `what` and errno is shown; the
// next ones are counted, and summary() turns the count into one error event with `repeated` (how many) and the
// last message. An error without an errno (a cap reached, a bad command) counts as the same only when its text is
// the same too.
class RepeatedErrors
{
    Q_DECLARE_TR_FUNCTIONS(RepeatedErrors)
public:
    // True when the error is to be shown now; false when it was counted as a repeat of the one shown last.
    bool admit(const QString &what, int error, const QString &message);
    // One error event for the repeats counted since the last summary (t left 0 for the caller), or nothing.
    std::optional<SessionEvent> summary();
    int pending() const { return m_repeats; }

private:
    QString m_what;
    int m_error = 0;
    QString m_lastMessage;
    int m_repeats = 0;
};
