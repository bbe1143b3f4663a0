#include "DescendantScanner.h"

#include <QSet>

QList<int> DescendantScanner::scan(const ProcSource &source, const QList<int> &roots)
{
    QList<int> found;
    QSet<int> seen(roots.cbegin(), roots.cend());
    QList<int> queue = roots;
    for (qsizetype i = 0; i < queue.size(); ++i) {
        const int pid = queue.at(i);
        const std::optional<QList<int>> threads = source.listThreads(pid);
        if (!threads)
            continue;
        for (int tid : *threads) {
            for (int child : source.listChildren(pid, tid)) {
                if (seen.contains(child))
                    continue;
                seen.insert(child);
                found.append(child);
                queue.append(child);
            }
        }
    }
    return found;
}
