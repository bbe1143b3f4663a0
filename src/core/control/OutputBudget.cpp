#include "OutputBudget.h"
#include "base/EventKind.h"

#include <cmath>

using namespace Qt::Literals::StringLiterals;

bool OutputBudget::admit(double t, qint64 chars)
{
    const qint64 second = qint64(std::floor(t));
    if (second != m_secondStart) {
        m_secondStart = second;
        m_linesThisSecond = 0;
    }
    if (m_chars + chars > SizeChars)
        m_sizeCapHit = true;
    if (m_sizeCapHit || m_linesThisSecond >= RateLines) {
        ++m_droppedSinceReport;
        ++m_droppedTotal;
        m_droppedCharsSinceReport += chars;
        return false;
    }
    ++m_linesThisSecond;
    m_chars += chars;
    return true;
}

std::optional<SessionEvent> OutputBudget::report(double t, bool final)
{
    if (m_droppedSinceReport == 0)
        return std::nullopt;
    if (!final && m_lastReport >= 0 && t - m_lastReport < 1.0)
        return std::nullopt;
    SessionEvent event{t, EventKind::OutputDropped,
                       {{u"lines"_s, m_droppedSinceReport},
                        {u"chars"_s, m_droppedCharsSinceReport},
                        {u"total_lines"_s, m_droppedTotal},
                        {u"cap"_s, m_sizeCapHit ? u"size"_s : u"rate"_s},
                        {u"rate_lines"_s, RateLines},
                        {u"size_chars"_s, SizeChars}}};
    m_droppedSinceReport = 0;
    m_droppedCharsSinceReport = 0;
    m_lastReport = t;
    return event;
}
