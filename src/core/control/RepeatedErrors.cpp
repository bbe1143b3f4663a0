#include "RepeatedErrors.h"

#include "ControlEvents.h"

using namespace Qt::Literals::StringLiterals;

bool RepeatedErrors::admit(const QString &what, int error, const QString &message)
{
    // A kernel refusal repeats with another PID in its text; an error of ProcLab's own (a cap) repeats word for word.
    const bool same = what == m_what && error == m_error && (error != 0 || message == m_lastMessage);
    if (same) {
        ++m_repeats;
        m_lastMessage = message;
        return false;
    }
    m_what = what;
    m_error = error;
    m_lastMessage = message;
    return true;
}

std::optional<SessionEvent> RepeatedErrors::summary()
{
    if (m_repeats == 0)
        return std::nullopt;
    SessionEvent event = ControlEvents::error(
        m_what, tr("The same error %n more time(s), the last: %1", "", m_repeats).arg(m_lastMessage), m_error);
    event.fields.insert(u"repeated"_s, m_repeats);
    m_repeats = 0;
    return event;
}
