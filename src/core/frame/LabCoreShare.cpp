#include "LabCoreShare.h"

#include <algorithm>

QList<double> LabCoreShare::perCore(const QList<TaskRow> &rows, int cores, const QList<double> &busy)
{
    QList<double> shares(std::max(0, cores), 0.0);
    for (const TaskRow &row : rows) {
        // Process rows hold the mean of their threads: only thread rows are counted, each once.
        if (row.isProcess() || row.core < 0 || row.core >= shares.size())
            continue;
        shares[row.core] += std::max(0.0, row.running);
    }
    for (qsizetype c = 0; c < shares.size(); ++c)
        shares[c] = std::min({shares[c], 1.0, c < busy.size() ? std::max(0.0, busy.at(c)) : 1.0});
    return shares;
}
