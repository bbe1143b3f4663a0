#include "RecordedSchedule.h"

#include "base/EventKind.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

RecordedSchedule RecordedSchedule::of(const QList<SessionEvent> &events)
{
    RecordedSchedule schedule;
    QList<std::pair<int, int>> steps; // (place in the schedule, thread)
    for (const SessionEvent &event : events) {
        if (event.kind == EventKind::ExperimentStart) {
            schedule.experiment = event.fields.value(u"experiment"_s).toString();
            schedule.parameters = event.fields.value(u"parameters"_s).toObject();
            steps.clear();
        } else if (event.kind == EventKind::Step) {
            const int thread = event.fields.value(u"thread"_s).toInt();
            if (thread > 0)
                steps.append({event.fields.value(u"step"_s).toInt(int(steps.size()) + 1), thread});
        }
    }
    std::stable_sort(steps.begin(), steps.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    for (const auto &[place, thread] : steps)
        schedule.grants.append(thread);
    return schedule;
}
